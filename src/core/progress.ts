import { NOT_APPLICABLE, OVERALL } from '../schema/constants.js';
import type { Model } from '../schema/model.js';
import type { History } from '../schema/history.js';
import type { PlanFile } from '../schema/plan.js';
import type { PlanActionResult, PlanProgress, PlanSubject, Report } from '../schema/report.js';
import { targetLevel } from './check-plan.js';
import { ENGLISH } from '../locale/english.js';
import type { Locale } from '../locale/locale.js';

/** Scores this close below a target still meet it: printed scores are cut to hundredths. */
const TOLERANCE = 1e-9;

/** Fractions kept to four decimals (a hundredth of a percent), so that binary noise never reaches a report. */
function fraction(value: number): number {
  return Math.round(value * 10000) / 10000 || 0;
}

/** Score points kept to hundredths, as reports print them. */
function points(value: number): number {
  return Math.round(value * 100) / 100 || 0;
}

/** max(0, target − score): what is still to gain; over-achieving elsewhere does not make it smaller. */
export function gap(target: number, score: number): number {
  return points(Math.max(0, target - score));
}

/**
 * PercentToTarget = 1 − Σgap / Σtarget over the subjects with a target, each gap counted from 0,
 * so that a score above its target does not hide a gap elsewhere. Null when there is no target.
 */
export function percentToTarget(subjects: readonly { target: number; score: number }[]): number | null {
  if (subjects.length === 0) return null;
  const targets = subjects.reduce((sum, subject) => sum + subject.target, 0);
  const gaps = subjects.reduce((sum, subject) => sum + gap(subject.target, subject.score), 0);
  return targets <= 0 ? 1 : fraction(1 - gaps / targets);
}

/**
 * ProgressToDate = (score − baseline) / (target − baseline): the share of the way from the
 * baseline to the target covered so far; above 1 past the target, below 0 after a fall. A target
 * no higher than the baseline was reached from the start: 1 while it is met, else 0.
 */
export function progressToDate(score: number, baseline: number, target: number): number {
  if (target - baseline <= TOLERANCE) return score >= target - TOLERANCE ? 1 : 0;
  return fraction((score - baseline) / (target - baseline));
}

/** A phase's targets resolved to scores; those the model cannot read were refused when the plan was checked. */
function phaseTargets(plan: PlanFile, model: Model): Record<string, number>[] {
  return plan.phases.map((phase) => {
    const targets: Record<string, number> = {};
    for (const [subject, value] of Object.entries(phase.targets ?? {})) {
      const level = targetLevel(value, model);
      if (typeof level === 'number') targets[subject] = level;
    }
    return targets;
  });
}

/** The targets each phase holds: those it sets, and those an earlier phase set that it does not change. */
function heldTargets(plan: PlanFile, model: Model): Record<string, number>[] {
  let held: Record<string, number> = {};
  return phaseTargets(plan, model).map((targets) => (held = { ...held, ...targets }));
}

/** The plan's targets as a history draws them beside the scores: one entry per phase, competencies in model order. */
export function historyTargets(plan: PlanFile, model: Model): NonNullable<History['targets']> {
  return heldTargets(plan, model).map((targets, index) => ({
    phase: plan.phases[index]!.id,
    by: plan.phases[index]!.by,
    scores: Object.fromEntries(model.competencies.filter((competency) => targets[competency.id] !== undefined).map((competency) => [competency.id, targets[competency.id]!])),
    overall: targets[OVERALL] ?? null,
  }));
}

/** Days from one YYYY-MM-DD to another. */
function daysBetween(from: string, to: string): number {
  return (Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000;
}

interface Trajectory {
  /** The report's date. */
  date: string | null;
  /** The index of the phase due next, or -1. */
  next: number;
  baselineDate: string | null;
  plan: PlanFile;
  /** The target each phase holds for a subject, carried over from earlier phases that set one. */
  held: (subject: string) => (number | undefined)[];
}

/**
 * Whether a score is on track for the phase due next: at least where a straight line from the
 * previous phase (or the baseline) to that phase puts it on the report's date. Once every phase is
 * past, whether the goal is met; without dates, whether the previous phase's target is.
 */
function onTrack(subject: string, score: number, baseline: number | null, trajectory: Trajectory, goal: number): boolean {
  const { next, plan, date } = trajectory;
  const held = trajectory.held(subject);
  if (next === -1) return score >= goal - TOLERANCE;
  const target = held[next] ?? goal;
  const startValue = next === 0 ? (baseline ?? target) : (held[next - 1] ?? baseline ?? target);
  const startDate = next === 0 ? trajectory.baselineDate : plan.phases[next - 1]!.by;
  if (date === null || startDate === null) return score >= startValue - TOLERANCE;
  const length = daysBetween(startDate, plan.phases[next]!.by);
  const elapsed = length <= 0 ? 1 : Math.min(1, Math.max(0, daysBetween(startDate, date) / length));
  return score >= startValue + (target - startValue) * elapsed - TOLERANCE;
}

/**
 * Where a scored report stands against a plan: per competency and overall, the targets of the
 * phase due next and of the last phase (the goal), the gap, PercentToTarget and ProgressToDate
 * against the goal and whether it is on track; and every action with its status, flagged when it
 * is marked done while its indicator is below the threshold, or due before the report's date and
 * not done. `indicatorsOf` gives the model's ids for a plan's indicator (through a migration when
 * the plan was made for an earlier version).
 */
export function planProgress(
  report: Report,
  plan: PlanFile,
  baseline: { file: string; report: Report },
  model: Model,
  indicatorsOf: (id: string) => string[] = (id) => [id],
  locale: Locale = ENGLISH,
): PlanProgress {
  const targets = phaseTargets(plan, model);
  const date = report.date;
  const next = date === null ? -1 : plan.phases.findIndex((phase) => phase.by >= date);
  const holds = heldTargets(plan, model);
  const held = (subject: string) => holds.map((phase) => phase[subject]);
  const trajectory: Trajectory = { date, next, baselineDate: baseline.report.date, plan, held };
  const subject = (id: string, name: string, score: number, baselineScore: number | null): PlanSubject => {
    const path = held(id);
    const target = path.at(-1) ?? null;
    const phaseTarget = next === -1 ? null : (path[next] ?? null);
    if (target === null) return { id, name, score, baseline: baselineScore, target, phaseTarget, gap: null, percentToTarget: null, progressToDate: null, onTrack: null };
    return {
      id,
      name,
      score,
      baseline: baselineScore,
      target,
      phaseTarget,
      gap: gap(target, score),
      percentToTarget: percentToTarget([{ target, score }]),
      progressToDate: baselineScore === null ? null : progressToDate(score, baselineScore, target),
      onTrack: onTrack(id, score, baselineScore, trajectory, target),
    };
  };
  const before = new Map(baseline.report.competencies.map((competency) => [competency.id, competency.score]));
  const competencies = report.competencies.map((competency) => subject(competency.id, competency.name, competency.score, before.get(competency.id) ?? null));
  const targeted = competencies.filter((competency): competency is PlanSubject & { target: number } => competency.target !== null);
  const overall = subject(OVERALL, locale.t('input.progress.overall'), report.overall.score, baseline.report.overall.score);
  const summed = targeted.filter((competency) => competency.baseline !== null);
  const overallProgress = overall.target !== null ? overall.progressToDate : summed.length === 0 ? null : progressToDate(sum(summed, 'score'), sum(summed, 'baseline'), sum(summed, 'target'));
  const overallOnTrack = [overall.onTrack, ...targeted.map((competency) => competency.onTrack)].filter((value) => value !== null);
  return {
    baseline: { file: baseline.file, date: baseline.report.date },
    phase: next === -1 ? null : plan.phases[next]!.id,
    goal: plan.phases.at(-1)!.id,
    phases: plan.phases.map((phase, index) => ({ id: phase.id, name: phase.name ?? null, by: phase.by, targets: targets[index]! })),
    overall: {
      ...overall,
      percentToTarget: percentToTarget(targeted),
      progressToDate: overallProgress,
      onTrack: overallOnTrack.length === 0 ? null : overallOnTrack.every(Boolean),
    },
    competencies,
    actions: (plan.actions ?? []).map((action) => actionResult(action, report, indicatorsOf(action.indicator), date)),
  };
}

function sum(subjects: readonly PlanSubject[], key: 'score' | 'baseline' | 'target'): number {
  return subjects.reduce((total, subject) => total + (subject[key] ?? 0), 0);
}

function actionResult(action: NonNullable<PlanFile['actions']>[number], report: Report, ids: readonly string[], date: string | null): PlanActionResult {
  const found = ids.flatMap((id) => report.competencies.flatMap((competency) => competency.indicators.filter((indicator) => indicator.id === id).map((indicator) => ({ competency, indicator }))));
  const first = found[0];
  const result: PlanActionResult = {
    indicator: action.indicator,
    competency: first?.competency.id ?? null,
    text: first?.indicator.text ?? null,
    phase: action.phase,
    owner: action.owner ?? null,
    due: action.due ?? null,
    status: action.status,
    note: action.note ?? null,
    answer: first?.indicator.answer ?? null,
  };
  const below = found.some(({ indicator }) => indicator.answer !== NOT_APPLICABLE && indicator.applicable !== false && (indicator.value ?? 0) < report.threshold - TOLERANCE);
  if (action.status === 'done' && below) result.doneBelowThreshold = true;
  if (date !== null && action.due != null && action.due < date && action.status !== 'done' && action.status !== 'dropped') result.stale = true;
  return result;
}
