import type { CompetencyResult, CrossesVersions, IndicatorResult, NextStep, Report } from '../schema/report.js';
import { formatScore } from '../core/truncate.js';

/** "72/72 (100%)": percentages are truncated like scores, so 99.9% never reads 100%. */
export function completenessText(report: Report): string {
  const { answered, total } = report.completeness;
  return `${answered}/${total} (${Math.floor((answered / total) * 100)}%)`;
}

/** Attainment as a whole percentage, truncated. */
export function percent(value: number): string {
  return `${Math.floor(value * 100 + 1e-9)}%`;
}

/** The name of a stage id in this report. */
export function stageName(report: Report, id: string): string {
  return report.stages.find((stage) => stage.id === id)?.name ?? id;
}

/** "Network 33%": the next stage and how far it is reached; "top stage" at the top. */
export function nextStageText(report: Report, competency: CompetencyResult): string {
  if (competency.nextStage === null) return 'top stage';
  return `${stageName(report, competency.nextStage)} ${percent(competency.attainment[competency.nextStage] ?? 0)}`;
}

/** A bar from the first stage (empty) to the top stage (full). */
export function bar(score: number, stages: number, width: number): string {
  const filled = Math.round(((score - 1) / (stages - 1)) * width);
  return '█'.repeat(filled) + '░'.repeat(width - filled);
}

/** "2.61 of 4". */
export function scoreOf(report: Report, score: number): string {
  return `${formatScore(score)} of ${report.stages.length}`;
}

export function answerText(answer: string | null): string {
  return answer ?? 'unanswered';
}

/** "▲ +0.25", "▼ -0.30" or "= 0.00"; "new" when there is nothing to compare with. */
export function deltaText(delta: number | null | undefined): string {
  if (delta === null || delta === undefined) return 'new';
  if (delta > 0) return `▲ +${delta.toFixed(2)}`;
  if (delta < 0) return `▼ -${(-delta).toFixed(2)}`;
  return '= 0.00';
}

/** "Emergent Community → Community" when a competency changed stage since the baseline, else "". */
function stageChangeText(report: Report, id: string, stage: string, escape: (text: string) => string = (text) => text): string {
  const before = id === 'overall' ? report.baseline?.overall.stage : report.baseline?.competencies.find((competency) => competency.id === id)?.stage;
  if (before === undefined || before === stage) return '';
  return `${escape(stageName(report, before))} → ${escape(stageName(report, stage))}`;
}

/** The change cell of a table row: the delta, and the stage change if any. */
export function changeText(report: Report, id: string, stage: string, delta: number | null | undefined, escape?: (text: string) => string): string {
  const moved = stageChangeText(report, id, stage, escape);
  return moved ? `${deltaText(delta)} (${moved})` : deltaText(delta);
}

/** "across model versions 1.0 → 2.0, competency by competency": what every format says of a comparison of two versions. */
export function crossingText(crossing: CrossesVersions, escape: (text: string) => string = (text) => text): string {
  return `across model versions ${escape(crossing.from)} → ${escape(crossing.to)}, competency by competency`;
}

/** "Baseline 2026-04-01: overall 2.40 → 2.61 (▲ +0.21)", and "; across model versions 1.0 → 2.0, …" when it crosses them. */
export function baselineLine(report: Report, escape: (text: string) => string = (text) => text): string | undefined {
  const { baseline } = report;
  if (!baseline) return undefined;
  const when = baseline.date ? ` ${escape(baseline.date)}` : '';
  const across = baseline.crossesVersions === undefined ? '' : `; ${crossingText(baseline.crossesVersions, escape)}`;
  return `Baseline${when}: overall ${formatScore(baseline.overall.score)} → ${formatScore(report.overall.score)} (${deltaText(report.overall.delta)})${across}`;
}

/** "✔ fail-under overall: 2.61 ≥ 3.00", "✔ no-regression tools: 2.86 ≥ 2.88 - 0.05", "✘ no-stale tools: 2 stale answers" — one line per gate. */
export function gateLine(gate: NonNullable<Report['gates']>[number]): string {
  // No-stale counts answers: "✘ no-stale tools: 2 stale answers".
  if (gate.gate === 'no-stale') return `${gate.passed ? '✔' : '✘'} no-stale ${gate.subject}: ${gate.actual} stale answer${gate.actual === 1 ? '' : 's'}`;
  const relation = gate.passed ? '≥' : '<';
  // A tolerated fall is measured from the baseline's score less the tolerance.
  const tolerance = gate.tolerance === undefined ? '' : ` - ${gate.tolerance}`;
  return `${gate.passed ? '✔' : '✘'} ${gate.gate} ${gate.subject}: ${formatScore(gate.actual)} ${relation} ${formatScore(gate.target)}${tolerance}`;
}

// What model 2.0 adds to a report (contexts, criteria, evidence, key indicators, stale answers):
// each format shows it only when the report holds it, so that a report of a 1.0 model is unchanged.

/** How an indicator outside the assessment's context is shown, apart from an assessor's `n/a`. */
export const NOT_IN_CONTEXT = 'not applicable in this context';

/** An indicator's answer as the answer lists show it: `not applicable in this context` for one outside the context. */
export function indicatorAnswerText(indicator: IndicatorResult): string {
  return indicator.applicable === false ? NOT_IN_CONTEXT : answerText(indicator.answer);
}

/** How many indicators do not apply in the assessment's context. */
function outOfContextCount(report: Report): number {
  let count = 0;
  for (const competency of report.competencies) for (const indicator of competency.indicators) if (indicator.applicable === false) count++;
  return count;
}

/** "Internal community (3 indicators not applicable)": the context's name, and how many indicators it leaves out; null without a context. */
export function contextText(report: Report): string | null {
  if (!report.context) return null;
  const out = outOfContextCount(report);
  return out === 0 ? report.context.name : `${report.context.name} (${out} indicator${out === 1 ? '' : 's'} not applicable)`;
}

/**
 * "2 answers checked before 2025-10-01 (--stale-after 12m)", "none checked before …", or, without
 * a date, that none could be judged; null without `--stale-after`.
 */
export function staleText(report: Report): string | null {
  const stale = report.stale;
  if (!stale) return null;
  if (stale.checkedBefore === null) return `not judged: the assessment has no date (--stale-after ${stale.after})`;
  const count = stale.answers.length;
  const answers = count === 0 ? 'no answer' : `${count} answer${count === 1 ? '' : 's'}`;
  return `${answers} checked before ${stale.checkedBefore} (--stale-after ${stale.after})`;
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
export function effortOwnerText(step: NextStep): string | null {
  const parts = [];
  if (step.effort !== undefined) parts.push(`Effort: ${step.effort}`);
  if (step.owner !== undefined) parts.push(`Owner: ${step.owner}`);
  return parts.length === 0 ? null : parts.join(' · ');
}

/**
 * "Held back by the key indicator strategy.plan: Community is not met until it reaches the
 * threshold (75%), whatever the others." — null when no key indicator holds the competency back.
 */
export function blockedByText(report: Report, competency: CompetencyResult, escape: (text: string) => string = (text) => text, code: (id: string) => string = escape): string | null {
  const blocked = competency.blockedBy;
  if (blocked === undefined || blocked.length === 0 || competency.nextStage === null) return null;
  const ids = blocked.map(code).join(', ');
  const which = blocked.length === 1 ? `the key indicator ${ids}` : `the key indicators ${ids}`;
  const reach = blocked.length === 1 ? 'it reaches' : 'each reaches';
  return `Held back by ${which}: ${escape(stageName(report, competency.nextStage))} is not met until ${reach} the threshold (${percent(report.threshold)}), whatever the others.`;
}
