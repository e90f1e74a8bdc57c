import { csvNumber, csvText } from '../escape/csv.js';
import { formatScore } from '../../core/truncate.js';
import type { PortfolioFormatter } from './format.js';
import type { Report } from '../../schema/report.js';
import { anyContext, anyStale, portfolioRows } from './rows.js';

/**
 * Many organisations as CSV (RFC 4180, or the dialect of `--excel`), one row each: file,
 * organisation, date, the overall level, stage and score, then each competency's score and stage
 * (empty where a model lacks it), then the share of indicators answered (last, so that the columns
 * before keep their places). When some organisation names a context, its id follows (`context`);
 * with `--stale-after`, the number of stale answers (`stale_answers`, empty when the assessment has
 * no date to judge them by).
 */
export const formatPortfolioCsv: PortfolioFormatter = (entries, { csv }) => {
  const { columns, rows } = portfolioRows(entries);
  const context = anyContext(entries);
  const stale = anyStale(entries);
  const header = [
    'file',
    'organisation',
    'date',
    'overall_level',
    'overall_stage',
    'overall_score',
    ...columns.flatMap((column) => [`${column.id}_score`, `${column.id}_stage`]),
    'completeness',
    ...(context ? ['context'] : []),
    ...(stale ? ['stale_answers'] : []),
  ];
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
      answeredCell(report),
      ...(context ? [report.context?.id ?? ''] : []),
      ...(stale ? [report.stale && report.stale.checkedBefore !== null ? String(report.stale.answers.length) : ''] : []),
    ];
  });
  return csvText([header, ...records], csv);
};

/** The share of its indicators an organisation answered, truncated ("94%"), written alike in every language for the programs that read it. */
function answeredCell(report: Report): string {
  const { answered, total } = report.completeness;
  return total === 0 ? '—' : `${Math.floor((answered / total) * 100 + 1e-9)}%`;
}
