import type { CompetencyResult, Report } from '../schema/report.js';
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
