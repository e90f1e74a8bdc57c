import { NOT_APPLICABLE, OVERALL } from '../schema/constants.js';
import type { Indicator, Model } from '../schema/model.js';
import type { PlanAction, PlanPhase } from '../schema/plan.js';
import type { Report } from '../schema/report.js';
import { appliesIn, type Answer, type Assessment } from './assessment.js';
import { targetLevel } from './check-plan.js';
import { ENGLISH } from '../locale/english.js';
import type { Locale } from '../locale/locale.js';
import { scoreAssessment } from './score.js';

/** What `plan` is asked for. */
export interface PlanRequest {
  /** Per competency id, and `overall`: the target as written (a stage id or a score). */
  targets: Readonly<Record<string, string | number>>;
  /** The day the plan starts from (the baseline's date), YYYY-MM-DD. */
  start: string;
  /** The day the last phase is due, YYYY-MM-DD; after `start`. */
  by: string;
  /** How many phases the actions are spread over; at least 1. */
  phases: number;
}

/** A proposed plan: its phases with their targets and the actions, in order. */
export interface Proposal {
  phases: PlanPhase[];
  actions: ProposedAction[];
}

/** An action with what a reader of the plan wants beside it: the indicator's competency and text. */
export interface ProposedAction extends PlanAction {
  /** `Competency name: indicator text`. */
  label: string;
}

/** How many times the work of a small indicator each effort stands for; an indicator without one counts as medium. */
const EFFORT_COST: Record<NonNullable<Indicator['effort']>, number> = { small: 1, medium: 2, large: 4 };
const DEFAULT_COST = EFFORT_COST.medium;

/** An unmet indicator of a competency, with what orders it. */
interface Candidate {
  indicator: Indicator;
  place: number;
  order: number;
  /** Score points per unit of effort: weight × (top value − value) / cost. */
  gainPerEffort: number;
}

/**
 * Proposes a plan: for every competency below its target, the unmet indicators (applicable, not
 * n/a, below the top answer) of every stage up to the target, ordered by stage, then key
 * indicators first, then gain per effort, then model order; each competency's list is cut into
 * `phases` consecutive parts, so that no stage is planned before the one under it. The last phase
 * carries the targets asked for; an earlier one, the stage each competency reaches once the
 * actions of that phase and those before it are done, where that is higher than today. A
 * target the organisation is already above is left out.
 */
export function proposePlan(model: Model, assessment: Assessment, report: Report, request: PlanRequest, locale: Locale = ENGLISH): Proposal {
  const values = new Map(model.scale.map((level) => [level.id, level.value]));
  const top = model.scale.reduce((best, level) => (level.value > best.value ? level : best));
  const places = new Map(model.stages.map((stage, place) => [stage.id, place]));
  const dates = phaseDates(request.start, request.by, request.phases);
  const phaseIds = dates.map((_, index) => `phase-${index + 1}`);
  const assigned: { candidate: Candidate; competency: string; phase: number }[] = [];

  for (const competency of model.competencies) {
    const target = request.targets[competency.id];
    if (target === undefined) continue;
    const level = targetLevel(target, model);
    const current = report.competencies.find((result) => result.id === competency.id)?.score ?? 1;
    if (typeof level === 'string' || current >= level) continue;
    const highestPlace = Math.ceil(level) - 1;
    const candidates: Candidate[] = [];
    competency.indicators.forEach((indicator, order) => {
      const place = places.get(indicator.stage) ?? 0;
      if (place > highestPlace || !appliesIn(indicator, assessment.context)) return;
      const answer = assessment.answers.get(indicator.id)?.answer ?? null;
      if (answer === NOT_APPLICABLE) return;
      const value = answer === null ? 0 : (values.get(answer) ?? 0);
      if (value >= top.value) return;
      const gainPerEffort = (indicator.weight * (top.value - value)) / (indicator.effort === undefined ? DEFAULT_COST : EFFORT_COST[indicator.effort]);
      candidates.push({ indicator, place, order, gainPerEffort });
    });
    candidates.sort((a, b) => a.place - b.place || Number(b.indicator.key === true) - Number(a.indicator.key === true) || b.gainPerEffort - a.gainPerEffort || a.order - b.order);
    candidates.forEach((candidate, index) => assigned.push({ candidate, competency: competency.name, phase: Math.floor((index * dates.length) / candidates.length) }));
  }

  const actions: ProposedAction[] = [];
  for (let phase = 0; phase < dates.length; phase++) {
    for (const { candidate, competency, phase: at } of assigned) {
      if (at !== phase) continue;
      const { indicator } = candidate;
      const action: ProposedAction = { indicator: indicator.id, phase: phaseIds[phase]!, status: 'todo', label: locale.t('input.plan.action-label', { competency, text: indicator.text }) };
      if (indicator.owner !== undefined) action.owner = indicator.owner;
      action.due = dates[phase]!;
      if (indicator.advice !== undefined) action.advice = indicator.advice;
      actions.push(action);
    }
  }

  const phases: PlanPhase[] = dates.map((by, index) => {
    const last = index === dates.length - 1;
    const targets = last ? goalTargets(model, report, request.targets) : reachedTargets(model, assessment, report, top.id, actions, phaseIds.slice(0, index + 1));
    return { id: phaseIds[index]!, name: locale.t('input.plan.phase-name', { number: index + 1 }), by, ...(Object.keys(targets).length > 0 ? { targets } : {}) };
  });
  return { phases, actions };
}

/** The targets asked for, but for those the report is already above: a target below the baseline is no goal. */
function goalTargets(model: Model, report: Report, targets: Readonly<Record<string, string | number>>): Record<string, string | number> {
  const scoreOf = (subject: string) => (subject === OVERALL ? report.overall.score : (report.competencies.find((competency) => competency.id === subject)?.score ?? 1));
  return Object.fromEntries(
    Object.entries(targets).filter(([subject, target]) => {
      const level = targetLevel(target, model);
      return typeof level === 'number' && level >= scoreOf(subject);
    }),
  );
}

/**
 * The stage each competency reaches once the actions of the given phases are done (answered at
 * the top of the scale), for the competencies where it is higher than the report's.
 */
function reachedTargets(model: Model, assessment: Assessment, report: Report, topId: string, actions: readonly ProposedAction[], phases: readonly string[]): Record<string, string> {
  const answers = new Map<string, Answer>(assessment.answers);
  for (const action of actions) {
    if (phases.includes(action.phase)) answers.set(action.indicator, { ...(answers.get(action.indicator) ?? { note: null }), answer: topId });
  }
  const reached = scoreAssessment(model, { ...assessment, answers });
  const targets: Record<string, string> = {};
  reached.competencies.forEach((competency, index) => {
    if (competency.level > (report.competencies[index]?.level ?? 1)) targets[competency.id] = competency.stage;
  });
  return targets;
}

const DAY = 24 * 60 * 60 * 1000;

/** The days the phases are due: `by` for the last, and the others evenly spaced from `start`. */
export function phaseDates(start: string, by: string, phases: number): string[] {
  const from = Date.parse(`${start}T00:00:00Z`);
  const days = Math.round((Date.parse(`${by}T00:00:00Z`) - from) / DAY);
  return Array.from({ length: phases }, (_, index) => new Date(from + Math.round(((index + 1) * days) / phases) * DAY).toISOString().slice(0, 10));
}

/** The day a year after `date` (the 28th of February for the 29th). */
export function yearAfter(date: string): string {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  const next = new Date(Date.UTC(year + 1, month - 1, day));
  // 2028-02-29 + 1 year rolls into March: keep it in February.
  return (next.getUTCMonth() === month - 1 ? next : new Date(Date.UTC(year + 1, month - 1, 28))).toISOString().slice(0, 10);
}

/** Checks a target asked for on the command line against the model: a message, or null when it is good. */
export function targetProblem(subject: string, target: string | number, model: Model, locale: Locale = ENGLISH): string | null {
  const subjects = [...model.competencies.map((competency) => competency.id), OVERALL];
  if (!subjects.includes(subject)) return locale.t('input.plan.unknown-target-subject', { subject, subjects: subjects.join(', ') });
  const level = targetLevel(target, model, locale);
  return typeof level === 'string' ? level : null;
}
