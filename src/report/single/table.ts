import { Chalk } from 'chalk';
import { fitTable, layoutWidth, packItems, wrapLines, type FitColumn } from '../fit.js';
import { terminalSafe } from '../escape/terminal.js';
import { formatScore } from '../../core/truncate.js';
import type { CompetencyResult, Report } from '../../schema/report.js';
import type { Formatter } from './format.js';
import { planTableLines } from './plan.js';
import { answerText, bar, baselineLine, changeText, completenessText, gateLine, nextStageText, percent, scoreOf, stageName } from '../text.js';

const BAR_WIDTH = 20;

/**
 * The report for a terminal: a header, one row per competency, the overall row, then next steps.
 * Every text of the report is made inert first (terminalSafe): no cell or line holds a control character.
 * Every line fits options.width: the bar goes first, then texts wrap at spaces (see fit.ts).
 */
export const formatTable: Formatter = (raw, options) => {
  const report = terminalSafe(raw);
  const width = layoutWidth(options.width);
  const paint = new Chalk({ level: options.color ? 1 : 0 });
  const stages = report.stages.length;
  const lines: string[] = [];

  lines.push(...wrapLines(paint.bold(`${report.organisation} — ${report.model.name}`), width));
  const meta = [`Model: ${report.model.name} ${report.model.version} (${report.model.id})`];
  if (report.date) meta.push(`Date: ${report.date}`);
  if (report.assessor) meta.push(`Assessor: ${report.assessor}`);
  meta.push(`Answered: ${completenessText(report)}`);
  lines.push(...packItems(meta, ' · ', width).map((line) => paint.dim(line)));
  lines.push('');

  const compared = report.baseline !== undefined;
  const columns: FitColumn[] = [
    { head: 'Competency', key: true },
    { head: 'Stage' },
    { head: 'Score', align: 'right' },
    ...(compared ? [{ head: 'Change' }] : []),
    { head: 'Progress', dropRank: 1 },
    { head: 'Next stage' },
  ];
  const rows: string[][] = [];
  const trend = (text: string, delta: number | null | undefined) => ((delta ?? 0) > 0 ? paint.green(text) : (delta ?? 0) < 0 ? paint.red(text) : text);
  const stageColour = (level: number) => [paint.dim, paint.yellow, paint.cyan, paint.magenta][Math.min(level - 1, 3)] ?? paint.reset;
  for (const competency of report.competencies) {
    rows.push([
      competency.name,
      stageColour(competency.level)(competency.stageName),
      formatScore(competency.score),
      ...(compared ? [trend(changeText(report, competency.id, competency.stage, competency.delta), competency.delta)] : []),
      stageColour(competency.level)(bar(competency.score, stages, BAR_WIDTH)),
      nextStageText(report, competency),
    ]);
  }
  const { overall } = report;
  rows.push([
    paint.bold(`Overall (${report.aggregate})`),
    paint.bold(overall.stageName),
    paint.bold(formatScore(overall.score)),
    ...(compared ? [paint.bold(trend(changeText(report, 'overall', overall.stage, overall.delta), overall.delta))] : []),
    paint.bold(bar(overall.score, stages, BAR_WIDTH)),
    '',
  ]);
  lines.push(fitTable(columns, rows, { width, head: (title) => paint.bold(title) }));
  lines.push('');
  lines.push(...wrapLines(`Overall stage: ${paint.bold(overall.stageName)} (level ${overall.level} of ${stages}), score ${scoreOf(report, overall.score)}.`, width));
  const since = baselineLine(report);
  if (since) lines.push(...wrapLines(since, width));
  if (report.gates && report.gates.length > 0) {
    lines.push('', paint.bold('Gates'));
    for (const gate of report.gates) lines.push(...wrapLines((gate.passed ? paint.green : paint.red)(gateLine(gate)), width, '  '));
  }
  lines.push(...planTableLines(report, paint, width));

  const steps = report.competencies.filter((competency) => competency.next.length > 0);
  if (steps.length > 0) {
    lines.push('');
    lines.push(paint.bold('Next steps'));
    for (const competency of steps) lines.push(...nextSteps(report, competency, options.nextSteps, paint, width));
  }
  return `${lines.join('\n')}\n`;
};

function nextSteps(report: Report, competency: CompetencyResult, limit: number, paint: InstanceType<typeof Chalk>, width: number): string[] {
  const target = competency.nextStage!;
  const lines = [
    '',
    ...wrapLines(`${paint.bold(competency.name)} → ${stageName(report, target)} ${paint.dim(`(${percent(competency.attainment[target] ?? 0)} of ${percent(report.threshold)} needed)`)}`, width),
  ];
  for (const step of competency.next.slice(0, limit)) {
    lines.push(...wrapLines(`${step.text} ${paint.dim(`[${step.id}: ${answerText(step.answer)}]`)}`, width, '  • '));
    if (step.note) lines.push(...wrapLines(paint.dim(`Note: ${step.note}`), width, '    '));
    if (step.advice) lines.push(...wrapLines(step.advice, width, `    ${paint.green('→')} `));
  }
  const hidden = competency.next.length - limit;
  if (hidden > 0) lines.push(...wrapLines(paint.dim(`… and ${hidden} more (--all lists every one)`), width, '  '));
  return lines;
}
