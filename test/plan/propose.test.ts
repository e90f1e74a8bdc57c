import { describe, expect, it } from 'vitest';
import { checkAnswers } from '../../src/core/assessment.js';
import { phaseDates, proposePlan, yearAfter } from '../../src/core/plan.js';
import { scoreAssessment } from '../../src/core/score.js';
import { answersSchema } from '../../src/schema/answers.js';
import { modelSchema, type ModelInput } from '../../src/schema/model.js';
import { SCALE } from '../helpers/model.js';

/** One competency over three stages; s2 holds indicators that differ in weight, effort and key. */
const INPUT: ModelInput = {
  id: 'effort',
  name: 'Effort',
  version: '1',
  scale: SCALE,
  stages: ['s1', 's2', 's3'].map((id) => ({ id, name: id.toUpperCase() })),
  competencies: [
    {
      id: 'a',
      name: 'A',
      indicators: [
        { id: 'big', stage: 's2', text: 'big', weight: 3, effort: 'large', owner: 'Director', advice: 'Plan it.' },
        { id: 'quick', stage: 's2', text: 'quick', effort: 'small' },
        { id: 'plain', stage: 's2', text: 'plain' },
        { id: 'must', stage: 's2', text: 'must', key: true, effort: 'large' },
        { id: 'done', stage: 's2', text: 'done' },
        { id: 'skip', stage: 's2', text: 'skip' },
        { id: 'later', stage: 's3', text: 'later', effort: 'small' },
      ],
    },
  ],
};
const MODEL = modelSchema.parse(INPUT);

function propose(answers: Record<string, string>, targets: Record<string, string | number>, phases = 2) {
  const { assessment } = checkAnswers(MODEL, answersSchema.parse({ organisation: 'Org', date: '2027-01-01', answers }));
  return proposePlan(MODEL, assessment, scoreAssessment(MODEL, assessment), { targets, start: '2027-01-01', by: '2027-12-31', phases });
}

describe('proposePlan', () => {
  it('orders the unmet indicators by stage, then key ones, then gain per effort, then model order; met and n/a ones are left out', () => {
    // Gains per effort (small 1, medium 2, large 4): big 3×1/4 = 0.75, quick 1×1/1 = 1, plain 1×0.5/2 = 0.25 (partly),
    // must (key) first whatever its gain; done is answered yes, skip n/a; later is at s3, after every s2 indicator.
    const proposal = propose({ plain: 'partly', done: 'yes', skip: 'n/a' }, { a: 's3' }, 1);
    expect(proposal.actions.map((action) => action.indicator)).toEqual(['must', 'quick', 'big', 'plain', 'later']);
  });

  it('plans only the stages up to the target: a score of 2.5 needs the stage of 3 too, a stage id only its own', () => {
    expect(propose({}, { a: 's2' }, 1).actions.map((action) => action.indicator)).toEqual(['must', 'quick', 'big', 'plain', 'done', 'skip']);
    expect(propose({}, { a: 2.5 }, 1).actions.map((action) => action.indicator)).toContain('later');
  });

  it('proposes nothing for a competency at its target, keeps the target it meets and leaves out one it is above', () => {
    // Every answer yes: a scores 3 (the top stage s3), so does overall; s3 is met exactly, s2 is below.
    const all = Object.fromEntries(INPUT.competencies[0]!.indicators.map((indicator) => [indicator.id, 'yes']));
    expect(propose(all, { a: 's3', overall: 's2' })).toEqual({
      phases: [
        { id: 'phase-1', name: 'Phase 1', by: '2027-07-02' },
        { id: 'phase-2', name: 'Phase 2', by: '2027-12-31', targets: { a: 's3' } },
      ],
      actions: [],
    });
  });

  it('cuts the list into consecutive parts, the earlier phases taking the larger ones, with the model\'s owner and advice', () => {
    const proposal = propose({ plain: 'partly', done: 'yes', skip: 'n/a' }, { a: 's3' }, 2);
    expect(proposal.actions.map((action) => [action.indicator, action.phase])).toEqual([
      ['must', 'phase-1'],
      ['quick', 'phase-1'],
      ['big', 'phase-1'],
      ['plain', 'phase-2'],
      ['later', 'phase-2'],
    ]);
    expect(proposal.actions[2]).toEqual({ indicator: 'big', phase: 'phase-1', status: 'todo', owner: 'Director', due: '2027-07-02', advice: 'Plan it.', label: 'A: big' });
  });

  it("gives an earlier phase the stage its actions reach, and the last one the targets asked for", () => {
    // Once phase 1 is done (must, quick, big yes; plain partly; done yes; skip n/a), s2 is
    // (3 + 1 + 0.5 + 1 + 1) / 7 = 0.93 ≥ 0.75: a reaches s2, above its s1 today.
    const proposal = propose({ plain: 'partly', done: 'yes', skip: 'n/a' }, { a: 's3', overall: 3 }, 2);
    expect(proposal.phases).toEqual([
      { id: 'phase-1', name: 'Phase 1', by: '2027-07-02', targets: { a: 's2' } },
      { id: 'phase-2', name: 'Phase 2', by: '2027-12-31', targets: { a: 's3', overall: 3 } },
    ]);
  });
});

describe('plan dates', () => {
  it('spaces the phases evenly from the start, the last on the day given', () => {
    // 2026-09-15 to 2027-12-31 is 472 days: halves of 236.
    expect(phaseDates('2026-09-15', '2027-12-31', 2)).toEqual(['2027-05-09', '2027-12-31']);
    expect(phaseDates('2027-01-01', '2027-01-04', 3)).toEqual(['2027-01-02', '2027-01-03', '2027-01-04']);
    expect(phaseDates('2027-01-01', '2027-12-31', 1)).toEqual(['2027-12-31']);
  });

  it('a year after a day is the same day a year later; the 29th of February becomes the 28th', () => {
    expect(yearAfter('2026-09-15')).toBe('2027-09-15');
    expect(yearAfter('2028-02-29')).toBe('2029-02-28');
  });
});
