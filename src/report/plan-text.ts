import { formatScore } from '../core/truncate.js';
import type { PlanActionResult, PlanProgress, PlanSubject, Report } from '../schema/report.js';

/** What the reports show of an absent value (no target, n/a). */
const NONE = '—';

/** A target as people wrote it: a whole level by its stage's name, any other score as a score. */
export function targetText(report: Report, value: number | null): string {
  if (value === null) return NONE;
  const stage = Number.isInteger(value) ? report.stages.find((candidate) => candidate.level === value) : undefined;
  return stage ? stage.name : formatScore(value);
}

/** A fraction as a whole percentage, truncated like scores (99.9% never reads 100%); may be above 100% or below 0. */
function fractionText(value: number | null): string {
  return value === null ? NONE : `${Math.floor(value * 100 + 1e-9)}%`;
}

function onTrackText(value: boolean | null): string {
  return value === null ? NONE : value ? 'yes' : 'behind';
}

/**
 * The columns every format shows per competency and overall: the score, the targets of the phase
 * due next and of the goal, the gap, PercentToTarget, ProgressToDate and whether it is on track.
 */
export const PROGRESS_HEADINGS = ['Score', 'Phase', 'Goal', 'Gap', 'To goal', 'Progress', 'On track'] as const;

export function progressCells(report: Report, subject: PlanSubject): string[] {
  return [
    formatScore(subject.score),
    targetText(report, subject.phaseTarget),
    targetText(report, subject.target),
    subject.gap === null ? NONE : formatScore(subject.gap),
    fractionText(subject.percentToTarget),
    fractionText(subject.progressToDate),
    onTrackText(subject.onTrack),
  ];
}

/** "Phase 2 (h2-2027), due 2027-12-31". */
export function phaseText(plan: PlanProgress, id: string): string {
  const phase = plan.phases.find((candidate) => candidate.id === id);
  if (phase === undefined) return id;
  return `${phase.name === null ? phase.id : `${phase.name} (${phase.id})`}, due ${phase.by}`;
}

/** The line that opens the plan's part of a report. */
export function planHeadline(plan: PlanProgress): string {
  const next = plan.phase === null ? 'no phase is due next' : `due next: ${phaseText(plan, plan.phase)}`;
  const since = plan.baseline.date === null ? plan.baseline.file : `${plan.baseline.file} of ${plan.baseline.date}`;
  return `Goal: ${phaseText(plan, plan.goal)}; ${next}; from the baseline ${since}.`;
}

/**
 * The actions a report lists: those of the phase due next, and from any other phase those that
 * need attention (overdue, or done while the indicator is still below the threshold). When no
 * phase is due next, every action not done or dropped.
 */
export function shownActions(plan: PlanProgress): PlanActionResult[] {
  return plan.actions.filter((action) => {
    if (action.stale === true || action.doneBelowThreshold === true) return true;
    return plan.phase === null ? action.status !== 'done' && action.status !== 'dropped' : action.phase === plan.phase;
  });
}

/** What is wrong with an action, in words; empty when nothing is. */
export function actionFlags(action: PlanActionResult): string[] {
  const flags: string[] = [];
  if (action.stale === true) flags.push(`overdue since ${action.due ?? ''}`);
  if (action.doneBelowThreshold === true) flags.push(`marked done, but still answered ${action.answer ?? 'nothing'}`);
  return flags;
}

/** "Head of Community · due 2027-03-31 · in-progress". */
export function actionMeta(action: PlanActionResult): string {
  return [action.owner ?? 'no owner', action.due === null ? 'no due date' : `due ${action.due}`, action.status].join(' · ');
}
