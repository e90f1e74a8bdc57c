import { portfolioColumns, type PortfolioColumn, type PortfolioEntry } from '../../core/portfolio.js';
import type { Locale } from '../../locale/locale.js';
import type { Report } from '../../schema/report.js';

/** What a portfolio row shows of one competency; null when the organisation's model lacks it. */
export interface PortfolioCell {
  score: number;
  stage: string;
  stageName: string;
}

/** One organisation's row: its competency cells in column order. */
export interface PortfolioRow {
  entry: PortfolioEntry;
  cells: (PortfolioCell | null)[];
}

export function portfolioRows(entries: readonly PortfolioEntry[]): { columns: PortfolioColumn[]; rows: PortfolioRow[] } {
  const columns = portfolioColumns(entries);
  const rows = entries.map((entry) => {
    const byId = new Map(entry.report.competencies.map((competency) => [competency.id, competency]));
    const cells = columns.map((column) => {
      const competency = byId.get(column.id);
      return competency ? { score: competency.score, stage: competency.stage, stageName: competency.stageName } : null;
    });
    return { entry, cells };
  });
  return { columns, rows };
}

/** A cell's score as the reports print it, or a dash for a competency the model lacks. */
export function cellScore(locale: Locale, cell: PortfolioCell | null): string {
  return cell ? locale.score(cell.score) : '—';
}

/**
 * What the organisations were scored against, for a title: the name of every model met, in
 * first-seen order (a portfolio may mix models); "Maturity" when there is no organisation.
 */
export function modelNames(locale: Locale, entries: readonly PortfolioEntry[]): string {
  const names = [...new Set(entries.map((entry) => entry.report.model.name))];
  return names.length === 0 ? locale.t('reports.portfolio.noModel') : names.join(', ');
}

/** The share of its indicators an organisation answered, as a whole percentage truncated ("94%"), so that 99.9% never reads 100%. */
export function answeredShare(locale: Locale, report: Report): string {
  const { answered, total } = report.completeness;
  return total === 0 ? '—' : locale.percent(answered / total);
}

/** Whether any organisation names a context: the lists then show each one's. */
export function anyContext(entries: readonly PortfolioEntry[]): boolean {
  return entries.some((entry) => entry.report.context !== undefined);
}

/** Whether the organisations were judged for stale answers (`--stale-after`): the lists then count each one's. */
export function anyStale(entries: readonly PortfolioEntry[]): boolean {
  return entries.some((entry) => entry.report.stale !== undefined);
}

/** An organisation's stale answers as a count, or a dash when its assessment has no date to judge them by. */
export function staleCount(report: Report): string {
  const stale = report.stale;
  return stale === undefined || stale.checkedBefore === null ? '—' : String(stale.answers.length);
}
