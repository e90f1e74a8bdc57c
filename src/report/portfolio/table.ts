import { Chalk } from 'chalk';
import { formatScore } from '../../core/truncate.js';
import { fitTable, layoutWidth, packItems, wrapLines, type FitColumn } from '../fit.js';
import { terminalSafe } from '../escape/terminal.js';
import type { PortfolioFormatter } from './format.js';
import { answeredShare, anyContext, anyStale, cellScore, countText, modelNames, portfolioRows, staleCount } from './rows.js';

/**
 * Many organisations for a terminal: one row each, a column per competency (by id), then overall;
 * every text made inert (terminalSafe). Too wide for options.width, the columns are split over
 * several tables, each starting with the organisation (fit.ts).
 */
export const formatPortfolioTable: PortfolioFormatter = (raw, options) => {
  const entries = terminalSafe(raw);
  const width = layoutWidth(options.width);
  const paint = new Chalk({ level: options.color ? 1 : 0 });
  const { columns, rows } = portfolioRows(entries);
  const head: FitColumn[] = [
    { head: 'Organisation', key: true },
    { head: 'File' },
    ...columns.map((column): FitColumn => ({ head: column.id, align: 'right' })),
    { head: 'Overall', align: 'right' },
    { head: 'Stage' },
    { head: 'Answered', align: 'right' },
  ];
  // A context and stale answers only when some organisation has them, so that other lists are unchanged.
  const context = anyContext(entries);
  const stale = anyStale(entries);
  if (context) head.push({ head: 'Context' });
  if (stale) head.push({ head: 'Stale', align: 'right' });
  const cells = rows.map(({ entry, cells }) => {
    const { report, file } = entry;
    return [
      report.organisation,
      paint.dim(file),
      ...cells.map(cellScore),
      paint.bold(formatScore(report.overall.score)),
      report.overall.stageName,
      answeredShare(report),
      ...(context ? [report.context?.name ?? ''] : []),
      ...(stale ? [staleCount(report)] : []),
    ];
  });
  const legend = columns.map((column) => `${column.id} = ${column.name}`);
  return `${[
    ...wrapLines(paint.bold(`${modelNames(entries)} — ${countText(entries.length)}`), width),
    '',
    fitTable(head, cells, { width, head: (title) => paint.bold(title) }),
    '',
    ...packItems(legend, ' · ', width).map((line) => paint.dim(line)),
  ].join('\n')}\n`;
};
