import { Chalk } from 'chalk';
import Table from 'cli-table3';
import { COMPACT } from '../table-style.js';
import { terminalSafe } from '../escape/terminal.js';
import type { HistoryFormatter } from './format.js';
import { hasCommits, heading, rows, trendRow } from './rows.js';

/** A row per date, a column per competency (by id, to fit a terminal) and overall, then a trend row of sparklines; every text made inert (terminalSafe). */
export const formatHistoryTable: HistoryFormatter = (raw, options) => {
  const history = terminalSafe(raw);
  const paint = new Chalk({ level: options.color ? 1 : 0 });
  const head = ['Date', ...(hasCommits(history) ? ['Commit'] : []), ...history.competencies.map((competency) => competency.id), 'overall'];
  const table = new Table({ head: head.map((title) => paint.bold(title)), colAligns: head.map((_, index) => (index === 0 ? 'left' : 'right')), style: { head: [], border: [] }, chars: COMPACT });
  for (const row of rows(history)) table.push(row);
  table.push(trendRow(history).map((cell) => paint.bold(cell)));
  const lines = [
    paint.bold(`${history.organisation} — ${history.model.name} over time`),
    paint.dim(`Model: ${history.model.name} ${history.model.version} (${history.model.id}) · ${heading(history)}`),
    '',
    table.toString(),
    paint.dim(`Trend: ▁ ${history.stages[0]?.name ?? ''} … █ ${history.stages.at(-1)?.name ?? ''}`),
  ];
  return `${lines.join('\n')}\n`;
};
