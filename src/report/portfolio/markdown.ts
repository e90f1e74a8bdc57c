import { inline } from '../escape/markdown.js';
import type { PortfolioFormatter } from './format.js';
import { answeredShare, anyContext, anyStale, cellScore, modelNames, portfolioRows, staleCount } from './rows.js';

/** Many organisations as a GitHub-flavoured markdown table, every text from the files escaped. */
export const formatPortfolioMarkdown: PortfolioFormatter = (entries, { locale }) => {
  const { columns, rows } = portfolioRows(entries);
  // A context and stale answers only when some organisation has them, so that other lists are unchanged.
  const context = anyContext(entries);
  const stale = anyStale(entries);
  const t = (key: Parameters<typeof locale.t>[0]) => locale.t(key);
  const competencies = columns.map((column) => inline(column.name)).join(' | ');
  const head = `| ${t('reports.column.organisation')} | ${t('reports.column.file')} | ${competencies} | ${t('reports.overall')} | ${t('reports.column.stage')} | ${t('reports.portfolio.column.answered')} |`;
  const extraHead = `${context ? ` ${t('reports.column.context')} |` : ''}${stale ? ` ${t('reports.portfolio.column.stale')} |` : ''}`;
  const lines = [
    `# ${locale.t('reports.portfolio.markdown.title', { models: inline(modelNames(locale, entries)), count: entries.length })}`,
    '',
    `${head}${extraHead}`,
    `| --- | --- | ${columns.map(() => '---:').join(' | ')} | ---: | --- | ---: |${context ? ' --- |' : ''}${stale ? ' ---: |' : ''}`,
  ];
  for (const { entry, cells } of rows) {
    const { report, file } = entry;
    const extra = `${context ? ` ${inline(report.context?.name ?? '')} |` : ''}${stale ? ` ${staleCount(report)} |` : ''}`;
    lines.push(`| ${inline(report.organisation)} | ${inline(file)} | ${cells.map((cell) => cellScore(locale, cell)).join(' | ')} | **${locale.score(report.overall.score)}** | ${inline(report.overall.stageName)} | ${answeredShare(locale, report)} |${extra}`);
  }
  return `${lines.join('\n')}\n`;
};
