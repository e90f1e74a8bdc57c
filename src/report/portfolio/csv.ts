import { csvNumber, csvText } from '../escape/csv.js';
import { formatScore } from '../../core/truncate.js';
import type { PortfolioFormatter } from './format.js';
import { portfolioRows } from './rows.js';

/**
 * Many organisations as CSV (RFC 4180, or the dialect of `--excel`), one row each: file,
 * organisation, date, the overall level, stage and score, then each competency's score and stage
 * (empty where a model lacks it).
 */
export const formatPortfolioCsv: PortfolioFormatter = (entries, { csv }) => {
  const { columns, rows } = portfolioRows(entries);
  const header = ['file', 'organisation', 'date', 'overall_level', 'overall_stage', 'overall_score', ...columns.flatMap((column) => [`${column.id}_score`, `${column.id}_stage`])];
  const score = (value: number) => csvNumber(formatScore(value), csv);
  const records = rows.map(({ entry, cells }) => {
    const { report, file } = entry;
    return [
      file,
      report.organisation,
      report.date ?? '',
      String(report.overall.level),
      report.overall.stage,
      score(report.overall.score),
      ...cells.flatMap((cell) => (cell ? [score(cell.score), cell.stage] : ['', ''])),
    ];
  });
  return csvText([header, ...records], csv);
};
