import { inline } from '../escape/markdown.js';
import type { HistoryFormatter } from './format.js';
import { crossingLine, hasCommits, heading, rows, trendLegend, trendRow } from './rows.js';

/** The history as GitHub-flavoured markdown, every text from the files escaped. */
export const formatHistoryMarkdown: HistoryFormatter = (history, { locale }) => {
  const head = [
    locale.t('reports.column.date'),
    ...(hasCommits(history) ? [locale.t('reports.history.column.commit')] : []),
    ...history.competencies.map((competency) => inline(competency.name)),
    locale.t('reports.overall'),
  ];
  const lines = [
    `# ${locale.t('reports.history.markdown.title', { model: inline(history.model.name), organisation: inline(history.organisation) })}`,
    '',
    `**${locale.t('reports.model')}** ${inline(`${history.model.name} ${history.model.version}`)} (${inline(history.model.id)}) · ${heading(locale, history)}`,
    '',
  ];
  const crossing = crossingLine(locale, history);
  if (crossing !== undefined) lines.push(`${inline(crossing)}.`, '');
  lines.push(`| ${head.join(' | ')} |`, `| ${head.map((_, index) => (index === 0 ? '---' : '---:')).join(' | ')} |`);
  for (const row of [...rows(locale, history), trendRow(locale, history)]) lines.push(`| ${row.map((cell) => inline(cell)).join(' | ')} |`);
  // The legend's stage names come from the model: escaped before they go into the sentence.
  lines.push('', trendLegend(locale, { ...history, stages: history.stages.map((stage) => ({ ...stage, name: inline(stage.name) })) }));
  return `${lines.join('\n')}\n`;
};
