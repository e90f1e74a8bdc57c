import type { Locale } from '../locale/locale.js';
import { shownAnswer, type AnswerLabels } from './text.js';
import type { PlanActionResult, PlanProgress, PlanSubject, Report } from '../schema/report.js';

/** What the reports show of an absent value (no target, n/a). */
const NONE = '—';

/** A target as people wrote it: a whole level by its stage's name, any other score as a score. */
export function targetText(locale: Locale, report: Report, value: number | null): string {
  if (value === null) return NONE;
  const stage = Number.isInteger(value) ? report.stages.find((candidate) => candidate.level === value) : undefined;
  return stage ? stage.name : locale.score(value);
}

/** A fraction as a whole percentage, truncated like scores (99.9% never reads 100%); may be above 100% or below 0. */
function fractionText(locale: Locale, value: number | null): string {
  return value === null ? NONE : locale.percent(value);
}

/** Whether a subject is on track, as the plan's tables show it. */
export function onTrackText(locale: Locale, value: boolean): string {
  return value ? locale.t('report.plan.onTrack') : locale.t('report.plan.behind');
}

/**
 * The columns every format shows per competency and overall: the score, the targets of the phase
 * due next and of the goal, the gap, PercentToTarget, ProgressToDate and whether it is on track.
 */
export function progressHeadings(locale: Locale): string[] {
  return [
    locale.t('report.plan.column.score'),
    locale.t('report.plan.column.phase'),
    locale.t('report.plan.column.goal'),
    locale.t('report.plan.column.gap'),
    locale.t('report.plan.column.toGoal'),
    locale.t('report.plan.column.progress'),
    locale.t('report.plan.column.onTrack'),
  ];
}

export function progressCells(locale: Locale, report: Report, subject: PlanSubject): string[] {
  return [
    locale.score(subject.score),
    targetText(locale, report, subject.phaseTarget),
    targetText(locale, report, subject.target),
    subject.gap === null ? NONE : locale.score(subject.gap),
    fractionText(locale, subject.percentToTarget),
    fractionText(locale, subject.progressToDate),
    subject.onTrack === null ? NONE : onTrackText(locale, subject.onTrack),
  ];
}

/** "Phase 2 (h2-2027), due 2027-12-31". */
export function phaseText(locale: Locale, plan: PlanProgress, id: string): string {
  const phase = plan.phases.find((candidate) => candidate.id === id);
  if (phase === undefined) return id;
  const name = phase.name === null ? phase.id : `${phase.name} (${phase.id})`;
  return locale.t('report.plan.phaseDue', { phase: name, date: locale.date(phase.by) });
}

/** The line that opens the plan's part of a report. */
export function planHeadline(locale: Locale, plan: PlanProgress): string {
  const goal = phaseText(locale, plan, plan.goal);
  const since = plan.baseline.date === null ? plan.baseline.file : locale.t('report.plan.baselineOf', { file: plan.baseline.file, date: locale.date(plan.baseline.date) });
  return plan.phase === null ? locale.t('report.plan.headline.noneDue', { goal, since }) : locale.t('report.plan.headline', { goal, next: phaseText(locale, plan, plan.phase), since });
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
export function actionFlags(locale: Locale, action: PlanActionResult, labels?: AnswerLabels): string[] {
  const flags: string[] = [];
  if (action.stale === true) flags.push(locale.t('report.action.overdue', { date: action.due === null ? '' : locale.date(action.due) }));
  if (action.doneBelowThreshold === true) {
    flags.push(action.answer === null ? locale.t('report.action.doneButNothing') : locale.t('report.action.doneBut', { answer: shownAnswer(locale, action.answer, labels) }));
  }
  return flags;
}

/** "Head of Community · due 2027-03-31 · in-progress". */
export function actionMeta(locale: Locale, action: PlanActionResult): string {
  return [actionOwner(locale, action), actionDue(locale, action), actionStatus(locale, action.status)].join(' · ');
}

/** The action's owner, or that it has none. */
export function actionOwner(locale: Locale, action: PlanActionResult): string {
  return action.owner ?? locale.t('report.action.noOwner');
}

/** "due 2027-03-31", or that the action has no due date. */
export function actionDue(locale: Locale, action: PlanActionResult): string {
  return action.due === null ? locale.t('report.action.noDue') : locale.t('report.action.due', { date: locale.date(action.due) });
}

/** An action's status (`todo`, `in-progress`, `done`, `dropped`) in words. */
export function actionStatus(locale: Locale, status: PlanActionResult['status']): string {
  return locale.t(`report.action.status.${status}`);
}
