import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addToPool, benchmark, entryRow, poolColumns, type OrganisationEntry, type PoolModel } from '../../src/core/benchmark.js';
import { distribution, percentileRank, quantile } from '../../src/core/stats.js';
import { benchmarkSchema } from '../../src/schema/benchmark.js';

describe('quantile (linear interpolation between closest ranks)', () => {
  it.each([
    // [1, 2, 3, 4]: position (n - 1)·q = 3q → q .25 → 0.75 → 1 + 0.75·1 = 1.75; .5 → 1.5 → 2.5; .75 → 2.25 → 3.25
    [[1, 2, 3, 4], 0.25, 1.75],
    [[1, 2, 3, 4], 0.5, 2.5],
    [[1, 2, 3, 4], 0.75, 3.25],
    [[1, 2, 3, 4], 0, 1],
    [[1, 2, 3, 4], 1, 4],
    // [1, 3, 10]: median is the middle one; q .25 → position 0.5 → 1 + 0.5·2 = 2
    [[1, 3, 10], 0.5, 3],
    [[1, 3, 10], 0.25, 2],
    [[7], 0.75, 7],
  ])('of %j at %f is %f', (sorted, q, expected) => {
    expect(quantile(sorted, q)).toBeCloseTo(expected, 12);
  });
});

describe('percentileRank (ties count half)', () => {
  it.each([
    // [1, 2, 3, 4] and 3: two below, one equal → (2 + 0.5) / 4 = 62.5
    [[1, 2, 3, 4], 3, 62.5],
    [[1, 2, 3, 4], 0, 0],
    [[1, 2, 3, 4], 5, 100],
    // all equal: (0 + 4/2) / 4 = 50
    [[2, 2, 2, 2], 2, 50],
  ])('of %f in %j is %f', (pool, value, expected) => {
    expect(percentileRank(pool, value)).toBe(expected);
  });
});

describe('distribution', () => {
  it('gives count, extremes, quartiles and mean of unsorted input', () => {
    expect(distribution([4, 1, 3, 2])).toEqual({ count: 4, min: 1, p25: 1.75, median: 2.5, p75: 3.25, max: 4, mean: 2.5 });
  });

  it('keeps min <= p25 <= median <= p75 <= max for any pool', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: 1, max: 4, noNaN: true }), { minLength: 1, maxLength: 50 }), (values) => {
        const { min, p25, median, p75, max, mean } = distribution(values);
        expect(min).toBeLessThanOrEqual(p25);
        expect(p25).toBeLessThanOrEqual(median);
        expect(median).toBeLessThanOrEqual(p75);
        expect(p75).toBeLessThanOrEqual(max);
        expect(mean).toBeGreaterThanOrEqual(min - 1e-12);
        expect(mean).toBeLessThanOrEqual(max + 1e-12);
      }),
    );
  });

  it('is the same from a list and from a typed array, in any order: the sort is numeric, the mean summed smallest first', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: 1, max: 4, noNaN: true }), { minLength: 1, maxLength: 60 }), (values) => {
        const ascending = [...values].sort((a, b) => a - b);
        const expected = {
          count: values.length,
          min: ascending[0],
          p25: quantile(ascending, 0.25),
          median: quantile(ascending, 0.5),
          p75: quantile(ascending, 0.75),
          max: ascending.at(-1),
          mean: ascending.reduce((sum, value) => sum + value, 0) / values.length,
        };
        expect(distribution(values)).toEqual(expected);
        expect(distribution(Float64Array.from(values).reverse())).toEqual(expected);
      }),
    );
  });
});

describe('benchmark', () => {
  const model: PoolModel = {
    model: { id: 'm', name: 'M', version: '1' },
    stages: [
      { id: 'a', name: 'A', level: 1 },
      { id: 'b', name: 'B', level: 2 },
      { id: 'c', name: 'C', level: 3 },
    ],
    competencies: [
      { id: 'x', name: 'X' },
      { id: 'y', name: 'Y' },
    ],
  };
  const entry = (organisation: string, overall: number, x: number, y: number): OrganisationEntry => ({
    organisation,
    date: null,
    overall: { score: overall, level: Math.floor(overall) },
    competencies: [
      { score: x, level: Math.floor(x) },
      { score: y, level: Math.floor(y) },
    ],
  });
  const pool = [entry('P', 1.5, 1, 2), entry('Q', 2, 2, 2), entry('R', 2.5, 3, 2), entry('S', 3, 2.5, 3)];

  it('gives the same benchmark from columns filled one entry at a time, past the room they were made with', () => {
    const score = fc.double({ min: 1, max: 3, noNaN: true });
    fc.assert(
      fc.property(fc.array(fc.tuple(score, score, score), { minLength: 1, maxLength: 40 }), fc.integer({ min: 0, max: 8 }), (scores, room) => {
        const entries = scores.map(([overall, x, y], index) => entry(`O${index}`, overall, x, y));
        const columns = poolColumns([], model.competencies.length, room);
        for (const one of entries) addToPool(columns, entryRow(one));
        expect(columns.count).toBe(entries.length);
        expect(benchmark(model, columns, entries[0])).toEqual(benchmark(model, entries, entries[0]));
      }),
    );
  });

  it('summarises each competency and overall, with the share of the pool at each stage', () => {
    const result = benchmark(model, pool);
    expect(benchmarkSchema.parse(result)).toEqual(result);
    expect(result.count).toBe(4);
    // X scores sorted: 1, 2, 2.5, 3 → p25 at position 0.75 = 1.75, median 2.25, p75 at 2.25 = 2.625 → 2.62 (truncated)
    expect(result.competencies[0]).toEqual({
      id: 'x',
      name: 'X',
      distribution: { count: 4, min: 1, p25: 1.75, median: 2.25, p75: 2.62, max: 3, mean: 2.12 },
      stages: { a: 0.25, b: 0.5, c: 0.25 },
    });
    // Overall levels 1, 2, 2, 3
    expect(result.overall.stages).toEqual({ a: 0.25, b: 0.5, c: 0.25 });
    expect(result.organisation).toBeNull();
  });

  it('places an organisation: percentile, median, gap and the competencies furthest behind', () => {
    const result = benchmark(model, pool, entry('Acme', 2, 1, 2));
    // X: 1 against 1, 2, 2.5, 3 → (0 + 0.5) / 4 = 12.5; median 2.25 → gap -1.25
    // Y: 2 against 2, 2, 2, 3 → (0 + 1.5) / 4 = 37.5; median 2 → gap 0
    // Overall: 2 against 1.5, 2, 2.5, 3 → (1 + 0.5) / 4 = 37.5; median 2.25 → gap -0.25
    expect(result.organisation).toEqual({
      organisation: 'Acme',
      date: null,
      overall: { score: 2, level: 2, stage: 'b', percentile: 37.5, median: 2.25, gap: -0.25 },
      competencies: [
        { id: 'x', name: 'X', score: 1, level: 1, stage: 'a', percentile: 12.5, median: 2.25, gap: -1.25 },
        { id: 'y', name: 'Y', score: 2, level: 2, stage: 'b', percentile: 37.5, median: 2, gap: 0 },
      ],
      furthestBehind: ['x'],
    });
  });
});
