import { describe, expect, it } from 'vitest';
import { scoreAssessment } from '../../src/core/score.js';
import { truncate2 } from '../../src/core/truncate.js';
import { assessment, buildModel } from '../helpers/model.js';

// Every expectation below is worked out by hand in the comment beside it, from the rules:
// attainment = Σ weight·value / Σ weight (n/a left out, unanswered = 0, all n/a = 1);
// met when attainment >= threshold; level = highest k with stages 2..k all met;
// score = level + attainment(next) / threshold, truncated to 2 decimals.

const FOUR = ['h', 'e', 'c', 'n'];
const two = { e: [1, 1], c: [1, 1], n: [1, 1] };
const single = buildModel(FOUR, [{ id: 'x', indicators: two }]);

function answersFor(values: Record<string, [string | undefined, string | undefined]>): Record<string, string> {
  const answers: Record<string, string> = {};
  for (const [stage, pair] of Object.entries(values)) {
    pair.forEach((answer, index) => {
      if (answer !== undefined) answers[`x.${stage}.${index + 1}`] = answer;
    });
  }
  return answers;
}

describe('one competency, four stages, two indicators per stage, threshold 0.75', () => {
  const cases: { name: string; answers: Record<string, [string | undefined, string | undefined]>; level: number; score: number; attainment: Record<string, number> }[] = [
    {
      name: 'everything in place reaches the top stage with score exactly 4',
      answers: { e: ['yes', 'yes'], c: ['yes', 'yes'], n: ['yes', 'yes'] },
      level: 4,
      score: 4,
      attainment: { e: 1, c: 1, n: 1 },
    },
    {
      // e = (1 + 0.5) / 2 = 0.75, met exactly at the threshold; c = (1 + 0) / 2 = 0.5; 2 + 0.5/0.75 = 2.666…
      name: 'attainment equal to the threshold meets the stage',
      answers: { e: ['yes', 'partly'], c: ['yes', 'no'], n: ['no', 'no'] },
      level: 2,
      score: 2.66,
      attainment: { e: 0.75, c: 0.5, n: 0 },
    },
    {
      // e = 0 is not met, so c = 1 does not count: level 1, score 1 + 0/0.75 = 1.
      name: 'a higher stage never counts before the stages under it',
      answers: { e: ['no', 'no'], c: ['yes', 'yes'], n: ['yes', 'yes'] },
      level: 1,
      score: 1,
      attainment: { e: 0, c: 1, n: 1 },
    },
    {
      // e all n/a = 1 (met); c = 1 / 1 (n/a left out) = 1; n = (0.5 + 0) / 2 = 0.25; 3 + 0.25/0.75 = 3.333…
      name: 'n/a is left out of every sum, and a stage that is all n/a is met',
      answers: { e: ['n/a', 'n/a'], c: ['yes', 'n/a'], n: ['partly', 'no'] },
      level: 3,
      score: 3.33,
      attainment: { e: 1, c: 1, n: 0.25 },
    },
    {
      // e = (1 + 0) / 2 = 0.5 with the unanswered one counted as 0; 1 + 0.5/0.75 = 1.666…
      name: 'an unanswered indicator counts as 0',
      answers: { e: ['yes', undefined], c: [undefined, undefined], n: [undefined, undefined] },
      level: 1,
      score: 1.66,
      attainment: { e: 0.5, c: 0, n: 0 },
    },
    {
      // e = (0.75 + 0.75) / 2 = 0.75 met; c = (0.75 + 0.5) / 2 = 0.625; 2 + 0.625/0.75 = 2.8333…
      name: 'mostly everywhere at one stage just meets it',
      answers: { e: ['mostly', 'mostly'], c: ['mostly', 'partly'], n: ['no', 'no'] },
      level: 2,
      score: 2.83,
      attainment: { e: 0.75, c: 0.62, n: 0 },
    },
  ];

  for (const testCase of cases) {
    it(testCase.name, () => {
      const report = scoreAssessment(single, assessment(answersFor(testCase.answers)));
      const [competency] = report.competencies;
      expect(competency?.level).toBe(testCase.level);
      expect(competency?.score).toBe(testCase.score);
      expect(competency?.attainment).toEqual(testCase.attainment);
      expect(competency?.stage).toBe(FOUR[testCase.level - 1]);
      expect(competency?.stageName).toBe(FOUR[testCase.level - 1]!.toUpperCase());
      expect(competency?.nextStage).toBe(FOUR[testCase.level] ?? null);
    });
  }

  it('counts completeness with n/a as answered and lists the unanswered in model order', () => {
    const report = scoreAssessment(single, assessment({ 'x.n.2': 'yes', 'x.e.1': 'n/a', 'x.c.1': 'no' }));
    expect(report.completeness).toEqual({ answered: 3, total: 6, unanswered: ['x.e.2', 'x.c.2', 'x.n.1'] });
  });
});

describe('weights', () => {
  // Indicator weights e: [3, 1], c: [1, 3].
  const model = buildModel(['h', 'e', 'c'], [{ id: 'x', indicators: { e: [3, 1], c: [1, 3] } }]);

  it('weighs each answer by its indicator weight', () => {
    // e = (3·1 + 1·0) / 4 = 0.75 met; c = (1·0.5 + 3·0.75) / 4 = 2.75 / 4 = 0.6875; 2 + 0.6875/0.75 = 2.9166…
    const report = scoreAssessment(model, assessment({ 'x.e.1': 'yes', 'x.e.2': 'no', 'x.c.1': 'partly', 'x.c.2': 'mostly' }));
    expect(report.competencies[0]).toMatchObject({ level: 2, score: 2.91, attainment: { e: 0.75, c: 0.68 } });
  });

  it('the heavier indicator decides when the light one is n/a', () => {
    // e = (3·0.5) / 3 = 0.5 (the weight-1 indicator is n/a); 1 + 0.5/0.75 = 1.666…
    const report = scoreAssessment(model, assessment({ 'x.e.1': 'partly', 'x.e.2': 'n/a' }));
    expect(report.competencies[0]).toMatchObject({ level: 1, score: 1.66 });
  });
});

describe('overall score by aggregate', () => {
  // X: e yes (met), c partly = 0.5 → 2 + 0.5/0.75 = 2.666…
  // Y: e partly = 0.5 (not met) → 1 + 0.5/0.75 = 1.666…
  // Z: e yes, c yes → 3 (top stage)
  const competencies = [
    { id: 'x', indicators: { e: [1], c: [1] } },
    { id: 'y', indicators: { e: [1], c: [1] } },
    { id: 'z', indicators: { e: [1], c: [1] } },
  ];
  const answers = assessment({ 'x.e.1': 'yes', 'x.c.1': 'partly', 'y.e.1': 'partly', 'y.c.1': 'yes', 'z.e.1': 'yes', 'z.c.1': 'yes' });
  const stages = ['h', 'e', 'c'];

  it('mean: the weighted mean of the competency scores, level = floor', () => {
    // (2.666… + 1.666… + 3) / 3 = 7.333… / 3 = 2.444… → 2.44, level 2
    const report = scoreAssessment(buildModel(stages, competencies), answers);
    expect(report.competencies.map((c) => c.score)).toEqual([2.66, 1.66, 3]);
    expect(report.overall).toEqual({ level: 2, stage: 'e', stageName: 'E', score: 2.44 });
  });

  it('mean uses the competency weights', () => {
    // weights 1, 2, 1: (2.666… + 2·1.666… + 3) / 4 = 9 / 4 = 2.25
    const weighted = competencies.map((c) => (c.id === 'y' ? { ...c, weight: 2 } : c));
    const report = scoreAssessment(buildModel(stages, weighted), answers);
    expect(report.overall).toEqual({ level: 2, stage: 'e', stageName: 'E', score: 2.25 });
  });

  it('min: the lowest competency score and level', () => {
    const report = scoreAssessment(buildModel(stages, competencies, { aggregate: 'min' }), answers);
    expect(report.overall).toEqual({ level: 1, stage: 'h', stageName: 'H', score: 1.66 });
  });

  it('median of an odd count: the middle score', () => {
    const report = scoreAssessment(buildModel(stages, competencies, { aggregate: 'median' }), answers);
    expect(report.overall).toEqual({ level: 2, stage: 'e', stageName: 'E', score: 2.66 });
  });

  it('median of an even count: the mean of the two middle scores', () => {
    // X and Y only: (2.666… + 1.666…) / 2 = 2.1666… → 2.16
    const report = scoreAssessment(buildModel(stages, competencies.slice(0, 2), { aggregate: 'median' }), answers);
    expect(report.overall).toEqual({ level: 2, stage: 'e', stageName: 'E', score: 2.16 });
  });
});

describe('truncation and tolerance', () => {
  it('truncates instead of rounding, so the next stage is never shown before it is reached', () => {
    // One indicator answered 0.747: 0.747 / 0.75 = 0.996 → 1.996, shown as 1.99 (rounding would say 2.00).
    const model = buildModel(['h', 'e'], [{ id: 'x', indicators: { e: [1] } }], {
      scale: [
        { id: 'almost', label: 'Almost', value: 0.747 },
        { id: 'no', label: 'No', value: 0 },
      ],
    });
    const report = scoreAssessment(model, assessment({ 'x.e.1': 'almost' }));
    expect(report.competencies[0]).toMatchObject({ level: 1, score: 1.99 });
    expect(report.overall).toMatchObject({ level: 1, score: 1.99 });
  });

  it('meets a threshold that the binary sum misses by rounding noise', () => {
    // (0.01 + 0.06) / 2 is 0.034999999999999996 in binary floating point, mathematically 0.035.
    const model = buildModel(['h', 'e'], [{ id: 'x', indicators: { e: [1, 1] } }], {
      threshold: 0.035,
      scale: [
        { id: 'a', label: 'A', value: 0.01 },
        { id: 'b', label: 'B', value: 0.06 },
      ],
    });
    expect((0.01 + 0.06) / 2).toBeLessThan(0.035);
    const report = scoreAssessment(model, assessment({ 'x.e.1': 'a', 'x.e.2': 'b' }));
    expect(report.competencies[0]).toMatchObject({ level: 2, score: 2 });
  });

  it('truncate2 cuts binary noise the right way', () => {
    expect(truncate2(2.3)).toBe(2.3);
    expect(truncate2(2.999)).toBe(2.99);
    expect(truncate2(1 + 0.5 / 0.75)).toBe(1.66);
    expect(truncate2(4)).toBe(4);
  });
});

describe('next steps', () => {
  const model = buildModel(['h', 'e', 'c'], [{ id: 'x', indicators: { e: [1, 1, 1, 2], c: [1] } }]);

  it('lists the unmet indicators of the next stage, largest gain first, with answer and note', () => {
    // Gains: e.1 yes → 0 (met, left out); e.2 partly → 1·0.5; e.3 unanswered → 1·1; e.4 mostly, weight 2 → 2·0.25 = 0.5.
    const answers = assessment({ 'x.e.1': 'yes', 'x.e.2': 'partly', 'x.e.4': 'mostly' });
    const report = scoreAssessment(model, answers);
    expect(report.competencies[0]?.next.map((step) => [step.id, step.answer])).toEqual([
      ['x.e.3', null],
      ['x.e.2', 'partly'],
      ['x.e.4', 'mostly'],
    ]);
  });

  it('leaves out n/a indicators and has none at the top stage', () => {
    const report = scoreAssessment(model, assessment({ 'x.e.1': 'n/a', 'x.e.2': 'yes', 'x.e.3': 'yes', 'x.e.4': 'yes', 'x.c.1': 'yes' }));
    expect(report.competencies[0]).toMatchObject({ level: 3, nextStage: null, next: [] });
  });
});
