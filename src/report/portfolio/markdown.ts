import { formatScore } from '../../core/truncate.js';
import { inline } from '../escape/markdown.js';
import type { PortfolioFormatter } from './format.js';
import { answeredShare, anyContext, anyStale, cellScore, countText, modelNames, portfolioRows, staleCount } from './rows.js';

/** Many organisations as a GitHub-flavoured markdown table, every text from the files escaped. */
export const formatPortfolioMarkdown: PortfolioFormatter = (entries) => {
  const { columns, rows } = portfolioRows(entries);
  // A context and stale answers only when some organisation has them, so that other lists are unchanged.
  const context = anyContext(entries);
  const stale = anyStale(entries);
  const lines = [
    `# ${inline(modelNames(entries))}: ${countText(entries.length)}`,
    '',
    `| Organisation | File | ${columns.map((column) => inline(column.name)).join(' | ')} | Overall | Stage | Answered |${context ? ' Context |' : ''}${stale ? ' Stale |' : ''}`,
    `| --- | --- | ${columns.map(() => '---:').join(' | ')} | ---: | --- | ---: |${context ? ' --- |' : ''}${stale ? ' ---: |' : ''}`,
  ];
  for (const { entry, cells } of rows) {
    const { report, file } = entry;
    const extra = `${context ? ` ${inline(report.context?.name ?? '')} |` : ''}${stale ? ` ${staleCount(report)} |` : ''}`;
    lines.push(`| ${inline(report.organisation)} | ${inline(file)} | ${cells.map(cellScore).join(' | ')} | **${formatScore(report.overall.score)}** | ${inline(report.overall.stageName)} | ${answeredShare(report)} |${extra}`);
  }
  return `${lines.join('\n')}\n`;
};
