import type { CompetencyResult, CrossesVersions, Report } from '../schema/report.js';
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

/** "✔ fail-under overall: 2.61 ≥ 3.00", "✔ no-regression tools: 2.86 ≥ 2.88 - 0.05" — one line per gate. */
export function gateLine(gate: NonNullable<Report['gates']>[number]): string {
  const relation = gate.passed ? '≥' : '<';
  // A tolerated fall is measured from the baseline's score less the tolerance.
  const tolerance = gate.tolerance === undefined ? '' : ` - ${gate.tolerance}`;
  return `${gate.passed ? '✔' : '✘'} ${gate.gate} ${gate.subject}: ${formatScore(gate.actual)} ${relation} ${formatScore(gate.target)}${tolerance}`;
}
