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
