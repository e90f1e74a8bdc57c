import { UserError } from '../errors.js';
import type { Model } from '../schema/model.js';
import type { GateResult, Report } from '../schema/report.js';
import { isRegression, scoreDelta } from './compare.js';
import { didYouMean } from './suggest.js';
import { ENGLISH } from '../locale/english.js';
import type { Locale } from '../locale/locale.js';

/** The gates as the command line states them. */
export interface GateOptions {
  failUnder?: string;
  require?: string[];
  failOnRegression?: boolean;
  /** Score points a score may fall below the baseline's before `--fail-on-regression` fails; 0 when absent. */
  regressionTolerance?: number;
  /** Fail when a target of a plan's phase due on or before the report's date is not met (`--plan`). */
  failBehindPlan?: boolean;
  /** Fail when a plan's action due before the report's date is neither done nor dropped (`--plan`). */
  failOnStaleActions?: boolean;
  /** Fail when an answer is stale (`--stale-after`). */
  failOnStale?: boolean;
}

/** A floor on the overall score or on one competency's score, its target already resolved to a number. */
export interface ScoreFloor {
  /** `overall` or a competency id. */
  subject: string;
  target: number;
  /** The target as the user wrote it (`community`, `2.5`), for messages. */
  text: string;
}

export interface GatePolicy {
  failUnder?: ScoreFloor;
  require?: ScoreFloor[];
  /** Fail when the overall score or any competency score is lower than in the report's baseline. */
  noRegression?: boolean;
  /** How far, in score points, a score may fall below the baseline's without failing `noRegression`. */
  regressionTolerance?: number;
  behindPlan?: boolean;
  staleActions?: boolean;
  /** Fail when a competency has a stale answer (the report's `stale`, from `--stale-after`). */
  noStale?: boolean;
}

interface Stage {
  id: string;
  level: number;
}

/**
 * A gate target: a score between the first and the top level, or a stage id standing for its
 * level (`community` = 3). Returns an error message for anything else.
 */
export function resolveTarget(text: string, stages: readonly Stage[], locale: Locale = ENGLISH): number | string {
  const stage = stages.find((candidate) => candidate.id === text);
  if (stage) return stage.level;
  const top = stages.length;
  if (/^\d+(\.\d+)?$/.test(text.trim())) {
    const value = Number(text);
    if (value >= 1 && value <= top) return value;
    return locale.t('input.gate.target-out-of-range', { text, top });
  }
  return locale.t('input.gate.target-unknown', { text, top, stages: stages.map((candidate) => candidate.id).join(', ') });
}

/** Turns the gate options into a policy for this model; an unknown competency or stage is a usage error. */
export function gatePolicy(options: GateOptions, model: Model, locale: Locale = ENGLISH): GatePolicy {
  const stages = model.stages.map((stage, index) => ({ id: stage.id, level: index + 1 }));
  const target = (option: string, text: string): number => {
    const value = resolveTarget(text, stages, locale);
    if (typeof value === 'string') throw new UserError(locale.t('input.usage.option-problem', { option, problem: value }));
    return value;
  };
  const policy: GatePolicy = { noRegression: options.failOnRegression === true };
  if (options.failBehindPlan === true) policy.behindPlan = true;
  if (options.failOnStaleActions === true) policy.staleActions = true;
  if (options.failOnStale === true) policy.noStale = true;
  if (options.regressionTolerance !== undefined && options.regressionTolerance > 0) policy.regressionTolerance = options.regressionTolerance;
  if (options.failUnder !== undefined) {
    policy.failUnder = { subject: 'overall', target: target('--fail-under', options.failUnder), text: options.failUnder };
  }
  const ids = model.competencies.map((competency) => competency.id);
  policy.require = (options.require ?? []).map((raw): ScoreFloor => {
    const at = raw.indexOf('=');
    if (at <= 0 || at === raw.length - 1) throw new UserError(locale.t('input.gate.require-form', { raw }));
    const subject = raw.slice(0, at).trim();
    const text = raw.slice(at + 1).trim();
    if (!ids.includes(subject)) {
      throw new UserError(
        locale.t('input.gate.require-unknown', { subject, model: model.id, suggestion: didYouMean(subject, ids, locale), competencies: ids.join(', ') }),
      );
    }
    return { subject, target: target(`--require ${subject}`, text), text };
  });
  return policy;
}

/** Whether any gate is asked for. */
export function hasGates(options: GateOptions): boolean {
  return (
    options.failUnder !== undefined ||
    (options.require ?? []).length > 0 ||
    options.failOnRegression === true ||
    options.failBehindPlan === true ||
    options.failOnStaleActions === true ||
    options.failOnStale === true
  );
}

/**
 * Every gate of the policy against a scored report, in a fixed order: fail-under, require (as
 * given), no-regression, no-stale, behind-plan, stale-action. No-stale gives one result per
 * competency, the most stale answers allowed (0) against its stale answers; a report without a
 * date has none judged, and so no no-stale result.
 */
export function evaluateGates(report: Report, policy: GatePolicy): GateResult[] {
  const results: GateResult[] = [];
  const scoreOf = (subject: string) => (subject === 'overall' ? report.overall.score : report.competencies.find((competency) => competency.id === subject)?.score);
  const floor = (gate: string, { subject, target }: ScoreFloor) => {
    const actual = scoreOf(subject) ?? 0;
    results.push({ gate, subject, target, actual, passed: actual >= target });
  };
  if (policy.failUnder) floor('fail-under', policy.failUnder);
  for (const required of policy.require ?? []) floor('require', required);
  if (policy.noRegression && report.baseline) {
    const { baseline } = report;
    const tolerance = policy.regressionTolerance ?? 0;
    const noRegression = (subject: string, target: number, actual: number) => {
      const passed = !isRegression(target, actual, tolerance);
      results.push(tolerance > 0 ? { gate: 'no-regression', subject, target, actual, passed, tolerance } : { gate: 'no-regression', subject, target, actual, passed });
    };
    noRegression('overall', baseline.overall.score, report.overall.score);
    const previous = new Map(baseline.competencies.map((competency) => [competency.id, competency.score]));
    for (const competency of report.competencies) {
      const target = previous.get(competency.id);
      if (target !== undefined) noRegression(competency.id, target, competency.score);
    }
  }
  if (policy.noStale && report.stale && report.stale.checkedBefore !== null) {
    const stale = report.stale.answers;
    for (const competency of report.competencies) {
      const actual = stale.filter((answer) => answer.competency === competency.id).length;
      results.push({ gate: 'no-stale', subject: competency.id, target: 0, actual, passed: actual === 0 });
    }
  }
  if (report.plan && report.date !== null) results.push(...planGates(report, policy, report.date));
  return results;
}

/**
 * The plan's gates on a report of `date`: every target of every phase due on or before it, and
 * every action due before it (passed when done or dropped). A stale action fails its competency.
 */
function planGates(report: Report, policy: GatePolicy, date: string): GateResult[] {
  const plan = report.plan!;
  const results: GateResult[] = [];
  const scoreOf = (subject: string) => (subject === 'overall' ? report.overall.score : (report.competencies.find((competency) => competency.id === subject)?.score ?? 0));
  if (policy.behindPlan) {
    for (const phase of plan.phases.filter((candidate) => candidate.by <= date)) {
      for (const [subject, target] of Object.entries(phase.targets)) {
        const actual = scoreOf(subject);
        results.push({ gate: 'behind-plan', subject, target, actual, passed: actual >= target - 1e-9, phase: phase.id, by: phase.by });
      }
    }
  }
  if (policy.staleActions) {
    const values = new Map(report.competencies.flatMap((competency) => competency.indicators.map((indicator) => [indicator.id, indicator.value ?? 0])));
    for (const action of plan.actions.filter((candidate) => candidate.due !== null && candidate.due < date)) {
      results.push({
        gate: 'stale-action',
        subject: action.competency ?? 'overall',
        target: report.threshold,
        actual: values.get(action.indicator) ?? 0,
        passed: action.stale !== true,
        phase: action.phase,
        indicator: action.indicator,
        due: action.due!,
        status: action.status,
      });
    }
  }
  return results;
}

/** A score with the stage it is at: "Emergent (1.88)". */
function stageScore(stages: readonly { level: number; name: string }[], score: number, locale: Locale): string {
  const stage = stages.find((candidate) => candidate.level === Math.min(stages.length, Math.max(1, Math.floor(score))));
  return locale.t('input.gate.stage-score', { stage: stage?.name ?? '?', score: locale.decimal(score.toFixed(2)) });
}

/** One line saying which gate failed and by how much; `report` names the stages of plan targets and gives a stale answer's dates and ids. */
export function gateFailureText(gate: GateResult, report?: Pick<Report, 'stale' | 'stages'>, locale: Locale = ENGLISH): string {
  const stages = report?.stages ?? [];
  const score = (value: number) => locale.decimal(value.toFixed(2));
  if (gate.gate === 'no-stale') return staleGateText(gate, report?.stale, locale);
  if (gate.gate === 'behind-plan') {
    const wanted = Number.isInteger(gate.target) ? (stages.find((stage) => stage.level === gate.target)?.name ?? score(gate.target)) : score(gate.target);
    return locale.t('input.gate.behind-plan', { subject: gate.subject, actual: stageScore(stages, gate.actual, locale), wanted, by: gate.by ? locale.date(gate.by) : '?', phase: gate.phase ?? '?' });
  }
  if (gate.gate === 'stale-action') {
    return locale.t('input.gate.stale-action', { indicator: gate.indicator ?? gate.subject, due: gate.due ? locale.date(gate.due) : '?', status: gate.status ?? 'todo', phase: gate.phase ?? '?' });
  }
  const values = {
    subject: gate.subject,
    target: score(gate.target),
    actual: score(gate.actual),
    by: score(scoreDelta(gate.target, gate.actual)),
  };
  if (gate.gate === 'no-regression') {
    if (gate.tolerance === undefined) return locale.t('input.gate.regression', values);
    return locale.t('input.gate.regression-beyond-tolerance', { ...values, tolerance: locale.decimal(String(gate.tolerance)) });
  }
  return locale.t('input.gate.below', values);
}

/** "strategy has 2 answers checked before 2025-10-01 (--stale-after 12m): strategy.purpose, strategy.plan". */
function staleGateText(gate: GateResult, stale: Report['stale'], locale: Locale): string {
  const ids = (stale?.answers ?? []).filter((answer) => answer.competency === gate.subject).map((answer) => answer.id);
  const values = { subject: gate.subject, count: gate.actual, ids: ids.join(', ') };
  if (!stale?.checkedBefore) return locale.t(ids.length > 0 ? 'input.gate.stale-listed' : 'input.gate.stale', values);
  return locale.t(ids.length > 0 ? 'input.gate.stale-before-listed' : 'input.gate.stale-before', { ...values, before: locale.date(stale.checkedBefore), after: stale.after });
}
