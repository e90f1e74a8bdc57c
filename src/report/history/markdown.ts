import { inline } from '../escape/markdown.js';
import type { HistoryFormatter } from './format.js';
import { crossingLine, hasCommits, heading, rows, trendRow } from './rows.js';

/** The history as GitHub-flavoured markdown, every text from the files escaped. */
export const formatHistoryMarkdown: HistoryFormatter = (history) => {
  const head = ['Date', ...(hasCommits(history) ? ['Commit'] : []), ...history.competencies.map((competency) => inline(competency.name)), 'Overall'];
  const lines = [`# ${inline(history.model.name)} over time: ${inline(history.organisation)}`, '', `**Model:** ${inline(`${history.model.name} ${history.model.version}`)} (${inline(history.model.id)}) · ${heading(history)}`, ''];
  const crossing = crossingLine(history);
  if (crossing !== undefined) lines.push(`${inline(crossing)}.`, '');
  lines.push(`| ${head.join(' | ')} |`, `| ${head.map((_, index) => (index === 0 ? '---' : '---:')).join(' | ')} |`);
  for (const row of [...rows(history), trendRow(history)]) lines.push(`| ${row.map((cell) => inline(cell)).join(' | ')} |`);
  lines.push('', `Trend: ▁ ${inline(history.stages[0]?.name ?? '')} … █ ${inline(history.stages.at(-1)?.name ?? '')}`);
  return `${lines.join('\n')}\n`;
};
