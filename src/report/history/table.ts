import { Chalk } from 'chalk';
import { fitTable, layoutWidth, packItems, wrapLines, type FitColumn } from '../fit.js';
import { terminalSafe } from '../escape/terminal.js';
import type { HistoryFormatter } from './format.js';
import { crossingLine, hasCommits, heading, rows, trendLegend, trendRow } from './rows.js';

/** A row per date, a column per competency (by id, to fit a terminal) and overall, then a trend row of sparklines; every text made inert (terminalSafe). */
export const formatHistoryTable: HistoryFormatter = (raw, options) => {
  const history = terminalSafe(raw);
  const { locale } = options;
  const width = layoutWidth(options.width);
  const paint = new Chalk({ level: options.color ? 1 : 0 });
  const columns: FitColumn[] = [
    { head: locale.t('reports.column.date'), key: true },
    ...(hasCommits(history) ? [{ head: locale.t('reports.history.column.commit'), key: true, align: 'right' } as const] : []),
    ...history.competencies.map((competency): FitColumn => ({ head: competency.id, align: 'right' })),
    { head: locale.t('reports.history.column.overall'), align: 'right' },
  ];
  const table = fitTable(columns, [...rows(locale, history), trendRow(locale, history).map((cell) => paint.bold(cell))], { width, head: (title) => paint.bold(title) });
  const crossing = crossingLine(locale, history);
  const lines = [
    ...wrapLines(paint.bold(locale.t('reports.history.table.title', { organisation: history.organisation, model: history.model.name })), width),
    ...packItems([`${locale.t('reports.model')} ${history.model.name} ${history.model.version} (${history.model.id})`, heading(locale, history)], ' · ', width).map((line) => paint.dim(line)),
    ...(crossing === undefined ? [] : wrapLines(crossing, width)),
    '',
    table,
    ...wrapLines(paint.dim(trendLegend(locale, history)), width),
  ];
  return `${lines.join('\n')}\n`;
};
