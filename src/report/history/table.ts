import { Chalk } from 'chalk';
import { fitTable, layoutWidth, packItems, wrapLines, type FitColumn } from '../fit.js';
import { terminalSafe } from '../escape/terminal.js';
import type { HistoryFormatter } from './format.js';
import { crossingLine, hasCommits, heading, rows, trendRow } from './rows.js';

/** A row per date, a column per competency (by id, to fit a terminal) and overall, then a trend row of sparklines; every text made inert (terminalSafe). */
export const formatHistoryTable: HistoryFormatter = (raw, options) => {
  const history = terminalSafe(raw);
  const width = layoutWidth(options.width);
  const paint = new Chalk({ level: options.color ? 1 : 0 });
  const columns: FitColumn[] = [
    { head: 'Date', key: true },
    ...(hasCommits(history) ? [{ head: 'Commit', key: true, align: 'right' } as const] : []),
    ...history.competencies.map((competency): FitColumn => ({ head: competency.id, align: 'right' })),
    { head: 'overall', align: 'right' },
  ];
  const table = fitTable(columns, [...rows(history), trendRow(history).map((cell) => paint.bold(cell))], { width, head: (title) => paint.bold(title) });
  const lines = [
    ...wrapLines(paint.bold(`${history.organisation} — ${history.model.name} over time`), width),
    ...packItems([`Model: ${history.model.name} ${history.model.version} (${history.model.id})`, heading(history)], ' · ', width).map((line) => paint.dim(line)),
    ...(crossingLine(history) === undefined ? [] : wrapLines(crossingLine(history)!, width)),
    '',
    table,
    ...wrapLines(paint.dim(`Trend: ▁ ${history.stages[0]?.name ?? ''} … █ ${history.stages.at(-1)?.name ?? ''}`), width),
  ];
  return `${lines.join('\n')}\n`;
};
