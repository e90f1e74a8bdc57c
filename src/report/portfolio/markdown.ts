import { formatScore } from '../../core/truncate.js';
import { inline } from '../escape/markdown.js';
import type { PortfolioFormatter } from './format.js';
import { answeredShare, cellScore, countText, modelNames, portfolioRows } from './rows.js';

/** Many organisations as a GitHub-flavoured markdown table, every text from the files escaped. */
export const formatPortfolioMarkdown: PortfolioFormatter = (entries) => {
  const { columns, rows } = portfolioRows(entries);
  const lines = [
    `# ${inline(modelNames(entries))}: ${countText(entries.length)}`,
    '',
    `| Organisation | File | ${columns.map((column) => inline(column.name)).join(' | ')} | Overall | Stage | Answered |`,
    `| --- | --- | ${columns.map(() => '---:').join(' | ')} | ---: | --- | ---: |`,
  ];
  for (const { entry, cells } of rows) {
    const { report, file } = entry;
    lines.push(`| ${inline(report.organisation)} | ${inline(file)} | ${cells.map(cellScore).join(' | ')} | **${formatScore(report.overall.score)}** | ${inline(report.overall.stageName)} | ${answeredShare(report)} |`);
  }
  return `${lines.join('\n')}\n`;
};
