import { stageName } from '../text.js';
import { score, workbookBytes, type SheetTable } from '../xlsx.js';
import type { BinaryPortfolioFormatter } from './format.js';
import { portfolioRows } from './rows.js';

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
  return {
    name: 'Scores',
    header: ['Organisation', 'File', 'Date', 'Overall stage', 'Overall level', 'Overall score', ...columns.flatMap((column) => [column.name, `${column.name} stage`])],
    rows: rows.map(({ entry: { file, report }, cells }) => [
      report.organisation,
      file,
      report.date,
      report.overall.stageName,
      report.overall.level,
      score(report.overall.score),
      ...cells.flatMap((cell) => (cell ? [score(cell.score), cell.stageName] : [null, null])),
    ]),
  };
}

/** One row per organisation and indicator: organisations in order, indicators in model order. */
function answersSheet(entries: Parameters<BinaryPortfolioFormatter>[0]): SheetTable {
  return {
    name: 'Answers',
    header: ['Organisation', 'File', 'Competency', 'Indicator', 'Stage', 'Answer', 'Note'],
    rows: entries.flatMap(({ file, report }) =>
      report.competencies.flatMap((competency) =>
        competency.indicators.map((indicator) => [report.organisation, file, competency.name, indicator.id, stageName(report, indicator.stage), indicator.answer, indicator.note]),
      ),
    ),
  };
}
