import { describe, expect, it } from 'vitest';
import { scoreAssessment } from '../../src/core/score.js';
import { completeness, rankedSteps, topPriorities, type Priority } from '../../src/core/summary.js';
import { assessment, buildModel } from '../helpers/model.js';

// Every expectation is worked out by hand in the comment beside it, from the scoring rules
// (threshold 0.75): attainment = Σ weight·value / Σ weight, score = level + attainment(next) / 0.75.

const FOUR = ['h', 'e', 'c', 'n'];

/**
 * x: e = (1 + 1) / 2 = 1 met; c = (1 + 0.5) / 2 = 0.75 met; n = (0.5 + 0) / 2 = 0.25.
 *    Level 3, score 3 + 0.25 / 0.75 = 3.333…; next steps x.n.2 (no), x.n.1 (partly).
 * y: e = (2 · 0.75 + 1 · 0) / 3 = 0.5 not met, though c and n are fully in place.
 *    Level 1, score 1 + 0.5 / 0.75 = 1.666…; next steps y.e.2 (no, gain 1), y.e.1 (mostly, gain 0.5).
 */
const ANSWERS = {
  'x.e.1': 'yes',
  'x.e.2': 'yes',
  'x.c.1': 'yes',
  'x.c.2': 'partly',
  'x.n.1': 'partly',
  'x.n.2': 'no',
  'y.e.1': 'mostly',
  'y.e.2': 'no',
  'y.c.1': 'yes',
  'y.n.1': 'yes',
};

function modelWith(xWeight: number, aggregate: 'mean' | 'min' | 'median' = 'mean') {
  return buildModel(
    FOUR,
    [
      { id: 'x', weight: xWeight, indicators: { e: [1, 1], c: [1, 1], n: [1, 1] } },
      { id: 'y', indicators: { e: [2, 1], c: [1], n: [1] } },
    ],
    { aggregate },
  );
}

function ranked(xWeight: number, aggregate: 'mean' | 'min' | 'median' = 'mean', answers: Record<string, string> = ANSWERS): Priority[] {
  const model = modelWith(xWeight, aggregate);
  return rankedSteps(model, scoreAssessment(model, assessment(answers)));
}

function gains(priorities: Priority[]): [string, number, number][] {
  return priorities.map((priority) => [priority.step.id, priority.overallGain, priority.competencyGain]);
}

function expectGains(actual: Priority[], expected: [string, number, number][]): void {
  expect(actual.map((priority) => priority.step.id)).toEqual(expected.map(([id]) => id));
  for (const [index, [, overall, competency]] of expected.entries()) {
    expect(actual[index]!.overallGain, `${expected[index]![0]} overall`).toBeCloseTo(overall, 9);
    expect(actual[index]!.competencyGain, `${expected[index]![0]} competency`).toBeCloseTo(competency, 9);
  }
}

describe('rankedSteps: the gain of a next step is the rise of the overall score', () => {
  it('mean of equal weights: a step that meets a stage lifts the level past the stages already met above it', () => {
    // Overall now (3.333… + 1.666…) / 2 = 2.5.
    // y.e.2 yes: e = (1.5 + 1) / 3 = 0.833 met, c and n met → level 4, score 4: y +2.333…, overall +1.1666…
    // x.n.2 yes: n = (0.5 + 1) / 2 = 0.75 met → level 4, score 4: x +0.666…, overall +0.333…
    // x.n.1 yes: n = (1 + 0) / 2 = 0.5 → 3 + 0.5 / 0.75 = 3.666…: x +0.333…, overall +0.1666…
    // y.e.1 yes: e = (2 + 0) / 3 = 0.666… not met → 1 + 0.666… / 0.75 = 1.888…: y +0.222…, overall +0.111…
    expectGains(ranked(1), [
      ['y.e.2', 7 / 6, 7 / 3],
      ['x.n.2', 1 / 3, 2 / 3],
      ['x.n.1', 1 / 6, 1 / 3],
      ['y.e.1', 1 / 9, 2 / 9],
    ]);
  });

  it('competency weights: the same rise in a heavier competency moves the overall score more', () => {
    // x weighs 4, y 1: overall = (4 · 3.333… + 1.666…) / 5.
    // x.n.2: 4 · 0.666… / 5 = 0.5333…; y.e.2: 2.333… / 5 = 0.4666…; x.n.1: 4 · 0.333… / 5 = 0.2666…; y.e.1: 0.222… / 5 = 0.0444…
    expectGains(ranked(4), [
      ['x.n.2', 8 / 15, 2 / 3],
      ['y.e.2', 7 / 15, 7 / 3],
      ['x.n.1', 4 / 15, 1 / 3],
      ['y.e.1', 2 / 45, 2 / 9],
    ]);
  });

  it('min: only the weakest competency moves the overall score; the rest go by their own rise', () => {
    // Overall now min(3.333…, 1.666…) = 1.666….
    // y.e.2: min(3.333…, 4) − 1.666… = 1.666…; y.e.1: 1.888… − 1.666… = 0.222…;
    // x.n.2 and x.n.1 leave the minimum at y's 1.666… (gain 0), then x's own rise orders them: 0.666… before 0.333….
    expectGains(ranked(1, 'min'), [
      ['y.e.2', 5 / 3, 7 / 3],
      ['y.e.1', 2 / 9, 2 / 9],
      ['x.n.2', 0, 2 / 3],
      ['x.n.1', 0, 1 / 3],
    ]);
  });

  it('an n/a indicator is left out of its stage, so the other one carries it alone', () => {
    // x.n.1 n/a: n = 0 / 1 = 0, x scores 3; x.n.2 yes: n = 1 → level 4, x +1; overall (mean of 2) +0.5.
    const priorities = ranked(1, 'mean', { ...ANSWERS, 'x.n.1': 'n/a' });
    const step = priorities.find((priority) => priority.step.id === 'x.n.2')!;
    expect(step.overallGain).toBeCloseTo(0.5, 9);
    expect(step.competencyGain).toBeCloseTo(1, 9);
    expect(priorities.map((priority) => priority.step.id)).not.toContain('x.n.1');
  });

  it('an unanswered indicator counts 0, like `no`', () => {
    const { 'x.n.2': _, ...withoutAnswer } = ANSWERS;
    expect(gains(ranked(1, 'mean', withoutAnswer))).toEqual(gains(ranked(1)));
  });

  it('equal gains keep model order: competency first, then its own list of next steps', () => {
    // Two identical competencies, each e = 0 with two indicators: every step raises its
    // competency by 0.5 / 0.75 = 0.666… and the mean by 0.333….
    const model = buildModel(['h', 'e'], [
      { id: 'b', indicators: { e: [1, 1] } },
      { id: 'a', indicators: { e: [1, 1] } },
    ]);
    const priorities = rankedSteps(model, scoreAssessment(model, assessment({})));
    expect(priorities.map((priority) => priority.step.id)).toEqual(['b.e.1', 'b.e.2', 'a.e.1', 'a.e.2']);
    for (const priority of priorities) expect(priority.overallGain).toBeCloseTo(1 / 3, 9);
  });

  it('topPriorities keeps the first three, across competencies, with their competency', () => {
    const model = modelWith(1);
    const top = topPriorities(model, scoreAssessment(model, assessment(ANSWERS)));
    expect(top.map((priority) => [priority.competency, priority.competencyName, priority.step.id])).toEqual([
      ['y', 'Competency y', 'y.e.2'],
      ['x', 'Competency x', 'x.n.2'],
      ['x', 'Competency x', 'x.n.1'],
    ]);
  });

  it('nothing to do: no priorities', () => {
    const model = modelWith(1);
    const all = Object.fromEntries(model.competencies.flatMap((competency) => competency.indicators.map((indicator) => [indicator.id, 'yes'])));
    expect(topPriorities(model, scoreAssessment(model, assessment(all)))).toEqual([]);
  });
});

describe('completeness: a draft below 80% answered', () => {
  // Five indicators: x.e.1–3 and x.c.1–2.
  const model = buildModel(['h', 'e', 'c'], [{ id: 'x', indicators: { e: [1, 1, 1], c: [1, 1] } }]);
  const of = (answers: Record<string, string>) => completeness(scoreAssessment(model, assessment(answers)));

  it('4 of 5 answered (one of them n/a) is exactly 80%: not a draft', () => {
    expect(of({ 'x.e.1': 'yes', 'x.e.2': 'no', 'x.e.3': 'n/a', 'x.c.1': 'partly' })).toEqual({ answered: 4, total: 5, share: 0.8, draft: false });
  });

  it('3 of 5 answered is 60%: a draft', () => {
    expect(of({ 'x.e.1': 'yes', 'x.e.2': 'no', 'x.c.1': 'partly' })).toEqual({ answered: 3, total: 5, share: 0.6, draft: true });
  });

  it('every indicator answered is 100%; none is 0% and a draft', () => {
    expect(of({ 'x.e.1': 'yes', 'x.e.2': 'yes', 'x.e.3': 'yes', 'x.c.1': 'yes', 'x.c.2': 'yes' })).toEqual({ answered: 5, total: 5, share: 1, draft: false });
    expect(of({})).toEqual({ answered: 0, total: 5, share: 0, draft: true });
  });

  it('just either side of 80% of 72: 58 answered (80.5%) is not a draft, 57 (79.1%) is', () => {
    const many = buildModel(['h', 'e'], [{ id: 'm', indicators: { e: new Array<number>(72).fill(1) } }]);
    const answered = (count: number) => Object.fromEntries(Array.from({ length: count }, (_, index) => [`m.e.${index + 1}`, 'no']));
    expect(completeness(scoreAssessment(many, assessment(answered(58)))).draft).toBe(false);
    expect(completeness(scoreAssessment(many, assessment(answered(57)))).draft).toBe(true);
  });
});
