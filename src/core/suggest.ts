import type { Locale } from '../locale/locale.js';
import { inlineText } from './quote.js';
/**
 * The candidate closest to `input`, if it is close enough to be a likely typo: at most one edit
 * per three characters (at least one), and never a word that would have to be rewritten whole.
 */
export function closest(input: string, candidates: Iterable<string>): string | undefined {
  const limit = Math.max(1, Math.floor(input.length / 3));
  const lowerInput = input.toLowerCase();
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of candidates) {
    // Nothing further than the limit or the best so far can win: such candidates are cut short.
    const distance = editDistance(lowerInput, candidate.toLowerCase(), Math.min(limit, bestDistance));
    if (distance < bestDistance || (distance === bestDistance && best !== undefined && candidate < best)) {
      best = candidate;
      bestDistance = distance;
    }
  }
  if (best === undefined || bestDistance > limit || bestDistance >= Math.min(input.length, best.length)) return undefined;
  return best;
}

/** " (did you mean x?)" or nothing: the end of a message that names an unknown id. */
export function didYouMean(input: string, candidates: Iterable<string>, locale: Locale): string {
  const match = closest(input, candidates);
  return match === undefined ? '' : locale.t('input.suggest.did-you-mean', { candidate: inlineText(match) });
}

/**
 * Edit distance counting insertions, deletions, substitutions and swaps of two neighbouring
 * characters as one edit each (optimal string alignment): `weigth` is one edit from `weight`.
 * With `max`, any distance above it is returned as `max + 1` as soon as that is certain: a file
 * with hundreds of unknown ids asks for tens of thousands of distances.
 */
export function editDistance(a: string, b: string, max = Infinity): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  // Three rows of the table are enough: the swap looks two rows back.
  let before = new Uint32Array(b.length + 1);
  let previous = Uint32Array.from({ length: b.length + 1 }, (_, j) => j);
  let current = new Uint32Array(b.length + 1);
  for (let i = 1; i <= a.length; i++) {
    current[0] = i;
    let rowMinimum = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let distance = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) distance = Math.min(distance, before[j - 2]! + 1);
      current[j] = distance;
      if (distance < rowMinimum) rowMinimum = distance;
    }
    // No later row holds a smaller distance than the smallest of this one.
    if (rowMinimum > max) return max + 1;
    [before, previous, current] = [previous, current, before];
  }
  return Math.min(previous[b.length]!, max + 1);
}
