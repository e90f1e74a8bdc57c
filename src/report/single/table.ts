import { basedOnRespondents } from '../respondents.js';
import { Chalk } from 'chalk';
import { fitTable, layoutWidth, packItems, wrapLines, type FitColumn } from '../fit.js';
import { terminalSafe } from '../escape/terminal.js';
import { formatScore } from '../../core/truncate.js';
import { staleIds } from '../../core/stale.js';
import type { CompetencyResult, NextStep, Report } from '../../schema/report.js';
import type { Formatter } from './format.js';
import { planTableLines } from './plan.js';
import {
  answerText,
  bar,
  baselineLine,
  blockedByText,
  changeText,
  completenessText,
  contextText,
  effortOwnerText,
  gateLine,
  nextStageText,
  percent,
  scoreOf,
  stageName,
  staleText,
} from '../text.js';

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
  const context = contextText(report);
  if (context !== null) meta.push(`Context: ${context}`);
  if (report.date) meta.push(`Date: ${report.date}`);
  if (report.assessor) meta.push(`Assessor: ${report.assessor}`);
  const respondents = basedOnRespondents(report, options.locale);
  if (respondents !== null) meta.push(respondents);
  meta.push(`Answered: ${completenessText(report)}`);
  const stale = staleText(report);
  if (stale !== null) meta.push(`Stale: ${stale}`);
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
    const stale = staleIds(report);
    for (const competency of steps) lines.push(...nextSteps(report, competency, options.nextSteps, paint, width, stale));
  }
  return `${lines.join('\n')}\n`;
};

function nextSteps(report: Report, competency: CompetencyResult, limit: number, paint: InstanceType<typeof Chalk>, width: number, stale: ReadonlySet<string>): string[] {
  const target = competency.nextStage!;
  const lines = [
    '',
    ...wrapLines(`${paint.bold(competency.name)} → ${stageName(report, target)} ${paint.dim(`(${percent(competency.attainment[target] ?? 0)} of ${percent(report.threshold)} needed)`)}`, width),
  ];
  const blocked = blockedByText(report, competency);
  if (blocked !== null) lines.push(...wrapLines(paint.yellow(blocked), width, '  '));
  for (const step of competency.next.slice(0, limit)) {
    const key = step.key === true ? `${paint.bold('[key]')} ` : '';
    lines.push(...wrapLines(`${key}${step.text} ${paint.dim(`[${step.id}: ${answerText(step.answer)}${staleMark(report, step, stale)}]`)}`, width, '  • '));
    if (step.note) lines.push(...wrapLines(paint.dim(`Note: ${step.note}`), width, '    '));
    lines.push(...stepDetails(step, paint, width));
    if (step.advice) lines.push(...wrapLines(step.advice, width, `    ${paint.green('→')} `));
  }
  const hidden = competency.next.length - limit;
  if (hidden > 0) lines.push(...wrapLines(paint.dim(`… and ${hidden} more (--all lists every one)`), width, '  '));
  return lines;
}

/** ", stale: checked 2024-11-02" after a stale answer. */
function staleMark(report: Report, step: NextStep, stale: ReadonlySet<string>): string {
  if (!stale.has(step.id)) return '';
  const checked = report.stale?.answers.find((answer) => answer.id === step.id)?.checked;
  return `, stale: checked ${checked ?? ''}`;
}

/** What the model says of a step, each on lines of its own: the criteria, what to check, effort and owner. */
function stepDetails(step: NextStep, paint: InstanceType<typeof Chalk>, width: number): string[] {
  const lines: string[] = [];
  if (step.criteria !== undefined) {
    // Each criterion a bullet of its own, aligned under the first.
    const label = '    Done when: ';
    step.criteria.forEach((criterion, index) => lines.push(...wrapLines(criterion, width, `${index === 0 ? label : ' '.repeat(label.length)}• `)));
  }
  if (step.evidencePrompt !== undefined) lines.push(...wrapLines(`Check: ${step.evidencePrompt}`, width, '    '));
  const effort = effortOwnerText(step);
  if (effort !== null) lines.push(...wrapLines(paint.dim(effort), width, '    '));
  return lines;
}
