import { describe, expect, it } from 'vitest';
import { checkAnswers } from '../../src/core/assessment.js';
import { evaluateGates, gateFailureText, gatePolicy } from '../../src/core/gates.js';
import { scoreAssessment } from '../../src/core/score.js';
import { parseStaleAfter, staleCutoff, withStale, type StaleAfter } from '../../src/core/stale.js';
import { answersSchema } from '../../src/schema/answers.js';
import { modelSchema } from '../../src/schema/model.js';
import { SCALE } from '../helpers/model.js';

function after(text: string): StaleAfter {
  const parsed = parseStaleAfter(text);
  if (typeof parsed === 'string') throw new Error(parsed);
  return parsed;
}

describe('--stale-after durations', () => {
  it('reads a whole number from 1 to 9999 and one unit: d, w, m or y', () => {
    expect(parseStaleAfter('90d')).toEqual({ text: '90d', count: 90, unit: 'd' });
    expect(parseStaleAfter('2w')).toEqual({ text: '2w', count: 2, unit: 'w' });
    expect(parseStaleAfter('12m')).toEqual({ text: '12m', count: 12, unit: 'm' });
    expect(parseStaleAfter('1y')).toEqual({ text: '1y', count: 1, unit: 'y' });
    expect(parseStaleAfter('9999d')).toEqual({ text: '9999d', count: 9999, unit: 'd' });
    expect(parseStaleAfter('012m')).toEqual({ text: '012m', count: 12, unit: 'm' });
  });

  it.each(['12', 'm', '0m', '10000d', '12M', '1.5y', '-1m', ' 12m', '12m ', '1y6m', '12 m', 'twelve months', '', '12mo'])('refuses %j, saying what a duration is', (text) => {
    expect(parseStaleAfter(text)).toBe(`"${text}" is not a duration: expected a whole number from 1 to 9999 and a unit: d (days), w (weeks), m (months) or y (years), e.g. 90d, 2w, 12m, 1y`);
  });
});

describe('the cut-off date', () => {
  it.each([
    ['2026-10-01', '12m', '2025-10-01'],
    ['2026-10-01', '1y', '2025-10-01'],
    ['2026-01-15', '1m', '2025-12-15'],
    // No 31 February: the month's last day.
    ['2026-03-31', '1m', '2026-02-28'],
    ['2024-03-31', '1m', '2024-02-29'],
    ['2026-05-31', '3m', '2026-02-28'],
    ['2024-02-29', '1y', '2023-02-28'],
    ['2028-02-29', '4y', '2024-02-29'],
    // Oct 1 less 30 days (September) is Sep 1, less 31 (August) Aug 1, less 29 more Jul 3.
    ['2026-10-01', '90d', '2026-07-03'],
    ['2026-01-10', '2w', '2025-12-27'],
    ['2026-03-01', '1d', '2026-02-28'],
    ['2024-03-01', '1d', '2024-02-29'],
    ['2000-03-01', '1d', '2000-02-29'],
    ['1900-03-01', '1d', '1900-02-28'],
    // Years below 100 are years, not 1900 and after.
    ['0048-03-01', '1d', '0048-02-29'],
    ['0050-03-01', '1d', '0050-02-28'],
    ['0001-06-15', '1y', '0000-06-15'],
    // Never before year 0.
    ['0001-06-15', '2y', '0000-01-01'],
    ['0005-06-01', '9999d', '0000-01-01'],
  ])('%s less %s is %s', (date, duration, cutoff) => {
    expect(staleCutoff(date, after(duration))).toBe(cutoff);
  });
});

/** Two competencies; `x.out` applies only in the customer context. */
const MODEL = modelSchema.parse({
  id: 'dated',
  name: 'Dated',
  version: '2.0',
  scale: SCALE,
  contexts: [
    { id: 'internal', name: 'Internal' },
    { id: 'customer', name: 'Customer' },
  ],
  stages: [
    { id: 's0', name: 'S0' },
    { id: 's1', name: 'S1' },
  ],
  competencies: [
    {
      id: 'x',
      name: 'X',
      indicators: [
        { id: 'x.edge', stage: 's1', text: 'x.edge' },
        { id: 'x.old', stage: 's1', text: 'x.old' },
        { id: 'x.na', stage: 's1', text: 'x.na' },
        { id: 'x.out', stage: 's1', text: 'x.out', contexts: ['customer'] },
        { id: 'x.empty', stage: 's1', text: 'x.empty' },
        { id: 'x.undated', stage: 's1', text: 'x.undated' },
      ],
    },
    { id: 'y', name: 'Y', indicators: [{ id: 'y.old', stage: 's1', text: 'y.old' }] },
  ],
});

function report(date: string | null) {
  const file = answersSchema.parse({
    organisation: 'Org',
    date,
    context: 'internal',
    answers: {
      'x.edge': { answer: 'yes', checked: '2025-10-01' },
      'x.old': { answer: 'partly', checked: '2025-09-30' },
      'x.na': { answer: 'n/a', checked: '2020-01-01' },
      'x.out': { answer: 'yes', checked: '2020-01-01' },
      'x.empty': { note: 'not answered yet', checked: '2020-01-01' },
      'x.undated': 'no',
      'y.old': { answer: 'mostly', checked: '2019-05-05' },
    },
  });
  const { assessment, issues } = checkAnswers(MODEL, file);
  expect(issues).toEqual([]);
  return scoreAssessment(MODEL, assessment);
}

describe('stale answers', () => {
  it("are the answers that apply checked before the assessment's date less the duration, in model order", () => {
    // 2026-10-01 less 12m is 2025-10-01: x.edge, checked that day, is not stale; x.old, the day before, is.
    // An assessor's n/a is an answer and is judged; an indicator outside the context, one without an
    // answer and one without a date checked are not.
    expect(withStale(report('2026-10-01'), after('12m')).stale).toEqual({
      after: '12m',
      checkedBefore: '2025-10-01',
      answers: [
        { id: 'x.old', competency: 'x', checked: '2025-09-30' },
        { id: 'x.na', competency: 'x', checked: '2020-01-01' },
        { id: 'y.old', competency: 'y', checked: '2019-05-05' },
      ],
    });
  });

  it('come from the dates in the file, never from the day of the run', () => {
    expect(withStale(report('2020-06-01'), after('1y')).stale).toEqual({ after: '1y', checkedBefore: '2019-06-01', answers: [{ id: 'y.old', competency: 'y', checked: '2019-05-05' }] });
  });

  it('cannot be judged without a date: none, and checkedBefore null', () => {
    expect(withStale(report(null), after('12m')).stale).toEqual({ after: '12m', checkedBefore: null, answers: [] });
  });

  it('leave the rest of the report as it was, and come last', () => {
    const plain = report('2026-10-01');
    const judged = withStale(plain, after('12m'));
    const { stale, ...rest } = judged;
    expect(rest).toEqual(plain);
    expect(stale).toBeDefined();
    expect(Object.keys(judged).at(-1)).toBe('stale');
  });
});

describe('the no-stale gate', () => {
  const policy = gatePolicy({ failOnStale: true }, MODEL);

  it('gives one result per competency: its stale answers against none allowed', () => {
    const judged = withStale(report('2026-10-01'), after('12m'));
    const gates = evaluateGates(judged, policy);
    expect(gates).toEqual([
      { gate: 'no-stale', subject: 'x', target: 0, actual: 2, passed: false },
      { gate: 'no-stale', subject: 'y', target: 0, actual: 1, passed: false },
    ]);
    expect(gateFailureText(gates[0]!, judged)).toBe('x has 2 answers checked before 2025-10-01 (--stale-after 12m): x.old, x.na');
    expect(gateFailureText(gates[1]!, judged)).toBe('y has 1 answer checked before 2025-10-01 (--stale-after 12m): y.old');
  });

  it('passes where no answer is stale', () => {
    expect(evaluateGates(withStale(report('2020-06-01'), after('1y')), policy)).toEqual([
      { gate: 'no-stale', subject: 'x', target: 0, actual: 0, passed: true },
      { gate: 'no-stale', subject: 'y', target: 0, actual: 1, passed: false },
    ]);
  });

  it('judges nothing, and so gives no result, for an assessment without a date or without --stale-after', () => {
    expect(evaluateGates(withStale(report(null), after('12m')), policy)).toEqual([]);
    expect(evaluateGates(report('2026-10-01'), policy)).toEqual([]);
  });

  it('comes after the other gates', () => {
    const both = gatePolicy({ failOnStale: true, failUnder: '1' }, MODEL);
    expect(evaluateGates(withStale(report('2026-10-01'), after('12m')), both).map((gate) => gate.gate)).toEqual(['fail-under', 'no-stale', 'no-stale']);
  });
});
