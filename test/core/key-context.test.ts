import { describe, expect, it } from 'vitest';
import { checkAnswers } from '../../src/core/assessment.js';
import { checkModel } from '../../src/core/check-model.js';
import { scoreAssessment } from '../../src/core/score.js';
import { rankedSteps } from '../../src/core/summary.js';
import { answersSchema } from '../../src/schema/answers.js';
import { modelSchema, type ModelInput } from '../../src/schema/model.js';
import { SCALE } from '../helpers/model.js';

/**
 * One competency over four stages. Stage s1: a1 (weight 1), a2 (key), a3 (weight 2). Stage s2:
 * b1, b2 (key, internal only). Stage s3: c1 (customer only), c2.
 */
const INPUT: ModelInput = {
  id: 'keys',
  name: 'Keys and contexts',
  version: '2.0',
  scale: SCALE,
  contexts: [
    { id: 'internal', name: 'Internal' },
    { id: 'customer', name: 'Customer' },
  ],
  stages: ['s0', 's1', 's2', 's3'].map((id) => ({ id, name: id.toUpperCase() })),
  competencies: [
    {
      id: 'a',
      name: 'A',
      indicators: [
        { id: 'a1', stage: 's1', text: 'a1' },
        { id: 'a2', stage: 's1', text: 'a2', key: true, criteria: ['one', 'two'], evidence: 'the log', effort: 'small', owner: 'community manager', advice: 'do it' },
        { id: 'a3', stage: 's1', text: 'a3', weight: 2 },
        { id: 'b1', stage: 's2', text: 'b1' },
        { id: 'b2', stage: 's2', text: 'b2', key: true, contexts: ['internal'] },
        { id: 'c1', stage: 's3', text: 'c1', contexts: ['customer'] },
        { id: 'c2', stage: 's3', text: 'c2' },
      ],
    },
  ],
};
const MODEL = modelSchema.parse(INPUT);

function score(answers: Record<string, string>, context?: string) {
  const { assessment, issues } = checkAnswers(MODEL, answersSchema.parse({ organisation: 'Org', answers, ...(context === undefined ? {} : { context }) }));
  expect(issues).toEqual([]);
  return scoreAssessment(MODEL, assessment);
}

describe('key indicators', () => {
  it('a met key lets its stage count as usual', () => {
    // s1: (1 + 0.75 + 2×1) / 4 = 0.9375, met (a2 mostly = 0.75 reaches the threshold). s2: (1 + 0) / 2 = 0.5.
    const competency = score({ a1: 'yes', a2: 'mostly', a3: 'yes', b1: 'yes', b2: 'no', c2: 'no' }).competencies[0]!;
    expect(competency).toMatchObject({ level: 2, score: 2.66, attainment: { s1: 0.93, s2: 0.5, s3: 0 }, blockedBy: ['b2'] });
    expect(competency.next.map((step) => step.id)).toEqual(['b2']);
  });

  it('a key below the threshold holds its stage back whatever the attainment, and the score stays below the next level', () => {
    // s1: (1 + 0.5 + 2) / 4 = 0.875 ≥ 0.75, but a2 (partly) is short: level 1, progress min(0.875 / 0.75, 0.99).
    const report = score({ a1: 'yes', a2: 'partly', a3: 'yes', b1: 'yes', b2: 'yes', c2: 'yes' });
    const competency = report.competencies[0]!;
    expect(competency).toMatchObject({ level: 1, stage: 's0', score: 1.99, nextStage: 's1', blockedBy: ['a2'] });
    expect(report.overall).toMatchObject({ level: 1, score: 1.99 });
    expect(competency.next).toEqual([
      { id: 'a2', stage: 's1', text: 'a2', answer: 'partly', note: null, advice: 'do it', criteria: ['one', 'two'], evidencePrompt: 'the log', effort: 'small', owner: 'community manager', key: true },
    ]);
  });

  it('an unanswered key holds its stage back; a key answered n/a does not', () => {
    expect(score({ a1: 'yes', a3: 'yes' }).competencies[0]).toMatchObject({ level: 1, score: 1.99, blockedBy: ['a2'] });
    // s1 without a2: (1 + 2×0.5) / 3 = 0.667 → 1 + 0.667 / 0.75 = 1.888…
    expect(score({ a1: 'yes', a2: 'n/a', a3: 'partly' }).competencies[0]).toMatchObject({ level: 1, score: 1.88 });
    expect(score({ a1: 'yes', a2: 'n/a', a3: 'partly' }).competencies[0]).not.toHaveProperty('blockedBy');
  });

  it('the gain of raising a blocking key counts the stage it frees', () => {
    // a2 to yes: s1 = (1 + 1 + 2) / 4 = 1, met; s2 unanswered = 0 → 2.00 from 1.99. a1 to yes: s1 still held → 1.99.
    const report = score({ a1: 'partly', a2: 'partly', a3: 'yes' });
    const steps = rankedSteps(MODEL, report).map((priority) => [priority.step.id, Number(priority.competencyGain.toFixed(4))]);
    expect(steps).toEqual([
      ['a2', 0.01],
      ['a1', 0],
    ]);
  });

  it('blocking keys come first among the next steps, then the largest gain', () => {
    // s1 at 0.875 with a1 partly (gain 0.5) and a2 partly (key, gain 0.5), a3 yes: a2 first.
    const competency = score({ a1: 'partly', a2: 'partly', a3: 'yes' }).competencies[0]!;
    expect(competency.next.map((step) => step.id)).toEqual(['a2', 'a1']);
  });
});

describe('contexts', () => {
  it('indicators outside the context count as n/a, are marked, and need no answer', () => {
    // customer: b2 (internal only) is out, even answered "no". s1 = 1, s2 = b1 = 1, s3 = (1 + 0) / 2.
    const report = score({ a1: 'yes', a2: 'yes', a3: 'yes', b1: 'yes', b2: 'no', c1: 'yes', c2: 'no' }, 'customer');
    const competency = report.competencies[0]!;
    expect(competency).toMatchObject({ level: 3, score: 3.66, attainment: { s1: 1, s2: 1, s3: 0.5 } });
    expect(competency.indicators.find((indicator) => indicator.id === 'b2')).toEqual({ id: 'b2', stage: 's2', text: 'b2', answer: 'n/a', value: null, note: null, key: true, applicable: false });
    expect(report.context).toEqual({ id: 'customer', name: 'Customer' });
    expect(report.completeness).toEqual({ answered: 6, total: 6, unanswered: [] });
  });

  it('the other context takes the other indicators out', () => {
    // internal: c1 is out; s3 = c2 = 0; the key b2 counts and is met.
    const report = score({ a1: 'yes', a2: 'yes', a3: 'yes', b1: 'yes', b2: 'yes', c2: 'no' }, 'internal');
    expect(report.competencies[0]).toMatchObject({ level: 3, score: 3 });
    expect(report.completeness).toEqual({ answered: 6, total: 6, unanswered: [] });
  });

  it('without a context every indicator applies and the report has no context', () => {
    const report = score({ a1: 'yes', a2: 'yes', a3: 'yes', b1: 'yes', b2: 'yes', c1: 'yes', c2: 'no' });
    expect(report.competencies[0]).toMatchObject({ level: 3, score: 3.66 });
    expect(report).not.toHaveProperty('context');
    expect(report.completeness.total).toBe(7);
  });

  it('an unknown context is an error listing the model contexts', () => {
    const { issues } = checkAnswers(MODEL, answersSchema.parse({ organisation: 'Org', context: 'custmer', answers: {} }));
    expect(issues).toEqual([{ path: ['context'], code: 'unknown-context', message: 'unknown context "custmer" in model keys (did you mean customer?); contexts: internal, customer' }]);
  });
});

describe('answers evidence', () => {
  it('evidence and the date checked are carried into the indicator result', () => {
    const { assessment } = checkAnswers(MODEL, answersSchema.parse({ organisation: 'Org', answers: { a1: { answer: 'yes', evidence: ['https://example.org/log'], checked: '2026-01-31' } } }));
    const indicator = scoreAssessment(MODEL, assessment).competencies[0]!.indicators[0]!;
    expect(indicator).toEqual({ id: 'a1', stage: 's1', text: 'a1', answer: 'yes', value: 1, note: null, evidence: ['https://example.org/log'], checked: '2026-01-31' });
  });
});

describe('model checks of contexts and migrations', () => {
  it('names unknown contexts, repeated contexts and unknown migration targets', () => {
    const model = modelSchema.parse({
      ...INPUT,
      contexts: [...INPUT.contexts!, { id: 'internal', name: 'Again' }],
      competencies: [{ ...INPUT.competencies[0]!, indicators: [...INPUT.competencies[0]!.indicators, { id: 'c3', stage: 's3', text: 'c3', contexts: ['custom'] }] }],
      migrations: [
        { from: '1.0', indicators: { old: ['a1', 'a9'], gone: [] } },
        { from: '2.0', indicators: {} },
      ],
    });
    expect(checkModel(model).map((issue) => [issue.code, issue.message])).toEqual([
      ['duplicate-id', 'duplicate context id "internal"'],
      ['unknown-context', 'indicator c3 names unknown context "custom" (did you mean customer?); contexts are internal, customer, internal'],
      ['unknown-migration-target', 'old migrates to unknown indicator "a9" (did you mean a1?)'],
      ['migration-from-itself', 'a migration from version "2.0" is from this model\'s own version'],
    ]);
  });
});

describe('a baseline keeps what holds a stage back', () => {
  it('blockedBy stays in the report compared with a baseline', async () => {
    const { withBaseline } = await import('../../src/core/compare.js');
    const report = score({ a1: 'yes', a2: 'partly', a3: 'yes' });
    const compared = withBaseline(report, score({ a1: 'no', a2: 'no', a3: 'no' }));
    expect(compared.competencies[0]).toMatchObject({ blockedBy: ['a2'], delta: 0.99 });
  });
});
