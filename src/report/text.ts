import type { CompetencyResult, CrossesVersions, IndicatorResult, NextStep, Report } from '../schema/report.js';
import type { Locale } from '../locale/locale.js';
import type { Model } from '../schema/model.js';
import { NOT_APPLICABLE } from '../schema/constants.js';
import { DEFAULT_LANGUAGE } from '../schema/language.js';

/** "72/72 (100%)": percentages are truncated like scores, so 99.9% never reads 100%. */
export function completenessText(locale: Locale, report: Report): string {
  const { answered, total } = report.completeness;
  // The whole percent as it has always been computed, then written as the language writes it.
  return `${answered}/${total} (${locale.percent(Math.floor((answered / total) * 100) / 100)})`;
}

/** The name of a stage id in this report. */
export function stageName(report: Report, id: string): string {
  return report.stages.find((stage) => stage.id === id)?.name ?? id;
}

/** "Network 33%": the next stage and how far it is reached; "top stage" at the top. */
export function nextStageText(locale: Locale, report: Report, competency: CompetencyResult): string {
  if (competency.nextStage === null) return locale.t('report.nextStage.top');
  return `${stageName(report, competency.nextStage)} ${locale.percent(competency.attainment[competency.nextStage] ?? 0)}`;
}

/** A bar from the first stage (empty) to the top stage (full). */
export function bar(score: number, stages: number, width: number): string {
  const filled = Math.round(((score - 1) / (stages - 1)) * width);
  return '█'.repeat(filled) + '░'.repeat(width - filled);
}

/** "2.61 of 4". */
export function scoreOf(locale: Locale, report: Report, score: number): string {
  return locale.t('report.scoreOf', { score: locale.score(score), stages: report.stages.length });
}

/**
 * The scale's labels by id, for a report that shows answers by their labels; undefined for one
 * that shows the scale's ids as the answers file writes them.
 */
export type AnswerLabels = ReadonlyMap<string, string> | undefined;

/**
 * How a report for people shows answers: in English by the scale's ids, as English reports always
 * have (the built-in scale's ids are its English words); in another language by the labels of the
 * model it was scored with, which its translation gives in that language, so that no English id
 * reads as a word of the text. Ids wherever the model is not at hand.
 */
export function answerLabels(locale: Locale, model: { scale: readonly { id: string; label: string }[] } | undefined): AnswerLabels {
  return model === undefined || locale.language === DEFAULT_LANGUAGE ? undefined : new Map(model.scale.map((level) => [level.id, level.label]));
}

/** An answer as people read it: the scale's id (or its label, see answerLabels), `n/a` as the language says it, `unanswered` when there is none. */
export function answerText(locale: Locale, answer: string | null, labels?: AnswerLabels): string {
  return answer === null ? locale.t('report.answer.unanswered') : shownAnswer(locale, answer, labels);
}

/** A given answer as people read it: the scale's id as it is (or its label, see answerLabels), `n/a` as the language says it. */
export function shownAnswer(locale: Locale, answer: string, labels?: AnswerLabels): string {
  return answer === NOT_APPLICABLE ? locale.t('report.answer.notApplicable') : (labels?.get(answer) ?? answer);
}

/** "▲ +0.25", "▼ -0.30" or "= 0.00"; "new" when there is nothing to compare with. */
export function deltaText(locale: Locale, delta: number | null | undefined): string {
  if (delta === null || delta === undefined) return locale.t('report.delta.new');
  if (delta > 0) return `▲ ${locale.decimal(`+${delta.toFixed(2)}`)}`;
  if (delta < 0) return `▼ ${locale.decimal(`-${(-delta).toFixed(2)}`)}`;
  return `= ${locale.decimal('0.00')}`;
}

/** "Emergent Community → Community" when a competency changed stage since the baseline, else "". */
function stageChangeText(report: Report, id: string, stage: string, escape: (text: string) => string = (text) => text): string {
  const before = id === 'overall' ? report.baseline?.overall.stage : report.baseline?.competencies.find((competency) => competency.id === id)?.stage;
  if (before === undefined || before === stage) return '';
  return `${escape(stageName(report, before))} → ${escape(stageName(report, stage))}`;
}

/** The change cell of a table row: the delta, and the stage change if any. */
export function changeText(locale: Locale, report: Report, id: string, stage: string, delta: number | null | undefined, escape?: (text: string) => string): string {
  const moved = stageChangeText(report, id, stage, escape);
  return moved ? `${deltaText(locale, delta)} (${moved})` : deltaText(locale, delta);
}

/** "across model versions 1.0 → 2.0, competency by competency": what every format says of a comparison of two versions. */
export function crossingText(locale: Locale, crossing: CrossesVersions, escape: (text: string) => string = (text) => text): string {
  return locale.t('report.crossing', { from: escape(crossing.from), to: escape(crossing.to) });
}

/** "Baseline 2026-04-01: overall 2.40 → 2.61 (▲ +0.21)", and "; across model versions 1.0 → 2.0, …" when it crosses them. */
export function baselineLine(locale: Locale, report: Report, escape: (text: string) => string = (text) => text): string | undefined {
  const { baseline } = report;
  if (!baseline) return undefined;
  const values = { before: locale.score(baseline.overall.score), now: locale.score(report.overall.score), delta: deltaText(locale, report.overall.delta) };
  const line = baseline.date ? locale.t('report.baseline.dated', { ...values, date: escape(locale.date(baseline.date)) }) : locale.t('report.baseline.undated', values);
  return baseline.crossesVersions === undefined ? line : locale.t('report.baseline.crossing', { line, crossing: crossingText(locale, baseline.crossesVersions, escape) });
}

/** "✔ fail-under overall: 2.61 ≥ 3.00", "✔ no-regression tools: 2.86 ≥ 2.88 - 0.05", "✘ no-stale tools: 2 stale answers" — one line per gate. */
export function gateLine(locale: Locale, gate: NonNullable<Report['gates']>[number]): string {
  const mark = gate.passed ? '✔' : '✘';
  // No-stale counts answers: "✘ no-stale tools: 2 stale answers".
  if (gate.gate === 'no-stale') return locale.t('report.gate.stale', { mark, subject: gate.subject, count: gate.actual });
  const relation = gate.passed ? '≥' : '<';
  // A tolerated fall is measured from the baseline's score less the tolerance.
  const tolerance = gate.tolerance === undefined ? '' : ` - ${locale.decimal(String(gate.tolerance))}`;
  return locale.t('report.gate.score', { mark, gate: gate.gate, subject: gate.subject, actual: locale.score(gate.actual), relation, target: locale.score(gate.target), tolerance });
}

// What model 2.0 adds to a report (contexts, criteria, evidence, key indicators, stale answers):
// each format shows it only when the report holds it, so that a report of a 1.0 model is unchanged.

/** How an indicator outside the assessment's context is shown, apart from an assessor's `n/a`. */
export function notInContext(locale: Locale): string {
  return locale.t('report.answer.notInContext');
}

/** An indicator's answer as the answer lists show it: `not applicable in this context` for one outside the context. */
export function indicatorAnswerText(locale: Locale, indicator: IndicatorResult, labels?: AnswerLabels): string {
  return indicator.applicable === false ? notInContext(locale) : answerText(locale, indicator.answer, labels);
}

/** How many indicators do not apply in the assessment's context. */
function outOfContextCount(report: Report): number {
  let count = 0;
  for (const competency of report.competencies) for (const indicator of competency.indicators) if (indicator.applicable === false) count++;
  return count;
}

/** "Internal community (3 indicators not applicable)": the context's name, and how many indicators it leaves out; null without a context. */
export function contextText(locale: Locale, report: Report): string | null {
  if (!report.context) return null;
  const out = outOfContextCount(report);
  return out === 0 ? report.context.name : locale.t('report.context.outOfContext', { context: report.context.name, count: out });
}

/**
 * "2 answers checked before 2025-10-01 (--stale-after 12m)", "none checked before …", or, without
 * a date, that none could be judged; null without `--stale-after`.
 */
export function staleText(locale: Locale, report: Report): string | null {
  const stale = report.stale;
  if (!stale) return null;
  if (stale.checkedBefore === null) return locale.t('report.stale.notJudged', { after: stale.after });
  return locale.t('report.stale.checkedBefore', { count: stale.answers.length, date: locale.date(stale.checkedBefore), after: stale.after });
}

/** Whether any next step of the report carries what model 2.0 says about it, or any competency is held back by a key indicator. */
export function hasStepDetails(report: Report): boolean {
  return report.competencies.some((competency) => competency.blockedBy !== undefined || competency.next.some(stepHasDetails));
}

/** Whether a next step carries criteria, an evidence prompt, an effort, an owner or a key mark. */
export function stepHasDetails(step: NextStep): boolean {
  return step.criteria !== undefined || step.evidencePrompt !== undefined || step.effort !== undefined || step.owner !== undefined || step.key === true;
}

/** Whether the answers carry evidence, a date checked, an indicator outside the context or stale marks: what answer lists then show besides answer and note. */
export function hasAnswerDetails(report: Report): boolean {
  return report.stale !== undefined || report.competencies.some((competency) => competency.indicators.some((indicator) => indicator.evidence !== undefined || indicator.checked !== undefined || indicator.applicable === false));
}

/** "Effort: small · Owner: community manager", or null when the step names neither. */
export function effortOwnerText(locale: Locale, step: NextStep): string | null {
  const parts = [];
  if (step.effort !== undefined) parts.push(locale.t('report.step.effort', { effort: locale.t(`report.effort.${step.effort}`) }));
  if (step.owner !== undefined) parts.push(locale.t('report.step.owner', { owner: step.owner }));
  return parts.length === 0 ? null : parts.join(' · ');
}

/**
 * "Held back by the key indicator strategy.plan: Community is not met until it reaches the
 * threshold (75%), whatever the others." — null when no key indicator holds the competency back.
 */
export function blockedByText(locale: Locale, report: Report, competency: CompetencyResult, escape: (text: string) => string = (text) => text, code: (id: string) => string = escape): string | null {
  const blocked = competency.blockedBy;
  if (blocked === undefined || blocked.length === 0 || competency.nextStage === null) return null;
  return locale.t('report.step.blockedBy', {
    count: blocked.length,
    ids: blocked.map(code).join(', '),
    stage: escape(stageName(report, competency.nextStage)),
    threshold: locale.percent(report.threshold),
  });
}

/** How the overall score combines the competencies' (`mean`, `min`, `median`), in words. */
export function aggregateText(locale: Locale, report: Report): string {
  return locale.t(`report.aggregate.${report.aggregate}`);
}
