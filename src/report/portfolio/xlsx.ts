import { staleIds } from '../../core/stale.js';
import type { Locale } from '../../locale/locale.js';
import { NOT_APPLICABLE } from '../../schema/constants.js';
import type { IndicatorResult } from '../../schema/report.js';
import { hasAnswerDetails, stageName } from '../text.js';
import { score, workbookBytes, type SheetTable } from '../xlsx.js';
import type { BinaryPortfolioFormatter } from './format.js';
import { anyContext, anyStale, portfolioRows } from './rows.js';

type Entries = Parameters<BinaryPortfolioFormatter>[0];

/**
 * Many organisations as an Excel workbook: their scores side by side (one row each, in `--sort`
 * order) and every answer of every organisation with its note. Scores and levels are number
 * cells; every text from the files is a string cell. Dated by the latest assessment. Sheet
 * names, headers and the workbook's own marks are in the locale's language; numbers stay numbers.
 */
export const formatPortfolioXlsx: BinaryPortfolioFormatter = (entries, { locale }) => {
  const dates = entries.map((entry) => entry.report.date).filter((date) => date !== null);
  const latest = dates.length === 0 ? null : dates.reduce((a, b) => (b > a ? b : a));
  return workbookBytes([scoresSheet(locale, entries), answersSheet(locale, entries)], latest);
};

function scoresSheet(locale: Locale, entries: Entries): SheetTable {
  const { columns, rows } = portfolioRows(entries);
  // A context and stale answers only when some organisation has them, so that other workbooks are unchanged.
  const context = anyContext(entries);
  const stale = anyStale(entries);
  return {
    name: locale.t('reports.portfolio.xlsx.scores'),
    header: [
      locale.t('reports.column.organisation'),
      locale.t('reports.column.file'),
      locale.t('reports.column.date'),
      locale.t('reports.portfolio.xlsx.overallStage'),
      locale.t('reports.portfolio.xlsx.overallLevel'),
      locale.t('reports.portfolio.xlsx.overallScore'),
      ...columns.flatMap((column) => [column.name, locale.t('reports.portfolio.xlsx.competencyStage', { competency: column.name })]),
      ...(context ? [locale.t('reports.column.context')] : []),
      ...(stale ? [locale.t('reports.portfolio.xlsx.staleAnswers')] : []),
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

/**
 * One row per organisation and indicator: organisations in order, indicators in model order. When
 * some answer carries them, the date checked, a stale mark and the evidence (one item a line)
 * follow the note; an indicator outside its assessment's context says so in place of an answer.
 */
function answersSheet(locale: Locale, entries: Entries): SheetTable {
  const details = entries.some(({ report }) => hasAnswerDetails(report));
  const answer = (indicator: IndicatorResult) => {
    if (indicator.applicable === false) return locale.t('reports.portfolio.xlsx.notInContext');
    return indicator.answer === NOT_APPLICABLE ? locale.t('reports.answer.notApplicable') : indicator.answer;
  };
  return {
    name: locale.t('reports.portfolio.xlsx.answers'),
    header: [
      locale.t('reports.column.organisation'),
      locale.t('reports.column.file'),
      locale.t('reports.column.competency'),
      locale.t('reports.column.indicator'),
      locale.t('reports.column.stage'),
      locale.t('reports.column.answer'),
      locale.t('reports.column.note'),
      ...(details ? [locale.t('reports.portfolio.xlsx.checked'), locale.t('reports.portfolio.xlsx.stale'), locale.t('reports.portfolio.xlsx.evidence')] : []),
    ],
    rows: entries.flatMap(({ file, report }) => {
      const stale = staleIds(report);
      return report.competencies.flatMap((competency) =>
        competency.indicators.map((indicator) => [
          report.organisation,
          file,
          competency.name,
          indicator.id,
          stageName(report, indicator.stage),
          answer(indicator),
          indicator.note,
          ...(details ? [indicator.checked ?? null, stale.has(indicator.id) ? locale.t('reports.portfolio.xlsx.staleMark') : null, indicator.evidence?.join('\n') ?? null] : []),
        ]),
      );
    }),
  };
}
