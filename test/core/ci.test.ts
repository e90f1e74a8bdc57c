import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { isRegression, scoreDelta, withBaseline } from '../../src/core/compare.js';
import { evaluateGates, resolveTarget } from '../../src/core/gates.js';
import { buildHistory, sparkline } from '../../src/core/history.js';
import { diffReports, regressions } from '../../src/core/diff.js';
import { scoreAssessment } from '../../src/core/score.js';
import { assessment, buildModel } from '../helpers/model.js';

// Two competencies, three stages, one indicator at each stage above the first; threshold 0.75.
const model = buildModel(['low', 'mid', 'top'], [
  { id: 'a', indicators: { mid: [1], top: [1] } },
  { id: 'b', indicators: { mid: [1], top: [1] } },
]);
const report = (answers: Record<string, string>, date: string | null = null) => ({ ...scoreAssessment(model, assessment(answers)), date });
// a: mid yes (met), top partly → 2 + 0.5 / 0.75 = 2.66; b: mid partly (not met) → 1 + 0.5 / 0.75 = 1.66; mean 2.16.
const before = report({ 'a.mid.1': 'yes', 'a.top.1': 'partly', 'b.mid.1': 'partly', 'b.top.1': 'no' }, '2026-01-01');
// a: top mostly → 2 + 1 = 3 (top stage); b: mid no → 1.00; mean 2.00.
const after = report({ 'a.mid.1': 'yes', 'a.top.1': 'mostly', 'b.mid.1': 'no', 'b.top.1': 'no' }, '2026-04-01');

describe('scoreDelta', () => {
  it('is the difference of printed scores in whole hundredths, without float noise', () => {
    expect(scoreDelta(3.1, 2.9)).toBe(0.2);
    expect(scoreDelta(2.9, 3.1)).toBe(-0.2);
    expect(scoreDelta(2.98, 2.98)).toBe(0);
    expect(Object.is(scoreDelta(1.1, 1.1), -0)).toBe(false);
  });

  it('always has at most two decimals and is exact for scores in hundredths', () => {
    fc.assert(
      fc.property(fc.integer({ min: 100, max: 400 }), fc.integer({ min: 100, max: 400 }), (a, b) => {
        expect(scoreDelta(a / 100, b / 100)).toBe((a - b) / 100);
      }),
    );
  });
});

describe('withBaseline and gates', () => {
  it('adds deltas and the regression gates see them', () => {
    expect([before.competencies.map((c) => c.score), before.overall.score]).toEqual([[2.66, 1.66], 2.16]);
    expect([after.competencies.map((c) => c.score), after.overall.score]).toEqual([[3, 1], 2]);
    const compared = withBaseline(after, before);
    expect(compared.overall.delta).toBe(-0.16);
    expect(compared.competencies.map((c) => c.delta)).toEqual([0.34, -0.66]);
    expect(evaluateGates(compared, { noRegression: true, failUnder: { subject: 'overall', target: 2, text: 'mid' } })).toEqual([
      { gate: 'fail-under', subject: 'overall', target: 2, actual: 2, passed: true },
      { gate: 'no-regression', subject: 'overall', target: 2.16, actual: 2, passed: false },
      { gate: 'no-regression', subject: 'a', target: 2.66, actual: 3, passed: true },
      { gate: 'no-regression', subject: 'b', target: 1.66, actual: 1, passed: false },
    ]);
  });

  it('lets a fall no larger than the tolerance pass, and fails a larger one', () => {
    const compared = withBaseline(after, before);
    // Falls: overall 2.16 → 2.00 (0.16), b 1.66 → 1.00 (0.66); a rose.
    const gates = (tolerance: number) => evaluateGates(compared, { noRegression: true, regressionTolerance: tolerance }).map((gate) => [gate.subject, gate.passed, gate.tolerance]);
    expect(gates(0.16)).toEqual([
      ['overall', true, 0.16],
      ['a', true, 0.16],
      ['b', false, 0.16],
    ]);
    expect(gates(0.15)).toEqual([
      ['overall', false, 0.15],
      ['a', true, 0.15],
      ['b', false, 0.15],
    ]);
    expect(gates(0.66).every(([, passed]) => passed)).toBe(true);
    expect(gates(0.65).filter(([, passed]) => !passed)).toEqual([['b', false, 0.65]]);
    // A tolerance of 0 is no tolerance: the gates are as without one, with no tolerance key.
    expect(evaluateGates(compared, { noRegression: true, regressionTolerance: 0 })).toEqual(evaluateGates(compared, { noRegression: true }));
  });

  it('measures a fall in hundredths, as printed: 3.10 → 2.90 is a fall of exactly 0.20', () => {
    expect(isRegression(3.1, 2.9, 0.2)).toBe(false);
    expect(isRegression(3.1, 2.9, 0.19)).toBe(true);
    expect(isRegression(2.9, 3.1, 0)).toBe(false);
    expect(isRegression(2.98, 2.98, 0)).toBe(false);
    expect(isRegression(2.98, 2.97, 0)).toBe(true);
    expect(isRegression(2.98, 2.97, 0.01)).toBe(false);
  });

  it('resolves targets: stage ids to levels, scores in range, anything else an explained error', () => {
    const stages = [{ id: 'low', level: 1 }, { id: 'mid', level: 2 }, { id: 'top', level: 3 }];
    expect(resolveTarget('mid', stages)).toBe(2);
    expect(resolveTarget('2.5', stages)).toBe(2.5);
    expect(resolveTarget('3', stages)).toBe(3);
    expect(resolveTarget('3.01', stages)).toBe('"3.01" is out of range: a score is between 1 and 3');
    expect(resolveTarget('-1', stages)).toBe('"-1" is neither a score (1 to 3) nor a stage id; stages: low, mid, top');
  });
});

describe('a result compared with itself', () => {
  const answer = fc.constantFrom('yes', 'mostly', 'partly', 'no', 'n/a');
  const answers = fc.record({ 'a.mid.1': answer, 'a.top.1': answer, 'b.mid.1': answer, 'b.top.1': answer });

  it('has every delta 0, passes the regression gates, and its diff changes nothing', () => {
    fc.assert(
      fc.property(answers, (given) => {
        const result = report(given, '2026-01-01');
        const compared = withBaseline(result, result);
        expect(compared.overall.delta).toBe(0);
        expect(compared.competencies.every((competency) => competency.delta === 0)).toBe(true);
        expect(evaluateGates(compared, { noRegression: true }).every((gate) => gate.passed)).toBe(true);
        const diff = diffReports(result, result, { old: 'a', new: 'b' });
        expect([diff.answers, diff.stageChanges, regressions(diff)]).toEqual([[], [], []]);
      }),
    );
  });

  it('a regression gate fails exactly when a delta is negative', () => {
    fc.assert(
      fc.property(answers, answers, (old, now) => {
        const compared = withBaseline(report(now), report(old));
        const failed = evaluateGates(compared, { noRegression: true }).filter((gate) => !gate.passed).map((gate) => gate.subject);
        const negative = [...(compared.overall.delta! < 0 ? ['overall'] : []), ...compared.competencies.filter((competency) => competency.delta! < 0).map((competency) => competency.id)];
        expect(failed).toEqual(negative);
      }),
    );
  });
});

describe('diffReports', () => {
  it('lists changed answers, stage changes and regressions', () => {
    const diff = diffReports(before, after, { old: 'old.yaml', new: 'new.yaml' });
    expect(diff.answers.map((change) => [change.indicator, change.old?.answer, change.new?.answer])).toEqual([
      ['a.top.1', 'partly', 'mostly'],
      ['b.mid.1', 'partly', 'no'],
    ]);
    expect(diff.stageChanges).toEqual([{ subject: 'a', from: 'mid', to: 'top', change: 'gained' }]);
    expect(regressions(diff)).toEqual([
      { subject: 'overall', from: 2.16, to: 2, delta: -0.16 },
      { subject: 'b', from: 1.66, to: 1, delta: -0.66 },
    ]);
    expect(regressions(diff, 0.16)).toEqual([{ subject: 'b', from: 1.66, to: 1, delta: -0.66 }]);
    expect(regressions(diff, 0.66)).toEqual([]);
  });
});

describe('history', () => {
  it('sparklines run from ▁ at the first stage to █ at the top', () => {
    expect(sparkline([1, 2, 3, 4], 4)).toBe('▁▃▆█');
    expect(sparkline([1, 3], 3)).toBe('▁█');
  });

  it('sorts by date and reports every undated or foreign entry', () => {
    const history = buildHistory([
      { report: after, source: 'q2', commit: null },
      { report: before, source: 'q1', commit: null },
    ]);
    expect(Array.isArray(history)).toBe(false);
    if (Array.isArray(history)) return;
    expect(history.points.map((point) => [point.date, point.source, point.overall.score])).toEqual([
      ['2026-01-01', 'q1', 2.16],
      ['2026-04-01', 'q2', 2],
    ]);
    // round((score - 1) / 2 × 7) on ▁▂▃▄▅▆▇█: a 2.66 → 6 ▇, 3 → 7 █; b 1.66 → 2 ▃, 1 → 0 ▁; overall 2.16 → 4 ▅, 2 → 4 ▅.
    expect(history.trends).toEqual({ a: '▇█', b: '▃▁', overall: '▅▅' });
    expect(buildHistory([{ report: { ...after, date: null }, source: 'x', commit: null }, { report: { ...before, organisation: 'Other' }, source: 'y', commit: null }])).toEqual([
      { index: 0, code: 'no-date', message: 'has no date: (add date: YYYY-MM-DD to place it in the history)' },
      { index: 1, code: 'other-organisation', message: 'is an assessment of "Other", not of "Org" (x)' },
    ]);
  });
});
