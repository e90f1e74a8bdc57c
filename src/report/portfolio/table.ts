import { Chalk } from 'chalk';
import Table from 'cli-table3';
import { formatScore } from '../../core/truncate.js';
import { COMPACT } from '../table-style.js';
import { terminalSafe } from '../escape/terminal.js';
import type { PortfolioFormatter } from './format.js';
import { answeredShare, cellScore, countText, modelNames, portfolioRows } from './rows.js';

/** Many organisations for a terminal: one row each, a column per competency (by id), then overall; every text made inert (terminalSafe). */
export const formatPortfolioTable: PortfolioFormatter = (raw, options) => {
  const entries = terminalSafe(raw);
  const paint = new Chalk({ level: options.color ? 1 : 0 });
  const { columns, rows } = portfolioRows(entries);
  const table = new Table({
    head: ['Organisation', 'File', ...columns.map((column) => column.id), 'Overall', 'Stage', 'Answered'].map((title) => paint.bold(title)),
    colAligns: ['left', 'left', ...columns.map(() => 'right' as const), 'right', 'left', 'right'],
    style: { head: [], border: [] },
    chars: COMPACT,
  });
  for (const { entry, cells } of rows) {
    const { report, file } = entry;
    table.push([report.organisation, paint.dim(file), ...cells.map(cellScore), paint.bold(formatScore(report.overall.score)), report.overall.stageName, answeredShare(report)]);
  }
  const legend = columns.map((column) => `${column.id} = ${column.name}`).join(' · ');
  return `${[paint.bold(`${modelNames(entries)} — ${countText(entries.length)}`), '', table.toString(), '', paint.dim(legend)].join('\n')}\n`;
};
