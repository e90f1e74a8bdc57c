import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { RespondentAnswers } from '../../src/core/consensus.js';
import { disagreementOf } from '../../src/core/disagreement.js';
import { disagreementSchema } from '../../src/schema/disagreement.js';
import { buildModel } from '../helpers/model.js';

/** Competency a of three indicators, b of two, on the four-level scale (steps: no 0, partly 1, mostly 2, yes 3). */
const model = buildModel(['none', 'done'], [
  { id: 'a', indicators: { done: [1, 1, 1] } },
  { id: 'b', indicators: { done: [1, 1] } },
]);

function respondent(source: string, name: string | null, answers: Record<string, string | null>): RespondentAnswers {
  return { source, name, role: null, answers: new Map(Object.entries(answers).map(([id, answer]) => [id, { answer, note: null }])) };
}

const alice = respondent('alice.yaml', 'Alice', { 'a.done.1': 'yes', 'a.done.2': 'yes', 'a.done.3': 'n/a', 'b.done.1': 'yes', 'b.done.2': 'partly' });
const bob = respondent('bob.yaml', 'Bob', { 'a.done.1': 'no', 'a.done.2': 'mostly', 'a.done.3': 'partly', 'b.done.1': 'yes', 'b.done.2': 'partly' });
const carol = respondent('carol.yaml', null, { 'a.done.1': 'partly', 'a.done.2': 'yes', 'a.done.3': 'partly', 'b.done.1': 'mostly', 'b.done.2': null });

describe('disagreementOf', () => {
  const result = disagreementOf(model, { organisation: 'Guild', context: null, respondents: [carol, alice, bob] });

  it('is a valid disagreement report, with the respondents in file order', () => {
    expect(disagreementSchema.safeParse(result).success).toBe(true);
    expect(result.respondents.map((respondent) => respondent.file)).toEqual(['alice.yaml', 'bob.yaml', 'carol.yaml']);
  });

  it('measures each spread in scale steps, n/a and empty answers left out, widest first', () => {
    const [a, b] = result.competencies;
    // a.done.1: yes 3, no 0, partly 1 → 3; a.done.2: yes, mostly, yes → 1; a.done.3: n/a, partly, partly → 0, disputed.
    expect(a!.indicators.map((indicator) => [indicator.id, indicator.spread, indicator.applicabilityDisputed])).toEqual([
      ['a.done.1', 3, false],
      ['a.done.2', 1, false],
      ['a.done.3', 0, true],
    ]);
    // b.done.1: yes, yes, mostly → 1; b.done.2: partly, partly, empty → 0.
    expect(b!.indicators.map((indicator) => [indicator.id, indicator.spread])).toEqual([
      ['b.done.1', 1],
      ['b.done.2', 0],
    ]);
    expect(a!.indicators[0]!.answers).toEqual(['yes', 'no', 'partly']);
    expect(a!.indicators[2]!.distribution).toEqual({ partly: 2, 'n/a': 1 });
  });

  it('gives each competency its agreement, 1 − mean spread ÷ 3 steps, the least agreement first', () => {
    // a: (3 + 1 + 0) / 3 = 4/3 steps → 1 − 4/9 = 5/9; b: (1 + 0) / 2 = 0.5 → 1 − 1/6 = 5/6.
    expect(result.competencies.map((competency) => competency.id)).toEqual(['a', 'b']);
    expect(result.competencies[0]!.meanSpread).toBeCloseTo(4 / 3, 12);
    expect(result.competencies[0]!.agreement).toBeCloseTo(5 / 9, 12);
    expect(result.competencies[1]!.agreement).toBeCloseTo(5 / 6, 12);
    expect(result.competencies.map((competency) => competency.compared)).toEqual([3, 2]);
    // Overall: (3 + 1 + 0 + 1 + 0) / 5 = 1 step → 2/3.
    expect(result.agreement).toBeCloseTo(2 / 3, 12);
  });

  it('puts first the spreads of at least two steps and the disputed applicability', () => {
    expect(result.discussFirst).toEqual([
      { id: 'a.done.1', competency: 'a', spread: 3 },
      { id: 'a.done.3', competency: 'a', spread: 0 },
    ]);
  });

  it("gives each respondent the mean distance from the others' median, the largest first", () => {
    // Alice: |3 − 0.5| + |3 − 2.5| + |3 − 2.5| + |1 − 1| = 3.5 over 4 → 0.875.
    // Bob: |0 − 2| + |2 − 3| + |1 − 1| + |3 − 2.5| + |1 − 1| = 3.5 over 5 → 0.7.
    // Carol: |1 − 1.5| + |3 − 2.5| + |1 − 1| + |2 − 3| = 2 over 4 → 0.5.
    expect(result.calibration.map((entry) => [result.respondents[entry.respondent]!.file, entry.deviation, entry.compared])).toEqual([
      ['alice.yaml', 0.875, 4],
      ['bob.yaml', 0.7, 5],
      ['carol.yaml', 0.5, 4],
    ]);
  });

  it('has no spread or agreement where fewer than two answered on the scale', () => {
    const alone = disagreementOf(model, { organisation: 'Guild', context: null, respondents: [alice, respondent('empty.yaml', null, {})] });
    expect(alone.agreement).toBeNull();
    expect(alone.competencies.every((competency) => competency.agreement === null && competency.compared === 0)).toBe(true);
    expect(alone.calibration.map((entry) => entry.deviation)).toEqual([null, null]);
  });

  it('does not depend on the order of the respondents, and agrees fully on identical answers', () => {
    const answer = fc.constantFrom<string | null>('yes', 'mostly', 'partly', 'no', 'n/a', null);
    const ids = ['a.done.1', 'a.done.2', 'a.done.3', 'b.done.1', 'b.done.2'];
    const sheet = fc.array(answer, { minLength: ids.length, maxLength: ids.length });
    fc.assert(
      fc.property(fc.array(sheet, { minLength: 2, maxLength: 5 }), (all) => {
        const respondents = all.map((answers, index) => respondent(`r${index}.yaml`, null, Object.fromEntries(answers.map((given, at) => [ids[at]!, given]))));
        expect(disagreementOf(model, { organisation: 'G', context: null, respondents: [...respondents].reverse() })).toEqual(disagreementOf(model, { organisation: 'G', context: null, respondents }));
        const same = disagreementOf(model, { organisation: 'G', context: null, respondents: respondents.map((one) => ({ ...one, answers: respondents[0]!.answers })) });
        expect([same.agreement, ...same.competencies.map((competency) => competency.agreement)].every((agreement) => agreement === null || agreement === 1)).toBe(true);
      }),
    );
  });
});
