import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkAnswers } from '../../src/core/assessment.js';
import { gap, percentToTarget, planProgress, progressToDate } from '../../src/core/progress.js';
import { scoreAssessment } from '../../src/core/score.js';
import { answersSchema } from '../../src/schema/answers.js';
import { planSchema, type PlanInput } from '../../src/schema/plan.js';
import { buildModel } from '../helpers/model.js';

describe('PercentToTarget = 1 − Σgap / Σtarget', () => {
  it('hand-computed: gaps 0.5 and 1 over targets 3 and 2 give 1 − 1.5 / 5 = 0.7', () => {
    expect(percentToTarget([{ target: 3, score: 2.5 }, { target: 2, score: 1 }])).toBe(0.7);
  });

  it('over-achievement does not hide a gap: 4 against 2 counts as no gap, not as −2', () => {
    // Gaps: max(0, 2 − 4) = 0 and 3 − 2 = 1, over targets 2 + 3: 1 − 1 / 5 = 0.8 (not 1 − (−2 + 1) / 5).
    expect(percentToTarget([{ target: 2, score: 4 }, { target: 3, score: 2 }])).toBe(0.8);
    expect(gap(2, 4)).toBe(0);
  });

  it('is null without any target (n/a), and 1 when every target is met', () => {
    expect(percentToTarget([])).toBeNull();
    expect(percentToTarget([{ target: 2.5, score: 2.5 }, { target: 3, score: 3.2 }])).toBe(1);
  });

  it('property: lies between 0 and 1, and is 1 when every score meets its target', () => {
    const subject = fc.record({ target: fc.double({ min: 1, max: 5, noNaN: true }), score: fc.double({ min: 1, max: 5, noNaN: true }) });
    fc.assert(
      fc.property(fc.array(subject, { minLength: 1, maxLength: 10 }), (subjects) => {
        const value = percentToTarget(subjects)!;
        expect(value).toBeGreaterThanOrEqual(0);
        expect(value).toBeLessThanOrEqual(1);
        const met = subjects.map(({ target, score }) => ({ target, score: Math.max(target, score) }));
        expect(percentToTarget(met)).toBe(1);
      }),
    );
  });
});

describe('ProgressToDate = (current − baseline) / (target − baseline)', () => {
  it('hand-computed: from 1.5 to 2.25 of the way to 3 is half way', () => {
    expect(progressToDate(2.25, 1.5, 3)).toBe(0.5);
    expect(progressToDate(1.99, 1.83, 3)).toBe(0.1368); // 0.16 / 1.17 = 0.13675…
  });

  it('over-achievement goes past 1, a fall below the baseline under 0', () => {
    expect(progressToDate(3.5, 2, 3)).toBe(1.5);
    expect(progressToDate(1.5, 2, 3)).toBe(-0.5);
  });

  it('is 1 when the target is the baseline and is met (0 when it is no longer)', () => {
    expect(progressToDate(2, 2, 2)).toBe(1);
    expect(progressToDate(2.4, 2, 2)).toBe(1);
    expect(progressToDate(1.9, 2, 2)).toBe(0);
  });

  it('property: a score at the target gives 1, at the baseline 0 (target above it)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 100, max: 400 }), fc.integer({ min: 1, max: 100 }), (baseline, rise) => {
        expect(progressToDate((baseline + rise) / 100, baseline / 100, (baseline + rise) / 100)).toBe(1);
        expect(progressToDate(baseline / 100, baseline / 100, (baseline + rise) / 100)).toBe(0);
      }),
    );
  });
});

describe('planProgress', () => {
  // Two competencies over three stages: a (2 indicators at s2, 1 at s3), b (1 at s2, 1 at s3); c has no target.
  const MODEL = buildModel(['s1', 's2', 's3'], [{ id: 'a', indicators: { s2: [1, 1], s3: [1] } }, { id: 'b', indicators: { s2: [1], s3: [1] } }, { id: 'c', indicators: { s2: [1], s3: [1] } }]);
  const score = (date: string, answers: Record<string, string>) => {
    const { assessment } = checkAnswers(MODEL, answersSchema.parse({ organisation: 'Org', date, answers }));
    return scoreAssessment(MODEL, assessment);
  };
  // Baseline: a s2 = 0.5 → 1 + 0.5 / 0.75 = 1.66; b 1.00; c 1.00; overall mean 1.22.
  const baseline = score('2027-01-01', { 'a.s2.1': 'yes', 'a.s2.2': 'no', 'a.s3.1': 'no', 'b.s2.1': 'no', 'b.s3.1': 'no', 'c.s2.1': 'no', 'c.s3.1': 'no' });
  const input: PlanInput = {
    organisation: 'Org',
    model: 'test',
    baseline: 'baseline.yaml',
    phases: [
      { id: 'p1', by: '2027-04-01', targets: { a: 's2', b: 2 } },
      { id: 'p2', by: '2027-12-31', targets: { a: 3, overall: 's2' } },
    ],
    actions: [
      { indicator: 'a.s2.2', phase: 'p1', status: 'done', due: '2027-03-01', owner: 'Ann' },
      { indicator: 'b.s2.1', phase: 'p1', status: 'in-progress', due: '2027-03-15' },
      { indicator: 'a.s3.1', phase: 'p2', status: 'todo' },
    ],
  };
  const plan = planSchema.parse(input);

  it('hand-computed: targets held from phase to phase, gaps, PercentToTarget, ProgressToDate and on-track', () => {
    // On 2027-06-01: a s2 = (1 + 0.5) / 2 = 0.75, met → 2, s3 0 → 2.00; b s2 = 1 → 2 + 0/0.75 = 2.00; c 1.00.
    const report = score('2027-06-01', { 'a.s2.1': 'yes', 'a.s2.2': 'partly', 'a.s3.1': 'no', 'b.s2.1': 'yes', 'b.s3.1': 'no', 'c.s2.1': 'no', 'c.s3.1': 'no' });
    const progress = planProgress(report, plan, { file: 'baseline.yaml', report: baseline }, MODEL);
    expect(progress.phase).toBe('p2');
    expect(progress.goal).toBe('p2');
    expect(progress.phases.map((phase) => phase.targets)).toEqual([{ a: 2, b: 2 }, { a: 3, overall: 2 }]);
    const [a, b, c] = progress.competencies;
    // a: goal 3, gap 1, 1 − 1/3 = 0.6667; progress (2 − 1.66) / (3 − 1.66) = 0.34 / 1.34 = 0.2537.
    // On track for p2? From 2 on 2027-04-01 to 3 on 2027-12-31 (274 days), 61 days in, the line is at 2 + 61/274 = 2.22: a at 2.00 is behind.
    expect(a).toEqual({ id: 'a', name: 'Competency a', score: 2, baseline: 1.66, target: 3, phaseTarget: 3, gap: 1, percentToTarget: 0.6667, progressToDate: 0.2537, onTrack: false });
    // b: its p1 target 2 carries to p2; met: gap 0, progress (2 − 1) / (2 − 1) = 1; on track (2 ≥ 2).
    expect(b).toEqual({ id: 'b', name: 'Competency b', score: 2, baseline: 1, target: 2, phaseTarget: 2, gap: 0, percentToTarget: 1, progressToDate: 1, onTrack: true });
    // c has no target: n/a everywhere.
    expect(c).toEqual({ id: 'c', name: 'Competency c', score: 1, baseline: 1, target: null, phaseTarget: null, gap: null, percentToTarget: null, progressToDate: null, onTrack: null });
    // Overall: PercentToTarget 1 − (1 + 0) / (3 + 2) = 0.8; its own target 2 against 1.66 (mean of 2, 2, 1 = 1.66 from 1.22):
    // progress (1.66 − 1.22) / (2 − 1.22) = 0.44 / 0.78 = 0.5641.
    expect(progress.overall).toEqual({ id: 'overall', name: 'Overall', score: 1.66, baseline: 1.22, target: 2, phaseTarget: 2, gap: 0.34, percentToTarget: 0.8, progressToDate: 0.5641, onTrack: false });
  });

  it('flags a done action whose indicator is below the threshold, and an action due before the date that is not done', () => {
    const report = score('2027-06-01', { 'a.s2.1': 'yes', 'a.s2.2': 'partly', 'b.s2.1': 'partly' });
    const actions = planProgress(report, plan, { file: 'baseline.yaml', report: baseline }, MODEL).actions;
    expect(actions).toEqual([
      { indicator: 'a.s2.2', competency: 'a', text: 'Indicator 2 of a at s2', phase: 'p1', owner: 'Ann', due: '2027-03-01', status: 'done', note: null, answer: 'partly', doneBelowThreshold: true },
      { indicator: 'b.s2.1', competency: 'b', text: 'Indicator 1 of b at s2', phase: 'p1', owner: null, due: '2027-03-15', status: 'in-progress', note: null, answer: 'partly', stale: true },
      { indicator: 'a.s3.1', competency: 'a', text: 'Indicator 1 of a at s3', phase: 'p2', owner: null, due: null, status: 'todo', note: null, answer: null },
    ]);
  });

  it('without a date there is no phase due next, nothing is stale, and on-track asks only for the goal', () => {
    const report = { ...score('2027-06-01', {}), date: null };
    const progress = planProgress(report, plan, { file: 'baseline.yaml', report: baseline }, MODEL);
    expect(progress.phase).toBeNull();
    expect(progress.actions.some((action) => action.stale)).toBe(false);
    expect(progress.competencies[0]).toMatchObject({ phaseTarget: null, onTrack: false });
  });

  it('a baseline without the competency leaves ProgressToDate n/a', () => {
    const partial = { ...baseline, competencies: baseline.competencies.filter((competency) => competency.id !== 'a') };
    const progress = planProgress(score('2027-06-01', {}), plan, { file: 'baseline.yaml', report: partial }, MODEL);
    expect(progress.competencies[0]).toMatchObject({ baseline: null, progressToDate: null, gap: 2 });
  });
});
