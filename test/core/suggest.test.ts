import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { closest, editDistance } from '../../src/core/suggest.js';

describe('editDistance', () => {
  it.each([
    ['weight', 'weight', 0],
    ['weigth', 'weight', 1], // a swap of neighbours is one edit
    ['comunity', 'community', 1],
    ['', 'abc', 3],
    ['kitten', 'sitting', 3],
  ])('%s → %s is %i', (a, b, distance) => {
    expect(editDistance(a, b)).toBe(distance);
    expect(editDistance(b, a)).toBe(distance);
  });

  /** The table written out in full, as the definition says: the reference for the fast version. */
  function reference(a: string, b: string): number {
    const d = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
    for (let i = 1; i <= a.length; i++) {
      for (let j = 1; j <= b.length; j++) {
        d[i]![j] = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
        if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i]![j] = Math.min(d[i]![j]!, d[i - 2]![j - 2]! + 1);
      }
    }
    return d[a.length]![b.length]!;
  }

  it('with a bound, is exact up to it and bound + 1 beyond, for any strings', () => {
    const text = fc.string({ unit: fc.constantFrom('a', 'b', 'c', '.'), maxLength: 12 });
    fc.assert(
      fc.property(text, text, fc.integer({ min: 0, max: 8 }), (a, b, max) => {
        const exact = reference(a, b);
        expect(editDistance(a, b)).toBe(exact);
        expect(editDistance(a, b, max)).toBe(Math.min(exact, max + 1));
      }),
      { numRuns: 2000 },
    );
  });
});

describe('closest', () => {
  const answers = ['yes', 'mostly', 'partly', 'no', 'n/a'];

  it('suggests likely typos', () => {
    expect(closest('weigth', ['id', 'name', 'weight', 'description'])).toBe('weight');
    expect(closest('strategy.purpse', ['strategy.purpose', 'strategy.sponsor'])).toBe('strategy.purpose');
    expect(closest('ys', answers)).toBe('yes');
    expect(closest('Partly', answers)).toBe('partly');
  });

  it('does not suggest a word that shares nothing with the input', () => {
    expect(closest('1', answers)).toBeUndefined();
    expect(closest('maybe', answers)).toBeUndefined();
    expect(closest('xyz', ['abc'])).toBeUndefined();
  });

  it('breaks ties by name so the suggestion is stable', () => {
    expect(closest('ab', ['ac', 'aa'])).toBe('aa');
  });
});
