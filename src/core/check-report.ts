import type { MessageKey } from '../locale/keys.js';
import type { CompetencyResult, Report } from '../schema/report.js';
import { ENGLISH } from '../locale/english.js';
import type { Locale } from '../locale/locale.js';
import type { InputIssue } from './issue.js';
import { inlineText, quoted } from './quote.js';

/**
 * Attainments and scores in a report are cut to two decimals (truncate.ts): a met stage may read
 * up to this much below the threshold, and a score up to this much below what its parts give.
 */
const CUT = 0.01;

/**
 * What a JSON report must be, whatever its model, for its levels, stages, attainments and scores
 * to be possible: the rules scoring follows (score.ts), checked without the model file. A report
 * written by `--format json` always passes; one edited by hand, damaged or forged is refused here
 * rather than compared, drawn or trusted as a baseline.
 */
export function checkReport(report: Report, locale: Locale = ENGLISH): InputIssue[] {
  const issues: InputIssue[] = [];
  const add: Add = (path, key, values) => issues.push({ path, code: 'inconsistent-report', message: locale.t(key, values) });
  const n = String;
  const { stages } = report;
  const top = stages.length;

  if (top < 2) add(['stages'], 'input.report.too-few-stages', { count: n(top) });
  const stageIds = new Set<string>();
  stages.forEach((stage, index) => {
    if (stage.level !== index + 1) add(['stages', index, 'level'], 'input.report.stage-level', { index: n(index), expected: n(index + 1), found: n(stage.level) });
    if (stageIds.has(stage.id)) add(['stages', index, 'id'], 'input.report.duplicate-stage', { id: quoted(stage.id) });
    stageIds.add(stage.id);
  });
  if (!(report.threshold > 0 && report.threshold <= 1)) add(['threshold'], 'input.report.threshold', { found: n(report.threshold) });
  if (issues.length > 0) return issues;

  // The overall level follows the printed score (score.ts).
  const { level, score } = report.overall;
  if (!(score >= 1 && score <= top)) add(['overall', 'score'], 'input.report.overall-score', { top: n(top), found: n(score) });
  else if (level !== Math.min(top, Math.floor(score))) add(['overall', 'level'], 'input.report.overall-level', { expected: n(Math.min(top, Math.floor(score))), score: n(score), found: n(level) });
  else checkLevel(['overall'], 'overall', report.overall, report, add);

  const competencyIds = new Set<string>();
  const indicatorIds = new Set<string>();
  report.competencies.forEach((competency, index) => {
    if (competencyIds.has(competency.id)) add(['competencies', index, 'id'], 'input.report.duplicate-competency', { id: quoted(competency.id) });
    competencyIds.add(competency.id);
    checkCompetency(competency, index, report, add);
    competency.indicators.forEach((indicator, place) => {
      if (indicatorIds.has(indicator.id)) add(['competencies', index, 'indicators', place, 'id'], 'input.report.duplicate-indicator', { id: quoted(indicator.id) });
      indicatorIds.add(indicator.id);
    });
  });

  const scores = report.competencies.map((competency) => competency.score);
  if (scores.length > 0 && (score < Math.min(...scores) || score > Math.max(...scores) + CUT)) {
    add(['overall', 'score'], 'input.report.overall-out-of-competencies', { score: n(score), lowest: n(Math.min(...scores)), highest: n(Math.max(...scores)) });
  }

  // Indicators outside the assessment's context are not counted (score.ts).
  const counted = report.competencies.reduce((sum, competency) => sum + competency.indicators.filter((indicator) => indicator.applicable !== false).length, 0);
  const { answered, total, unanswered } = report.completeness;
  if (total !== counted) add(['completeness', 'total'], 'input.report.completeness-total', { expected: n(counted), found: n(total) });
  if (answered !== total - unanswered.length) add(['completeness', 'answered'], 'input.report.completeness-answered', { expected: n(total - unanswered.length), found: n(answered) });
  unanswered.forEach((id, index) => {
    if (!indicatorIds.has(id)) add(['completeness', 'unanswered', index], 'input.report.not-an-indicator', { id: quoted(id) });
  });
  if (report.stale) checkStale(report, add);
  return issues;
}

/** Stale answers are answers of the report, in their competency, checked before the cut-off. */
function checkStale(report: Report, add: Add): void {
  const { checkedBefore, answers } = report.stale!;
  const indicators = new Map(report.competencies.flatMap((competency) => competency.indicators.map((indicator) => [indicator.id, { competency: competency.id, checked: indicator.checked }] as const)));
  answers.forEach((answer, index) => {
    const path = ['stale', 'answers', index];
    const indicator = indicators.get(answer.id);
    if (indicator === undefined) add([...path, 'id'], 'input.report.not-an-indicator', { id: quoted(answer.id) });
    else if (indicator.competency !== answer.competency) {
      add([...path, 'competency'], 'input.report.stale-competency', { index: String(index), competency: quoted(indicator.competency), id: inlineText(answer.id) });
    }
    else if (indicator.checked !== answer.checked) add([...path, 'checked'], 'input.report.stale-checked', { index: String(index), id: inlineText(answer.id) });
    if (checkedBefore === null || !(answer.checked < checkedBefore)) add([...path, 'checked'], 'input.report.not-stale', { index: String(index) });
  });
}

type Add = (path: (string | number)[], key: MessageKey, values: Readonly<Record<string, string>>) => void;

/** A level is one of the stages, and its stage id and name are that stage's. */
function checkLevel(path: (string | number)[], label: string, result: { level: number; stage: string; stageName: string }, report: Report, add: Add): boolean {
  const top = report.stages.length;
  if (!(result.level >= 1 && result.level <= top)) {
    add([...path, 'level'], 'input.report.level', { label, top: String(top), found: String(result.level) });
    return false;
  }
  const stage = report.stages[result.level - 1]!;
  if (result.stage !== stage.id) add([...path, 'stage'], 'input.report.stage', { label, stage: quoted(stage.id), level: String(result.level), found: quoted(result.stage) });
  if (result.stageName !== stage.name) add([...path, 'stageName'], 'input.report.stage-name', { label, name: quoted(stage.name), stage: inlineText(stage.id) });
  return true;
}

/** A competency's level, score, next stage and attainments as scoring gives them. */
function checkCompetency(competency: CompetencyResult, index: number, report: Report, add: Add): void {
  const path = ['competencies', index];
  const label = `competencies[${index}]`;
  const { stages, threshold } = report;
  const top = stages.length;
  const aboveFirst = stages.slice(1).map((stage) => stage.id);

  for (const id of Object.keys(competency.attainment)) {
    if (!aboveFirst.includes(id)) add([...path, 'attainment', id], 'input.report.attainment-stage', { label, id: quoted(id), stages: aboveFirst.map(inlineText).join(', ') });
    else {
      const value = competency.attainment[id]!;
      if (!(value >= 0 && value <= 1)) add([...path, 'attainment', id], 'input.report.attainment-range', { label, id: inlineText(id), found: String(value) });
    }
  }
  for (const id of aboveFirst) {
    if (!Object.hasOwn(competency.attainment, id)) add([...path, 'attainment'], 'input.report.attainment-missing', { label, id: inlineText(id) });
  }
  competency.indicators.forEach((indicator, place) => {
    if (!aboveFirst.includes(indicator.stage)) {
      add([...path, 'indicators', place, 'stage'], 'input.report.indicator-stage', { label, place: String(place), stage: quoted(indicator.stage), stages: aboveFirst.map(inlineText).join(', ') });
    }
  });

  if (!checkLevel(path, label, competency, report, add)) return;
  const { level, score } = competency;
  const next = stages[level]?.id ?? null;
  if (competency.nextStage !== next) {
    if (next === null) add([...path, 'nextStage'], 'input.report.next-stage-top', { label });
    else add([...path, 'nextStage'], 'input.report.next-stage', { label, stage: quoted(next), level: String(level) });
  }
  const scoreFits = level === top ? score === top : score >= level && score < level + 1;
  if (!scoreFits) {
    if (level === top) add([...path, 'score'], 'input.report.score-top', { label, score: String(score), level: String(level), top: String(top) });
    else add([...path, 'score'], 'input.report.score-level', { label, score: String(score), level: String(level), above: String(level + 1) });
  }
  // Every stage up to the level is met, and the next one is not (or the level would be higher).
  const attained = (id: string) => {
    const value = competency.attainment[id];
    return value !== undefined && value >= 0 && value <= 1 ? value : undefined;
  };
  stages.slice(1, level).forEach((stage) => {
    const value = attained(stage.id);
    if (value !== undefined && value < threshold - CUT - 1e-9) {
      add([...path, 'attainment', stage.id], 'input.report.stage-not-met', { label, id: inlineText(stage.id), value: String(value), threshold: String(threshold), level: String(level) });
    }
  });
  // A key indicator below the threshold holds its stage back whatever the attainment (blockedBy).
  if (next !== null && (competency.blockedBy ?? []).length === 0) {
    const value = attained(next);
    if (value !== undefined && value >= threshold) {
      add([...path, 'attainment', next], 'input.report.stage-met', { label, id: inlineText(next), value: String(value), threshold: String(threshold), level: String(level) });
    }
  }
  competency.next.forEach((step, place) => {
    if (step.stage === next) return;
    if (next === null) add([...path, 'next', place, 'stage'], 'input.report.step-past-top', { label, place: String(place), stage: quoted(step.stage) });
    else add([...path, 'next', place, 'stage'], 'input.report.step-stage', { label, place: String(place), stage: quoted(step.stage), next: inlineText(next) });
  });
}
