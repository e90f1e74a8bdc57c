import { formatScore } from '../../core/truncate.js';
import type { Benchmark, BenchmarkDistribution } from '../../schema/benchmark.js';

/** The statistics columns every benchmark format shows, in this order. */
export const STAT_COLUMNS = ['Count', 'Min', 'P25', 'Median', 'P75', 'Max', 'Mean'] as const;

/** One row a competency plus the overall row: name, statistics, then the share at each stage. */
export interface DistributionRow {
  id: string;
  name: string;
  distribution: BenchmarkDistribution;
  stages: Record<string, number>;
}

export function distributionRows(benchmark: Benchmark): DistributionRow[] {
  return [...benchmark.competencies, { id: 'overall', name: 'Overall', ...benchmark.overall }];
}

export function statCells(distribution: BenchmarkDistribution): string[] {
  const { count, min, p25, median, p75, max, mean } = distribution;
  return [String(count), ...[min, p25, median, p75, max, mean].map(formatScore)];
}

/** A share of the pool as a whole percentage (rounded: it is a count, not a score). */
export function shareText(share: number): string {
  return `${Math.round(share * 100)}%`;
}

/** "+0.50" / "-1.25" / "0.00". */
export function signed(value: number): string {
  return value > 0 ? `+${value.toFixed(2)}` : value.toFixed(2);
}

/**
 * "62nd": a percentile rank as an English ordinal of a whole number, cut like every score (62.5
 * is the 62nd, 99.9 the 99th: never a rank the organisation has not reached). JSON and CSV keep
 * the exact rank.
 */
export function percentileText(percentile: number): string {
  const whole = Math.floor(percentile + 1e-9);
  const lastTwo = whole % 100;
  const suffix = lastTwo >= 11 && lastTwo <= 13 ? 'th' : (['th', 'st', 'nd', 'rd'][whole % 10] ?? 'th');
  return `${whole}${suffix}`;
}
