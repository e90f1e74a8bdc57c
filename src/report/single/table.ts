import { basedOnRespondents } from '../respondents.js';
import { Chalk } from 'chalk';
import { fitTable, layoutWidth, packItems, wrapLines, type FitColumn } from '../fit.js';
import { terminalSafe } from '../escape/terminal.js';
import type { Locale } from '../../locale/locale.js';
import { staleIds } from '../../core/stale.js';
import type { CompetencyResult, NextStep, Report } from '../../schema/report.js';
import { reportLocale, type Formatter } from './format.js';
import { planTableLines } from './plan.js';
import {
  aggregateText,
  answerLabels,
  answerText,
  type AnswerLabels,
  bar,
  baselineLine,
  blockedByText,
  changeText,
  completenessText,
  contextText,
  effortOwnerText,
  gateLine,
  nextStageText,
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
  const locale = reportLocale(options);
  const width = layoutWidth(options.width);
  const paint = new Chalk({ level: options.color ? 1 : 0 });
  // The labels are the model's texts: inert like the report's.
  const labels = answerLabels(locale, options.model === undefined ? undefined : terminalSafe({ scale: options.model.scale }));
  const stages = report.stages.length;
  const lines: string[] = [];

  lines.push(...wrapLines(paint.bold(`${report.organisation} — ${report.model.name}`), width));
  const meta = [locale.t('report.table.model', { name: report.model.name, version: report.model.version, id: report.model.id })];
  const context = contextText(locale, report);
  if (context !== null) meta.push(locale.t('report.table.context', { context }));
  if (report.date) meta.push(locale.t('report.table.date', { date: locale.date(report.date) }));
  if (report.assessor) meta.push(locale.t('report.table.assessor', { assessor: report.assessor }));
  const respondents = basedOnRespondents(report, options.locale);
  if (respondents !== null) meta.push(respondents);
  meta.push(locale.t('report.table.answered', { answered: completenessText(locale, report) }));
  const stale = staleText(locale, report);
  if (stale !== null) meta.push(locale.t('report.table.stale', { stale }));
  lines.push(...packItems(meta, ' · ', width).map((line) => paint.dim(line)));
  lines.push('');

  const compared = report.baseline !== undefined;
  const columns: FitColumn[] = [
    { head: locale.t('report.column.competency'), key: true },
    { head: locale.t('report.column.stage') },
    { head: locale.t('report.column.score'), align: 'right' },
    ...(compared ? [{ head: locale.t('report.column.change') }] : []),
    { head: locale.t('report.column.progress'), dropRank: 1 },
    { head: locale.t('report.column.nextStage') },
  ];
  const rows: string[][] = [];
  const trend = (text: string, delta: number | null | undefined) => ((delta ?? 0) > 0 ? paint.green(text) : (delta ?? 0) < 0 ? paint.red(text) : text);
  const stageColour = (level: number) => [paint.dim, paint.yellow, paint.cyan, paint.magenta][Math.min(level - 1, 3)] ?? paint.reset;
  for (const competency of report.competencies) {
    rows.push([
      competency.name,
      stageColour(competency.level)(competency.stageName),
      locale.score(competency.score),
      ...(compared ? [trend(changeText(locale, report, competency.id, competency.stage, competency.delta), competency.delta)] : []),
      stageColour(competency.level)(bar(competency.score, stages, BAR_WIDTH)),
      nextStageText(locale, report, competency),
    ]);
  }
  const { overall } = report;
  rows.push([
    paint.bold(locale.t('report.overallRow', { aggregate: aggregateText(locale, report) })),
    paint.bold(overall.stageName),
    paint.bold(locale.score(overall.score)),
    ...(compared ? [paint.bold(trend(changeText(locale, report, 'overall', overall.stage, overall.delta), overall.delta))] : []),
    paint.bold(bar(overall.score, stages, BAR_WIDTH)),
    '',
  ]);
  lines.push(fitTable(columns, rows, { width, head: (title) => paint.bold(title) }));
  lines.push('');
  lines.push(...wrapLines(locale.t('report.overallStage', { stage: paint.bold(overall.stageName), level: overall.level, stages, score: scoreOf(locale, report, overall.score) }), width));
  const since = baselineLine(locale, report);
  if (since) lines.push(...wrapLines(since, width));
  if (report.gates && report.gates.length > 0) {
    lines.push('', paint.bold(locale.t('report.gates')));
    for (const gate of report.gates) lines.push(...wrapLines((gate.passed ? paint.green : paint.red)(gateLine(locale, gate)), width, '  '));
  }
  lines.push(...planTableLines(locale, report, paint, width, labels));

  const steps = report.competencies.filter((competency) => competency.next.length > 0);
  if (steps.length > 0) {
    lines.push('');
    lines.push(paint.bold(locale.t('report.nextSteps')));
    const stale = staleIds(report);
    for (const competency of steps) lines.push(...nextSteps(locale, report, competency, options.nextSteps, paint, width, stale, labels));
  }
  return `${lines.join('\n')}\n`;
};

function nextSteps(locale: Locale, report: Report, competency: CompetencyResult, limit: number, paint: InstanceType<typeof Chalk>, width: number, stale: ReadonlySet<string>, labels: AnswerLabels): string[] {
  const target = competency.nextStage!;
  const needed = paint.dim(locale.t('report.table.attainment', { attained: locale.percent(competency.attainment[target] ?? 0), threshold: locale.percent(report.threshold) }));
  const lines = ['', ...wrapLines(`${paint.bold(competency.name)} → ${stageName(report, target)} ${needed}`, width)];
  const blocked = blockedByText(locale, report, competency);
  if (blocked !== null) lines.push(...wrapLines(paint.yellow(blocked), width, '  '));
  for (const step of competency.next.slice(0, limit)) {
    const key = step.key === true ? `${paint.bold(locale.t('report.table.keyMark'))} ` : '';
    lines.push(...wrapLines(`${key}${step.text} ${paint.dim(`[${locale.t('report.idAnswer', { id: step.id, answer: answerText(locale, step.answer, labels) })}${staleMark(locale, report, step, stale)}]`)}`, width, '  • '));
    if (step.note) lines.push(...wrapLines(paint.dim(locale.t('report.step.note', { note: step.note })), width, '    '));
    lines.push(...stepDetails(locale, step, paint, width));
    if (step.advice) lines.push(...wrapLines(step.advice, width, `    ${paint.green('→')} `));
  }
  const hidden = competency.next.length - limit;
  if (hidden > 0) lines.push(...wrapLines(paint.dim(locale.t('report.table.more', { count: hidden })), width, '  '));
  return lines;
}

/** ", stale: checked 2024-11-02" after a stale answer. */
function staleMark(locale: Locale, report: Report, step: NextStep, stale: ReadonlySet<string>): string {
  if (!stale.has(step.id)) return '';
  const checked = report.stale?.answers.find((answer) => answer.id === step.id)?.checked;
  return locale.t('report.table.staleMark', { date: checked === undefined ? '' : locale.date(checked) });
}

/** What the model says of a step, each on lines of its own: the criteria, what to check, effort and owner. */
function stepDetails(locale: Locale, step: NextStep, paint: InstanceType<typeof Chalk>, width: number): string[] {
  const lines: string[] = [];
  if (step.criteria !== undefined) {
    // Each criterion a bullet of its own, aligned under the first.
    const label = `    ${locale.t('report.step.doneWhen')} `;
    step.criteria.forEach((criterion, index) => lines.push(...wrapLines(criterion, width, `${index === 0 ? label : ' '.repeat(label.length)}• `)));
  }
  if (step.evidencePrompt !== undefined) lines.push(...wrapLines(locale.t('report.step.check', { check: step.evidencePrompt }), width, '    '));
  const effort = effortOwnerText(locale, step);
  if (effort !== null) lines.push(...wrapLines(paint.dim(effort), width, '    '));
  return lines;
}
