import { UserError } from '../errors.js';
import { didYouMean } from './suggest.js';
import { ENGLISH } from '../locale/english.js';
import type { Locale } from '../locale/locale.js';
import type { Report } from '../schema/report.js';

/** One scored organisation of a portfolio, with the answers file it came from. */
export interface PortfolioEntry {
  file: string;
  report: Report;
}

/** A competency column of a portfolio: every competency of the models seen, in first-seen order. */
export interface PortfolioColumn {
  id: string;
  name: string;
}

/** The sort keys every portfolio accepts, before the competency ids of its model. */
const BASE_SORT_KEYS = ['score', 'name'] as const;

/** The valid `--sort` keys for a report's model: score, name, then its competency ids. */
export function sortKeys(report: Report): string[] {
  return [...BASE_SORT_KEYS, ...report.competencies.map((competency) => competency.id)];
}

/** The competency columns of a portfolio; reports made with other models add theirs at the end. */
export function portfolioColumns(entries: readonly PortfolioEntry[]): PortfolioColumn[] {
  const columns = new Map<string, PortfolioColumn>();
  for (const { report } of entries) {
    for (const competency of report.competencies) if (!columns.has(competency.id)) columns.set(competency.id, { id: competency.id, name: competency.name });
  }
  return [...columns.values()];
}

/**
 * The portfolio in `--sort` order: `score` (highest overall first), `name` (organisation, A to Z)
 * or a competency id (highest score in it first; organisations without it last). Ties fall back
 * to the organisation name, then the file, so the order never depends on the input order.
 */
export function sortPortfolio(entries: readonly PortfolioEntry[], key: string): PortfolioEntry[] {
  const byName = (a: PortfolioEntry, b: PortfolioEntry) => compareText(a.report.organisation, b.report.organisation) || compareText(a.file, b.file);
  if (key === 'name') return [...entries].sort(byName);
  const scoreOf = (entry: PortfolioEntry) =>
    key === 'score' ? entry.report.overall.score : (entry.report.competencies.find((competency) => competency.id === key)?.score ?? -Infinity);
  return [...entries].sort((a, b) => {
    const difference = scoreOf(b) - scoreOf(a);
    return (Number.isNaN(difference) ? 0 : difference) || byName(a, b);
  });
}

/** Case-insensitive first (people read "acme" next to "Acme"), then exact, so the order is total. */
function compareText(a: string, b: string): number {
  const lowerA = a.toLowerCase();
  const lowerB = b.toLowerCase();
  if (lowerA !== lowerB) return lowerA < lowerB ? -1 : 1;
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * A usage error when `--sort` names neither score, name nor a competency of the report's model;
 * `keys` are the report's sort keys. Checked against the first report only: a pool may mix models.
 */
export function checkSortKey(key: string, keys: readonly string[], locale: Locale = ENGLISH): void {
  if (!keys.includes(key)) throw new UserError(locale.t('input.usage.unknown-sort-key', { key, suggestion: didYouMean(key, keys, locale), keys: keys.join(', ') }));
}
