/**
 * Descriptive statistics for peer comparison. Quantiles use linear interpolation between closest
 * ranks (Hyndman & Fan type 7: the method of numpy's default, R's default and spreadsheets'
 * PERCENTILE.INC), so that results can be checked with everyday tools.
 */

/** Numbers in a list or a typed array. */
export type Numbers = ArrayLike<number> & Iterable<number>;

/** The q-quantile (0 <= q <= 1) of values sorted ascending. */
export function quantile(sorted: ArrayLike<number>, q: number): number {
  if (sorted.length === 0) throw new RangeError('quantile of an empty list');
  const position = (sorted.length - 1) * q;
  const below = Math.floor(position);
  const above = Math.ceil(position);
  const low = sorted[below]!;
  const high = sorted[above]!;
  return low + (high - low) * (position - below);
}

/**
 * The percentile rank of `value` in a pool: the share of the pool scoring below it, counting
 * ties as half below (the mid-rank definition), from 0 to 100. An organisation equal to
 * everyone is at the 50th percentile, not at the 100th.
 */
export function percentileRank(pool: Numbers, value: number): number {
  if (pool.length === 0) throw new RangeError('percentile rank in an empty pool');
  let below = 0;
  let equal = 0;
  for (const item of pool) {
    if (item < value) below++;
    else if (item === value) equal++;
  }
  return ((below + equal / 2) / pool.length) * 100;
}

export interface Distribution {
  count: number;
  min: number;
  p25: number;
  median: number;
  p75: number;
  max: number;
  mean: number;
}

/**
 * Count, extremes, quartiles and mean of a non-empty list. The values are sorted as a typed array,
 * which orders numbers by itself: a pool of a hundred thousand scores is copied once, into memory
 * outside the heap, with no array of its own and no comparison function to call.
 */
export function distribution(values: Numbers): Distribution {
  const sorted = Float64Array.from(values).sort();
  return {
    count: sorted.length,
    min: sorted[0]!,
    p25: quantile(sorted, 0.25),
    median: quantile(sorted, 0.5),
    p75: quantile(sorted, 0.75),
    max: sorted[sorted.length - 1]!,
    mean: sorted.reduce((sum, value) => sum + value, 0) / sorted.length,
  };
}
