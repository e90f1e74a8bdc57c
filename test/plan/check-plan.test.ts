import { describe, expect, it } from 'vitest';
import { checkPlan, indicatorMapping, targetLevel } from '../../src/core/check-plan.js';
import { planSchema, type PlanInput } from '../../src/schema/plan.js';
import { buildModel } from '../helpers/model.js';

const MODEL = buildModel(['s1', 's2', 's3'], [{ id: 'a', indicators: { s2: [1, 1], s3: [1] } }], {
  version: '2',
  migrations: [{ from: '1', indicators: { 'old.one': ['a.s2.1', 'a.s2.2'] } }],
});

function plan(extra: Partial<PlanInput> = {}) {
  return planSchema.parse({ organisation: 'Org', model: 'test', baseline: 'b.yaml', phases: [{ id: 'p1', by: '2027-01-01', targets: { a: 's2' } }], ...extra });
}

describe('targetLevel', () => {
  it('reads a stage id as its level and a score as itself, within the first and top levels', () => {
    expect(targetLevel('s1', MODEL)).toBe(1);
    expect(targetLevel('s3', MODEL)).toBe(3);
    expect(targetLevel(2.5, MODEL)).toBe(2.5);
    expect(targetLevel(0.5, MODEL)).toBe('score 0.5 is out of range: a score is between 1 and 3');
    expect(targetLevel('s4', MODEL)).toBe('"s4" is not a stage of the model (did you mean s1?); stages: s1, s2, s3');
  });
});

describe('indicatorMapping', () => {
  it('is the identity for the same version, the migration for an earlier one, and null for another model or an unknown version', () => {
    expect(indicatorMapping(MODEL, { id: 'test', version: '2' })?.('a.s2.1')).toEqual(['a.s2.1']);
    expect(indicatorMapping(MODEL, { id: 'test', version: '1' })?.('old.one')).toEqual(['a.s2.1', 'a.s2.2']);
    expect(indicatorMapping(MODEL, { id: 'test', version: '1' })?.('a.s3.1')).toEqual(['a.s3.1']);
    expect(indicatorMapping(MODEL, { id: 'test', version: '0' })).toBeNull();
    expect(indicatorMapping(MODEL, { id: 'other', version: '2' })).toBeNull();
  });
});

describe('checkPlan', () => {
  it('accepts a plan of an earlier version through the migration, and refuses one of another model', () => {
    const migrated = plan({ actions: [{ indicator: 'old.one', phase: 'p1' }] });
    expect(checkPlan(migrated, MODEL, { id: 'test', version: '1' })).toEqual({ errors: [], warnings: [] });
    expect(checkPlan(migrated, MODEL, { id: 'test', version: '2' }).errors.map((issue) => issue.code)).toEqual(['unknown-indicator']);
    expect(checkPlan(migrated, MODEL, { id: 'other', version: '1' }).errors).toEqual([
      { path: ['model'], code: 'model-mismatch', message: 'the plan is for model other 1, which is not model test 2 nor a version it migrates from' },
    ]);
  });

  it('finds every error at once, each at its path', () => {
    const bad = plan({
      phases: [
        { id: 'p1', by: '2027-06-01', targets: { a: 'nope', b: 2 } },
        { id: 'p1', by: '2027-01-01' },
      ],
      actions: [
        { indicator: 'a.s2.1', phase: 'p1' },
        { indicator: 'a.s2.1', phase: 'p9' },
      ],
    });
    expect(checkPlan(bad, MODEL, { id: 'test', version: '2' }).errors.map(({ path, code }) => [path.join('.'), code])).toEqual([
      ['phases.0.targets.a', 'unknown-stage'],
      ['phases.0.targets.b', 'unknown-competency'],
      ['phases.1.id', 'duplicate-id'],
      ['phases.1.by', 'dates-out-of-order'],
      ['actions.1.indicator', 'duplicate-action'],
      ['actions.1.phase', 'unknown-phase'],
    ]);
  });
});
