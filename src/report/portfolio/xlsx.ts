import { ENGLISH } from '../english.js';
import { staleIds } from '../../core/stale.js';
import { hasAnswerDetails, stageName } from '../text.js';
import { score, workbookBytes, type SheetTable } from '../xlsx.js';
import { answerDetailCells, answerDetailHeader } from '../xlsx-details.js';
import type { BinaryPortfolioFormatter } from './format.js';
import { anyContext, anyStale, portfolioRows } from './rows.js';

/**
 * Many organisations as an Excel workbook: their scores side by side (one row each, in `--sort`
 * order) and every answer of every organisation with its note. Scores and levels are number
 * cells; every text from the files is a string cell. Dated by the latest assessment.
 */
export const formatPortfolioXlsx: BinaryPortfolioFormatter = (entries) => {
  const dates = entries.map((entry) => entry.report.date).filter((date) => date !== null);
  const latest = dates.length === 0 ? null : dates.reduce((a, b) => (b > a ? b : a));
  return workbookBytes([scoresSheet(entries), answersSheet(entries)], latest);
};

function scoresSheet(entries: Parameters<BinaryPortfolioFormatter>[0]): SheetTable {
  const { columns, rows } = portfolioRows(entries);
  // A context and stale answers only when some organisation has them, so that other workbooks are unchanged.
  const context = anyContext(entries);
  const stale = anyStale(entries);
  return {
    name: 'Scores',
    header: [
      'Organisation',
      'File',
      'Date',
      'Overall stage',
      'Overall level',
      'Overall score',
      ...columns.flatMap((column) => [column.name, `${column.name} stage`]),
      ...(context ? ['Context'] : []),
      ...(stale ? ['Stale answers'] : []),
    ],
    rows: rows.map(({ entry: { file, report }, cells }) => [
      report.organisation,
      file,
      report.date,
      report.overall.stageName,
      report.overall.level,
      score(report.overall.score),
      ...cells.flatMap((cell) => (cell ? [score(cell.score), cell.stageName] : [null, null])),
      ...(context ? [report.context?.name ?? null] : []),
      ...(stale ? [report.stale && report.stale.checkedBefore !== null ? report.stale.answers.length : null] : []),
    ]),
  };
}

/** One row per organisation and indicator: organisations in order, indicators in model order. */
function answersSheet(entries: Parameters<BinaryPortfolioFormatter>[0]): SheetTable {
  const details = entries.some(({ report }) => hasAnswerDetails(report));
  return {
    name: 'Answers',
    header: ['Organisation', 'File', 'Competency', 'Indicator', 'Stage', 'Answer', 'Note', ...(details ? answerDetailHeader(ENGLISH) : [])],
    rows: entries.flatMap(({ file, report }) => {
      const stale = staleIds(report);
      return report.competencies.flatMap((competency) =>
        competency.indicators.map((indicator) => [
          report.organisation,
          file,
          competency.name,
          indicator.id,
          stageName(report, indicator.stage),
          ...(details ? answerDetailCells(ENGLISH, indicator, stale) : [indicator.answer, indicator.note]),
        ]),
      );
    }),
  };
}
