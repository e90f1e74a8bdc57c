import { Chalk } from 'chalk';
import { fitTable, layoutWidth, packItems, wrapLines, type FitColumn } from '../fit.js';
import { terminalSafe } from '../escape/terminal.js';
import type { PortfolioFormatter } from './format.js';
import { answeredShare, anyContext, anyStale, cellScore, modelNames, portfolioRows, staleCount } from './rows.js';

/**
 * Many organisations for a terminal: one row each, a column per competency (by id), then overall;
 * every text made inert (terminalSafe). Too wide for options.width, the columns are split over
 * several tables, each starting with the organisation (fit.ts).
 */
export const formatPortfolioTable: PortfolioFormatter = (raw, options) => {
  const entries = terminalSafe(raw);
  const width = layoutWidth(options.width);
  const paint = new Chalk({ level: options.color ? 1 : 0 });
  const { locale } = options;
  const { columns, rows } = portfolioRows(entries);
  const head: FitColumn[] = [
    { head: locale.t('reports.column.organisation'), key: true },
    { head: locale.t('reports.column.file') },
    ...columns.map((column): FitColumn => ({ head: column.id, align: 'right' })),
    { head: locale.t('reports.overall'), align: 'right' },
    { head: locale.t('reports.column.stage') },
    { head: locale.t('reports.portfolio.column.answered'), align: 'right' },
  ];
  // A context and stale answers only when some organisation has them, so that other lists are unchanged.
  const context = anyContext(entries);
  const stale = anyStale(entries);
  if (context) head.push({ head: locale.t('reports.column.context') });
  if (stale) head.push({ head: locale.t('reports.portfolio.column.stale'), align: 'right' });
  const cells = rows.map(({ entry, cells }) => {
    const { report, file } = entry;
    return [
      report.organisation,
      paint.dim(file),
      ...cells.map((cell) => cellScore(locale, cell)),
      paint.bold(locale.score(report.overall.score)),
      report.overall.stageName,
      answeredShare(locale, report),
      ...(context ? [report.context?.name ?? ''] : []),
      ...(stale ? [staleCount(report)] : []),
    ];
  });
  const legend = columns.map((column) => `${column.id} = ${column.name}`);
  return `${[
    ...wrapLines(paint.bold(locale.t('reports.portfolio.table.title', { models: modelNames(locale, entries), count: entries.length })), width),
    '',
    fitTable(head, cells, { width, head: (title) => paint.bold(title) }),
    '',
    ...packItems(legend, ' · ', width).map((line) => paint.dim(line)),
  ].join('\n')}\n`;
};
