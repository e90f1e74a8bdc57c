import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Answer } from '../../src/core/assessment.js';
import { authorOf, combineAnswers, combineValues, levelAtOrBelow, oddOnesOut, scaleSteps, type ConsensusMethod, type RespondentAnswers } from '../../src/core/consensus.js';
import { buildModel } from '../helpers/model.js';

/**
 * One competency of nine indicators on the four-level scale: yes 1, mostly 0.75, partly 0.5, no 0
 * (steps, lowest first: no 0, partly 1, mostly 2, yes 3).
 */
const model = buildModel(['none', 'done'], [{ id: 'c', indicators: { done: [1, 1, 1, 1, 1, 1, 1, 1, 1] } }]);
const ids = model.competencies[0]!.indicators.map((indicator) => indicator.id);

/** A respondent from their answers, by indicator number (1-based): a scale id, n/a, or null (empty). */
function respondent(source: string, answers: Record<number, string | null | Answer>, name: string | null = null): RespondentAnswers {
  return {
    source,
    name,
    role: null,
    answers: new Map(
      Object.entries(answers).map(([number, answer]) => [ids[Number(number) - 1]!, typeof answer === 'object' && answer !== null ? answer : { answer, note: null }]),
    ),
  };
}

/** The combined answer (scale id, n/a or null) of each indicator number asked for. */
function combined(respondents: RespondentAnswers[], method: ConsensusMethod): (number: number) => string | null | undefined {
  const answers = combineAnswers(model, respondents, method);
  return (number) => answers.get(ids[number - 1]!)?.answer;
}

describe('combining values', () => {
  it('takes the lower median of an even count, the plain mean and the lowest', () => {
    expect(combineValues([1, 0.5, 0], 'median')).toBe(0.5);
    expect(combineValues([1, 0.75, 0.5, 0], 'median')).toBe(0.5);
    expect(combineValues([1, 0.75], 'median')).toBe(0.75);
    expect(combineValues([1, 0.75, 0], 'mean')).toBeCloseTo(1.75 / 3, 12);
    expect(combineValues([1, 0.75, 0], 'min')).toBe(0);
  });

  it('maps a value back to the level at or below it, never up to a nearer level above', () => {
    const steps = scaleSteps(model);
    expect(steps.map((level) => level.id)).toEqual(['no', 'partly', 'mostly', 'yes']);
    // 0.9 is nearer yes (0.1) than mostly (0.15): still mostly.
    expect(levelAtOrBelow(steps, 0.9).id).toBe('mostly');
    expect(levelAtOrBelow(steps, 0.74).id).toBe('partly');
    expect(levelAtOrBelow(steps, 0.75).id).toBe('mostly');
    expect(levelAtOrBelow(steps, 0.49).id).toBe('no');
    expect(levelAtOrBelow(steps, 1).id).toBe('yes');
    // A mean a hair under a level because of floating point is that level: 0.1 × 3 is 0.30000000000000004, 0.7 - 0.2 is 0.49999999999999994.
    expect(levelAtOrBelow(steps, 0.7 - 0.2).id).toBe('partly');
  });
});

describe('combineAnswers', () => {
  const three = [
    // 1: yes, partly, no · 2: yes, mostly, no · 3: n/a, n/a, yes · 4: n/a, yes, – · 5: all empty
    // 6: yes ×3 + partly (with the fourth) · 7: n/a, n/a, yes, no (with the fourth) · 8: yes, mostly
    respondent('a.yaml', { 1: 'yes', 2: 'yes', 3: 'n/a', 4: 'n/a', 5: null, 6: 'yes', 7: 'n/a', 8: 'yes' }),
    respondent('b.yaml', { 1: 'partly', 2: 'mostly', 3: 'n/a', 4: 'yes', 5: null, 6: 'yes', 7: 'n/a', 8: 'mostly' }),
    respondent('c.yaml', { 1: 'no', 2: 'no', 3: 'yes', 5: null, 6: 'yes', 7: 'yes' }),
    respondent('d.yaml', { 6: 'partly', 7: 'no' }),
  ];

  it('median: the lower middle answer, on the scale values of those who answered', () => {
    const answer = combined(three, 'median');
    expect(answer(1)).toBe('partly'); // 0, 0.5, 1
    expect(answer(2)).toBe('mostly'); // 0, 0.75, 1
    expect(answer(6)).toBe('yes'); // 0.5, 1, 1, 1: lower middle is 1
    expect(answer(7)).toBe('no'); // 2 n/a of 4 is no majority; 0, 1: lower middle is 0
    expect(answer(8)).toBe('mostly'); // 0.75, 1: lower middle is 0.75
  });

  it('mean: the level at or below the mean', () => {
    const answer = combined(three, 'mean');
    expect(answer(1)).toBe('partly'); // 1.5 / 3 = 0.5
    expect(answer(2)).toBe('partly'); // 1.75 / 3 = 0.583…
    expect(answer(6)).toBe('mostly'); // 3.5 / 4 = 0.875
    expect(answer(7)).toBe('partly'); // (1 + 0) / 2 = 0.5
    expect(answer(8)).toBe('mostly'); // 1.75 / 2 = 0.875
  });

  it('min: the lowest answer', () => {
    const answer = combined(three, 'min');
    expect([1, 2, 6, 7, 8].map(answer)).toEqual(['no', 'no', 'partly', 'no', 'mostly']);
  });

  it('says n/a only when a strict majority of those who answered did, and leaves what nobody answered unanswered', () => {
    for (const method of ['median', 'mean', 'min'] as const) {
      const answer = combined(three, method);
      expect(answer(3)).toBe('n/a'); // 2 of 3
      expect(answer(4)).toBe('yes'); // 1 of 2 is not a majority; c did not answer
      expect(answer(5)).toBeUndefined();
      expect(answer(9)).toBeUndefined();
    }
  });

  it('keeps every note with its author, merges evidence, keeps the oldest check and counts the answers', () => {
    const answers = combineAnswers(
      model,
      [
        respondent('responses/r2.yml', { 1: { answer: 'no', note: 'Nobody reads it.', evidence: ['board minutes', 'https://example.org/s'], checked: '2026-03-15' } }),
        respondent('responses/alice.yaml', { 1: { answer: 'yes', note: 'Monthly survey.', evidence: ['https://example.org/s'], checked: '2026-04-01' } }, 'Alice'),
        respondent('responses/r3.yaml', { 1: 'n/a', 2: { answer: null, note: 'Not sure.' } }),
      ],
      'median',
    );
    expect(answers.get(ids[0]!)).toEqual({
      answer: 'no',
      note: 'Alice: Monthly survey.\nr2: Nobody reads it.',
      evidence: ['https://example.org/s', 'board minutes'],
      checked: '2026-03-15',
      distribution: { yes: 1, no: 1, 'n/a': 1 },
    });
    // A note with no answer is kept, and the indicator stays unanswered.
    expect(answers.get(ids[1]!)).toEqual({ answer: null, note: 'r3: Not sure.' });
  });

  it('names an anonymous respondent by the file name, without folder or extension', () => {
    expect(authorOf({ source: 'team/2026/r1.yaml', name: null })).toBe('r1');
    expect(authorOf({ source: 'C:\\team\\r1.YML', name: null })).toBe('r1');
    expect(authorOf({ source: 'r1.yaml', name: 'Ana' })).toBe('Ana');
  });
});

describe('oddOnesOut', () => {
  it('takes the most common value, the first on a tie, and points at the others', () => {
    expect(oddOnesOut(['a', 'b', 'b'])).toEqual({ expected: 'b', odd: [0] });
    expect(oddOnesOut(['a', 'b'])).toEqual({ expected: 'a', odd: [1] });
    expect(oddOnesOut(['a', 'a'])).toEqual({ expected: 'a', odd: [] });
  });
});

describe('properties', () => {
  const answer = fc.constantFrom<string | null>('yes', 'mostly', 'partly', 'no', 'n/a', null);
  const sheet = fc.array(answer, { minLength: ids.length, maxLength: ids.length });
  const sheets = fc.array(sheet, { minLength: 1, maxLength: 7 });
  const method = fc.constantFrom<ConsensusMethod>('median', 'mean', 'min');
  const asRespondents = (all: (string | null)[][]) => all.map((answers, index) => respondent(`r${index}.yaml`, Object.fromEntries(answers.map((given, at) => [at + 1, given]))));
  const stepOf = new Map(scaleSteps(model).map((level, step) => [level.id, step]));

  it('the consensus of identical files is that file', () => {
    fc.assert(
      fc.property(sheet, fc.integer({ min: 1, max: 6 }), method, (answers, copies, how) => {
        const answer = combined(asRespondents(Array.from({ length: copies }, () => answers)), how);
        answers.forEach((given, at) => expect(answer(at + 1) ?? null).toBe(given));
      }),
    );
  });

  it('the order of the files changes nothing', () => {
    const shuffled = sheets.chain((all) => fc.tuple(fc.constant(all), fc.shuffledSubarray([...all.keys()], { minLength: all.length, maxLength: all.length })));
    fc.assert(
      fc.property(shuffled, method, ([all, order], how) => {
        const respondents = asRespondents(all);
        expect(combineAnswers(model, order.map((index) => respondents[index]!), how)).toEqual(combineAnswers(model, respondents, how));
      }),
    );
  });

  it('the median never leaves the range of the answers, and min ≤ median ≤ the highest answer', () => {
    fc.assert(
      fc.property(sheets, (all) => {
        const respondents = asRespondents(all);
        const median = combined(respondents, 'median');
        const min = combined(respondents, 'min');
        const mean = combined(respondents, 'mean');
        ids.forEach((_, at) => {
          const given = all.map((answers) => answers[at]!).filter((one) => one !== null && one !== 'n/a');
          const result = median(at + 1);
          if (result === undefined || result === null || result === 'n/a') return;
          const steps = given.map((one) => stepOf.get(one!)!);
          const low = Math.min(...steps);
          const high = Math.max(...steps);
          expect(given).toContain(result);
          expect(stepOf.get(min(at + 1)!)).toBe(low);
          expect(stepOf.get(result)).toBeGreaterThanOrEqual(low);
          expect(stepOf.get(result)).toBeLessThanOrEqual(high);
          expect(stepOf.get(mean(at + 1)!)).toBeGreaterThanOrEqual(low);
          expect(stepOf.get(mean(at + 1)!)).toBeLessThanOrEqual(high);
        });
      }),
    );
  });
});

describe('the answers file layout', () => {
  it('writes who answered, so that a file rewritten by assess keeps its respondent, and reads back', async () => {
    const { answersTemplate } = await import('../../src/core/answers-template.js');
    const { answersSchema } = await import('../../src/schema/answers.js');
    const { parse } = await import('yaml');
    const text = answersTemplate(model, { schema: 's.json', modelRef: 'test', organisation: 'Guild', respondent: { name: 'Alice "Al" Martin', role: null } });
    expect(text).toContain('\nrespondent: { name: "Alice \\"Al\\" Martin" }\n');
    expect(answersSchema.parse(parse(text)).respondent).toEqual({ name: 'Alice "Al" Martin' });
    expect(answersTemplate(model, { schema: 's.json', modelRef: 'test', respondent: { name: null, role: null } })).not.toContain('respondent');
  });
});
