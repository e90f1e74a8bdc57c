import { OVERALL } from '../schema/constants.js';
import type { Model } from '../schema/model.js';
import type { PlanFile } from '../schema/plan.js';
import type { Report } from '../schema/report.js';
import { ENGLISH } from '../locale/english.js';
import type { Locale } from '../locale/locale.js';
import type { InputIssue } from './issue.js';
import { quoted } from './quote.js';
import { didYouMean } from './suggest.js';

/** What a plan says about the model it is for, as its `model:` resolved: the id and version. */
export interface ModelRef {
  id: string;
  version: string;
}

/** The checks of a plan: errors refuse it, warnings are printed and let it through. */
export interface PlanCheck {
  errors: InputIssue[];
  warnings: InputIssue[];
}

/**
 * A target as a number: a stage id stands for its level (the first stage is 1), a score is itself
 * when it lies between the first and the top level. A message for anything else.
 */
export function targetLevel(value: string | number, model: Pick<Model, 'stages'>, locale: Locale = ENGLISH): number | string {
  const top = model.stages.length;
  if (typeof value === 'number') {
    return value >= 1 && value <= top ? value : locale.t('input.plan.score-out-of-range', { score: locale.decimal(String(value)), top });
  }
  const place = model.stages.findIndex((stage) => stage.id === value);
  if (place >= 0) return place + 1;
  const ids = model.stages.map((stage) => stage.id);
  return locale.t('input.plan.not-a-stage', { value: quoted(value), suggestion: didYouMean(value, ids, locale), stages: ids.join(', ') });
}

/**
 * The plan's indicator ids in the model it is checked against: the same when the plan was made
 * for this model; through the model's migration when the plan was made for an earlier version
 * (an old id feeds the new ids it became). Null when the plan's model is neither.
 */
export function indicatorMapping(model: Model, planModel: ModelRef): ((id: string) => string[]) | null {
  if (planModel.id !== model.id) return null;
  if (planModel.version === model.version) return (id) => [id];
  const migration = model.migrations?.find((candidate) => candidate.from === planModel.version);
  if (migration === undefined) return null;
  return (id) => (Object.hasOwn(migration.indicators, id) ? [...migration.indicators[id]!] : [id]);
}

/**
 * The rules a plan follows beyond its shape, against the model it is checked with and, when it
 * could be read, its baseline: known ids, phases due in order and after the baseline, one action
 * per indicator, a plan of the baseline's organisation and model.
 */
export function checkPlan(plan: PlanFile, model: Model, planModel: ModelRef, baseline?: Report, locale: Locale = ENGLISH): PlanCheck {
  const errors: InputIssue[] = [];
  const warnings: InputIssue[] = [];
  const mapping = indicatorMapping(model, planModel);
  if (mapping === null) {
    errors.push({
      path: ['model'],
      code: 'model-mismatch',
      message: locale.t('input.plan.other-model', { plan: `${planModel.id} ${planModel.version}`, model: `${model.id} ${model.version}` }),
    });
  }
  if (baseline !== undefined) {
    if (baseline.organisation !== plan.organisation) {
      const message = locale.t('input.plan.other-organisation', { plan: quoted(plan.organisation), baseline: quoted(baseline.organisation) });
      errors.push({ path: ['organisation'], code: 'other-organisation', message });
    }
    if (baseline.model.id !== planModel.id || baseline.model.version !== planModel.version) {
      errors.push({
        path: ['baseline'],
        code: 'model-mismatch',
        message: locale.t('input.plan.baseline-model', { baseline: `${baseline.model.id} ${baseline.model.version}`, plan: `${planModel.id} ${planModel.version}` }),
      });
    }
  }
  checkPhases(plan, model, baseline, errors, warnings, locale);
  if (mapping !== null) checkActions(plan, model, mapping, errors, locale);
  return { errors, warnings };
}

function checkPhases(plan: PlanFile, model: Model, baseline: Report | undefined, errors: InputIssue[], warnings: InputIssue[], locale: Locale): void {
  const seen = new Map<string, number>();
  const competencies = model.competencies.map((competency) => competency.id);
  const subjects = [...competencies, OVERALL];
  const baselineScore = (subject: string) => (subject === OVERALL ? baseline?.overall.score : baseline?.competencies.find((competency) => competency.id === subject)?.score);
  plan.phases.forEach((phase, p) => {
    const first = seen.get(phase.id);
    if (first === undefined) seen.set(phase.id, p);
    else errors.push({ path: ['phases', p, 'id'], code: 'duplicate-id', message: locale.t('input.plan.duplicate-phase', { id: quoted(phase.id) }), related: ['phases', first, 'id'] });
    const previous = plan.phases[p - 1];
    if (previous !== undefined && phase.by <= previous.by) {
      errors.push({
        path: ['phases', p, 'by'],
        code: 'dates-out-of-order',
        message: locale.t('input.plan.phase-order', { phase: phase.id, by: phase.by, previous: previous.id, previousBy: previous.by }),
      });
    }
    if (p === 0 && baseline?.date != null && phase.by <= baseline.date) {
      const message = locale.t('input.plan.phase-before-baseline', { phase: phase.id, by: phase.by, date: baseline.date });
      errors.push({ path: ['phases', p, 'by'], code: 'dates-out-of-order', message });
    }
    for (const [subject, value] of Object.entries(phase.targets ?? {})) {
      const path = ['phases', p, 'targets', subject];
      if (!subjects.includes(subject)) {
        const message = locale.t('input.plan.unknown-competency', { subject: quoted(subject), suggestion: didYouMean(subject, subjects, locale), subjects: subjects.join(', ') });
        errors.push({ path, at: 'key', code: 'unknown-competency', message });
        continue;
      }
      const level = targetLevel(value, model, locale);
      if (typeof level === 'string') {
        errors.push({ path, code: 'unknown-stage', message: locale.t('input.plan.target-problem', { subject, problem: level }) });
        continue;
      }
      const from = baselineScore(subject);
      if (from !== undefined && level < from) {
        const message = locale.t('input.plan.target-below-baseline', {
          target: typeof value === 'number' ? locale.decimal(String(value)) : value,
          subject,
          phase: phase.id,
          score: locale.decimal(from.toFixed(2)),
        });
        warnings.push({ path, code: 'target-below-baseline', message });
      }
    }
  });
}

function checkActions(plan: PlanFile, model: Model, mapping: (id: string) => string[], errors: InputIssue[], locale: Locale): void {
  const indicators = model.competencies.flatMap((competency) => competency.indicators.map((indicator) => indicator.id));
  const known = new Set(indicators);
  const phases = plan.phases.map((phase) => phase.id);
  const seen = new Map<string, number>();
  (plan.actions ?? []).forEach((action, a) => {
    const base = ['actions', a];
    const ids = mapping(action.indicator);
    const unknown = ids.filter((id) => !known.has(id));
    if (unknown.length > 0) {
      const message = locale.t('input.plan.unknown-indicator', { id: quoted(action.indicator), suggestion: didYouMean(action.indicator, indicators, locale) });
      errors.push({ path: [...base, 'indicator'], code: 'unknown-indicator', message });
    }
    const first = seen.get(action.indicator);
    if (first === undefined) seen.set(action.indicator, a);
    else {
      const message = locale.t('input.plan.duplicate-action', { id: quoted(action.indicator) });
      errors.push({ path: [...base, 'indicator'], code: 'duplicate-action', message, related: ['actions', first, 'indicator'] });
    }
    if (!phases.includes(action.phase)) {
      const message = locale.t('input.plan.unknown-phase', { phase: quoted(action.phase), suggestion: didYouMean(action.phase, phases, locale), phases: [...new Set(phases)].join(', ') });
      errors.push({ path: [...base, 'phase'], code: 'unknown-phase', message });
    }
  });
}
