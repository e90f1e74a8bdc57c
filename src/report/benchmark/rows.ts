import type { Locale } from '../../locale/locale.js';
import type { Benchmark, BenchmarkDistribution } from '../../schema/benchmark.js';

/** The titles of the statistics columns every benchmark format shows, in this order. */
export function statColumns(locale: Locale): string[] {
  return [
    locale.t('reports.benchmark.column.count'),
    locale.t('reports.benchmark.column.min'),
    locale.t('reports.benchmark.column.p25'),
    locale.t('reports.benchmark.column.median'),
    locale.t('reports.benchmark.column.p75'),
    locale.t('reports.benchmark.column.max'),
    locale.t('reports.benchmark.column.mean'),
  ];
}

/** One row a competency plus the overall row: name, statistics, then the share at each stage. */
export interface DistributionRow {
  id: string;
  name: string;
  distribution: BenchmarkDistribution;
  stages: Record<string, number>;
}

/** A row per competency, then the overall row, named `overallName`. */
export function distributionRows(benchmark: Benchmark, overallName: string): DistributionRow[] {
  return [...benchmark.competencies, { id: 'overall', name: overallName, ...benchmark.overall }];
}

export function statCells(locale: Locale, distribution: BenchmarkDistribution): string[] {
  const { count, min, p25, median, p75, max, mean } = distribution;
  return [String(count), ...[min, p25, median, p75, max, mean].map((value) => locale.score(value))];
}

/** A share of the pool as a whole percentage (rounded: it is a count, not a score). */
export function shareText(locale: Locale, share: number): string {
  return locale.percent(Math.round(share * 100) / 100);
}

/** "+0.50" / "-1.25" / "0.00", with the locale's decimal sign. */
export function signed(locale: Locale, value: number): string {
  return locale.decimal(value > 0 ? `+${value.toFixed(2)}` : value.toFixed(2));
}

/**
 * "62nd": a percentile rank as an ordinal of a whole number in the locale's language ("62e" in
 * French), cut like every score (62.5 is the 62nd, 99.9 the 99th: never a rank the organisation
 * has not reached). JSON and CSV keep the exact rank.
 */
export function percentileText(locale: Locale, percentile: number): string {
  return locale.t('reports.benchmark.percentile', { rank: Math.floor(percentile + 1e-9) });
}
