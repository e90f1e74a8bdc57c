import type { CompetencyResult, Report } from '../schema/report.js';
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
export function checkReport(report: Report): InputIssue[] {
  const issues: InputIssue[] = [];
  const add = (path: (string | number)[], message: string) => issues.push({ path, code: 'inconsistent-report', message });
  const { stages } = report;
  const top = stages.length;

  if (top < 2) add(['stages'], `a report has at least 2 stages, not ${top}`);
  const stageIds = new Set<string>();
  stages.forEach((stage, index) => {
    if (stage.level !== index + 1) add(['stages', index, 'level'], `stages[${index}].level must be ${index + 1} (stages are listed lowest first, numbered from 1), not ${stage.level}`);
    if (stageIds.has(stage.id)) add(['stages', index, 'id'], `duplicate stage id ${quoted(stage.id)}`);
    stageIds.add(stage.id);
  });
  if (!(report.threshold > 0 && report.threshold <= 1)) add(['threshold'], `threshold must be greater than 0 and at most 1, not ${report.threshold}`);
  if (issues.length > 0) return issues;

  // The overall level follows the printed score (score.ts).
  const { level, score } = report.overall;
  if (!(score >= 1 && score <= top)) add(['overall', 'score'], `overall.score must be between 1 and ${top} (the number of stages), not ${score}`);
  else if (level !== Math.min(top, Math.floor(score))) add(['overall', 'level'], `overall.level must be ${Math.min(top, Math.floor(score))}, the level of the score ${score}, not ${level}`);
  else checkLevel(['overall'], 'overall', report.overall, report, add);

  const competencyIds = new Set<string>();
  const indicatorIds = new Set<string>();
  report.competencies.forEach((competency, index) => {
    if (competencyIds.has(competency.id)) add(['competencies', index, 'id'], `duplicate competency id ${quoted(competency.id)}`);
    competencyIds.add(competency.id);
    checkCompetency(competency, index, report, add);
    competency.indicators.forEach((indicator, place) => {
      if (indicatorIds.has(indicator.id)) add(['competencies', index, 'indicators', place, 'id'], `duplicate indicator id ${quoted(indicator.id)}`);
      indicatorIds.add(indicator.id);
    });
  });

  const scores = report.competencies.map((competency) => competency.score);
  if (scores.length > 0 && (score < Math.min(...scores) || score > Math.max(...scores) + CUT)) {
    add(['overall', 'score'], `overall.score ${score} cannot come from competency scores between ${Math.min(...scores)} and ${Math.max(...scores)}`);
  }

  // Indicators outside the assessment's context are not counted (score.ts).
  const counted = report.competencies.reduce((sum, competency) => sum + competency.indicators.filter((indicator) => indicator.applicable !== false).length, 0);
  const { answered, total, unanswered } = report.completeness;
  if (total !== counted) add(['completeness', 'total'], `completeness.total must be ${counted} (the report's indicators that apply), not ${total}`);
  if (answered !== total - unanswered.length) add(['completeness', 'answered'], `completeness.answered must be ${total - unanswered.length} (total less the unanswered), not ${answered}`);
  unanswered.forEach((id, index) => {
    if (!indicatorIds.has(id)) add(['completeness', 'unanswered', index], `${quoted(id)} is not an indicator of this report`);
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
    if (indicator === undefined) add([...path, 'id'], `${quoted(answer.id)} is not an indicator of this report`);
    else if (indicator.competency !== answer.competency) add([...path, 'competency'], `stale.answers[${index}].competency must be ${quoted(indicator.competency)}, the competency of ${inlineText(answer.id)}`);
    else if (indicator.checked !== answer.checked) add([...path, 'checked'], `stale.answers[${index}].checked must be the date ${inlineText(answer.id)} was checked`);
    if (checkedBefore === null || !(answer.checked < checkedBefore)) add([...path, 'checked'], `stale.answers[${index}] is not stale: a stale answer was checked before stale.checkedBefore`);
  });
}

type Add = (path: (string | number)[], message: string) => void;

/** A level is one of the stages, and its stage id and name are that stage's. */
function checkLevel(path: (string | number)[], label: string, result: { level: number; stage: string; stageName: string }, report: Report, add: Add): boolean {
  const top = report.stages.length;
  if (!(result.level >= 1 && result.level <= top)) {
    add([...path, 'level'], `${label}.level must be a stage's level, 1 to ${top}, not ${result.level}`);
    return false;
  }
  const stage = report.stages[result.level - 1]!;
  if (result.stage !== stage.id) add([...path, 'stage'], `${label}.stage must be ${quoted(stage.id)}, the stage of level ${result.level}, not ${quoted(result.stage)}`);
  if (result.stageName !== stage.name) add([...path, 'stageName'], `${label}.stageName must be ${quoted(stage.name)}, the name of stage ${inlineText(stage.id)}`);
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
    if (!aboveFirst.includes(id)) add([...path, 'attainment', id], `${label}.attainment has ${quoted(id)}, which is not a stage above the first (${aboveFirst.map(inlineText).join(', ')})`);
    else {
      const value = competency.attainment[id]!;
      if (!(value >= 0 && value <= 1)) add([...path, 'attainment', id], `${label}.attainment.${inlineText(id)} must be between 0 and 1, not ${value}`);
    }
  }
  for (const id of aboveFirst) {
    if (!Object.hasOwn(competency.attainment, id)) add([...path, 'attainment'], `${label}.attainment lacks stage ${inlineText(id)}: every stage above the first has one`);
  }
  competency.indicators.forEach((indicator, place) => {
    if (!aboveFirst.includes(indicator.stage)) add([...path, 'indicators', place, 'stage'], `${label}.indicators[${place}].stage ${quoted(indicator.stage)} is not a stage above the first (${aboveFirst.map(inlineText).join(', ')})`);
  });

  if (!checkLevel(path, label, competency, report, add)) return;
  const { level, score } = competency;
  const next = stages[level]?.id ?? null;
  if (competency.nextStage !== next) add([...path, 'nextStage'], `${label}.nextStage must be ${next === null ? 'null at the top stage' : `${quoted(next)}, the stage after level ${level}`}`);
  const scoreFits = level === top ? score === top : score >= level && score < level + 1;
  if (!scoreFits) add([...path, 'score'], `${label}.score ${score} does not fit level ${level}: ${level === top ? `the top level scores ${top}` : `a score at level ${level} is at least ${level} and below ${level + 1}`}`);
  // Every stage up to the level is met, and the next one is not (or the level would be higher).
  const attained = (id: string) => {
    const value = competency.attainment[id];
    return value !== undefined && value >= 0 && value <= 1 ? value : undefined;
  };
  stages.slice(1, level).forEach((stage) => {
    const value = attained(stage.id);
    if (value !== undefined && value < threshold - CUT - 1e-9) add([...path, 'attainment', stage.id], `${label}.attainment.${inlineText(stage.id)} is ${value}, below the threshold ${threshold}, yet the level ${level} says that stage is met`);
  });
  // A key indicator below the threshold holds its stage back whatever the attainment (blockedBy).
  if (next !== null && (competency.blockedBy ?? []).length === 0) {
    const value = attained(next);
    if (value !== undefined && value >= threshold) add([...path, 'attainment', next], `${label}.attainment.${inlineText(next)} is ${value}, at or above the threshold ${threshold}, yet the level ${level} says that stage is not met`);
  }
  competency.next.forEach((step, place) => {
    if (step.stage !== next) add([...path, 'next', place, 'stage'], `${label}.next[${place}] is a step to stage ${quoted(step.stage)}, but the next stage is ${next === null ? 'none (the top is reached)' : inlineText(next)}`);
  });
}
