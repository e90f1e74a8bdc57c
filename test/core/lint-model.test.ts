import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { lintModel } from '../../src/core/lint-model.js';
import { modelSchema, type ModelInput } from '../../src/schema/model.js';
import { buildModel, SCALE } from '../helpers/model.js';

/** A model with every stage described and every indicator advised, so only the rule under test fires. */
function model(counts: number[], extra: Partial<ModelInput> = {}) {
  const built = buildModel(
    ['start', 'grown'],
    counts.map((count, c) => ({ id: `c${c}`, indicators: { grown: Array.from({ length: count }, () => 1) } })),
    extra,
  );
  for (const competency of built.competencies) {
    competency.stages = { start: 'Nothing yet.', grown: 'Done.' };
    for (const indicator of competency.indicators) indicator.advice = `Do ${indicator.id}.`;
  }
  return built;
}

const codes = (issues: { code: string }[]) => issues.map((issue) => issue.code);

describe('lintModel', () => {
  it('finds nothing in the built-in model', () => {
    const builtin = modelSchema.parse(parse(readFileSync('models/community@1.0.yaml', 'utf8')));
    expect(lintModel(builtin)).toEqual([]);
  });

  it('finds nothing in a complete, balanced model', () => {
    expect(lintModel(model([3, 3, 2]))).toEqual([]);
  });

  it('warns about an indicator without advice, at its id', () => {
    const m = model([2, 2]);
    delete m.competencies[1]!.indicators[0]!.advice;
    expect(lintModel(m)).toEqual([{ path: ['competencies', 1, 'indicators', 0, 'id'], code: 'no-advice', message: expect.stringContaining('c1.grown.1 has no advice') }]);
  });

  it('warns about a competency with no stage descriptors, and one missing some', () => {
    const m = model([2, 2]);
    delete m.competencies[0]!.stages;
    m.competencies[1]!.stages = { start: 'Nothing yet.' };
    const issues = lintModel(m);
    expect(codes(issues)).toEqual(['no-stage-descriptors', 'missing-stage-descriptor']);
    expect(issues[1]!.message).toBe('competency c1 describes no stage grown');
  });

  it('"far fewer" means fewer than half the median count', () => {
    // Median of [4, 4, 2] is 4: 2 is exactly half, not fewer.
    expect(lintModel(model([4, 4, 2]))).toEqual([]);
    // Median of [4, 4, 1] is 4: 1 < 2.
    const issues = lintModel(model([4, 4, 1]));
    expect(issues).toEqual([{ path: ['competencies', 2, 'indicators'], at: 'key', code: 'small-competency', message: expect.stringContaining('fewer than half the median of 4') }]);
    // Even count: median of [6, 2] is 4, and 2 is half of it.
    expect(lintModel(model([6, 2]))).toEqual([]);
    expect(codes(lintModel(model([7, 1])))).toEqual(['small-competency']);
    // A single competency has nothing to compare with.
    expect(lintModel(model([1]))).toEqual([]);
  });

  it('warns about duplicate indicator texts, ignoring case and spacing, pointing back at the first', () => {
    const m = model([2, 2]);
    m.competencies[0]!.indicators[1]!.text = 'Goals  are written.';
    m.competencies[1]!.indicators[0]!.text = 'goals are written. ';
    m.competencies[0]!.indicators[0]!.text = 'Goals are written.';
    expect(lintModel(m)).toEqual([
      { path: ['competencies', 0, 'indicators', 1, 'text'], code: 'duplicate-text', message: expect.stringContaining('same text as c0.grown.1'), related: ['competencies', 0, 'indicators', 0, 'text'] },
      { path: ['competencies', 1, 'indicators', 0, 'text'], code: 'duplicate-text', message: expect.stringContaining('same text as c0.grown.1'), related: ['competencies', 0, 'indicators', 0, 'text'] },
    ]);
  });

  it('accepts strictly decreasing and strictly increasing scales, warns at the first tie or turn', () => {
    const scale = (values: number[]) => values.map((value, index) => ({ id: `s${index}`, label: `S${index}`, value }));
    expect(lintModel(model([1], { scale: SCALE }))).toEqual([]);
    expect(lintModel(model([1], { scale: scale([0, 0.5, 1]) }))).toEqual([]);
    expect(lintModel(model([1], { scale: scale([1, 0.5, 0.5, 0]) }))).toEqual([
      { path: ['scale', 2, 'value'], code: 'scale-order', message: expect.stringContaining('"s1" and "s2" have the same value 0.5') },
    ]);
    expect(lintModel(model([1], { scale: scale([1, 0, 0.5]) }))).toEqual([
      { path: ['scale', 2, 'value'], code: 'scale-order', message: expect.stringContaining('"s2" (0.5) breaks the order') },
    ]);
    expect(codes(lintModel(model([1], { scale: scale([0.5, 0.5]) })))).toEqual(['scale-order']);
  });
});
