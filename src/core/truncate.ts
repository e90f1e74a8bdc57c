/**
 * Cuts a score to two decimals without rounding up, so that a report never shows a stage
 * (3.00) before it is reached (2.996). The tiny epsilon absorbs binary noise such as
 * 2.3 * 100 = 229.99999999999997; it is far smaller than any gap the scoring rules can produce.
 */
export function truncate2(value: number): number {
  return Math.floor(value * 100 + 1e-9) / 100;
}

/** A truncated score as text with exactly two decimals. */
export function formatScore(value: number): string {
  return truncate2(value).toFixed(2);
}
