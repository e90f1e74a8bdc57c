import { OVERALL } from '../schema/constants.js';
import type { Model } from '../schema/model.js';
import type { PlanFile } from '../schema/plan.js';
import type { Report } from '../schema/report.js';
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
export function targetLevel(value: string | number, model: Pick<Model, 'stages'>): number | string {
  const top = model.stages.length;
  if (typeof value === 'number') {
    return value >= 1 && value <= top ? value : `score ${value} is out of range: a score is between 1 and ${top}`;
  }
  const place = model.stages.findIndex((stage) => stage.id === value);
  if (place >= 0) return place + 1;
  const ids = model.stages.map((stage) => stage.id);
  return `${quoted(value)} is not a stage of the model${didYouMean(value, ids)}; stages: ${ids.join(', ')}`;
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
export function checkPlan(plan: PlanFile, model: Model, planModel: ModelRef, baseline?: Report): PlanCheck {
  const errors: InputIssue[] = [];
  const warnings: InputIssue[] = [];
  const mapping = indicatorMapping(model, planModel);
  if (mapping === null) {
    errors.push({
      path: ['model'],
      code: 'model-mismatch',
      message: `the plan is for model ${planModel.id} ${planModel.version}, which is not model ${model.id} ${model.version} nor a version it migrates from`,
    });
  }
  if (baseline !== undefined) {
    if (baseline.organisation !== plan.organisation) {
      errors.push({ path: ['organisation'], code: 'other-organisation', message: `the plan is for ${quoted(plan.organisation)}, but its baseline is of ${quoted(baseline.organisation)}` });
    }
    if (baseline.model.id !== planModel.id || baseline.model.version !== planModel.version) {
      errors.push({
        path: ['baseline'],
        code: 'model-mismatch',
        message: `the baseline was scored with model ${baseline.model.id} ${baseline.model.version}, the plan is for ${planModel.id} ${planModel.version}`,
      });
    }
  }
  checkPhases(plan, model, baseline, errors, warnings);
  if (mapping !== null) checkActions(plan, model, mapping, errors);
  return { errors, warnings };
}

function checkPhases(plan: PlanFile, model: Model, baseline: Report | undefined, errors: InputIssue[], warnings: InputIssue[]): void {
  const seen = new Map<string, number>();
  const competencies = model.competencies.map((competency) => competency.id);
  const subjects = [...competencies, OVERALL];
  const baselineScore = (subject: string) => (subject === OVERALL ? baseline?.overall.score : baseline?.competencies.find((competency) => competency.id === subject)?.score);
  plan.phases.forEach((phase, p) => {
    const first = seen.get(phase.id);
    if (first === undefined) seen.set(phase.id, p);
    else errors.push({ path: ['phases', p, 'id'], code: 'duplicate-id', message: `duplicate phase id ${quoted(phase.id)}`, related: ['phases', first, 'id'] });
    const previous = plan.phases[p - 1];
    if (previous !== undefined && phase.by <= previous.by) {
      errors.push({
        path: ['phases', p, 'by'],
        code: 'dates-out-of-order',
        message: `phase ${phase.id} is due ${phase.by}, not after phase ${previous.id} before it (${previous.by}); list phases in the order they are due`,
      });
    }
    if (p === 0 && baseline?.date != null && phase.by <= baseline.date) {
      errors.push({ path: ['phases', p, 'by'], code: 'dates-out-of-order', message: `phase ${phase.id} is due ${phase.by}, not after the baseline's date ${baseline.date}` });
    }
    for (const [subject, value] of Object.entries(phase.targets ?? {})) {
      const path = ['phases', p, 'targets', subject];
      if (!subjects.includes(subject)) {
        errors.push({ path, at: 'key', code: 'unknown-competency', message: `unknown competency ${quoted(subject)}${didYouMean(subject, subjects)}; targets are for ${subjects.join(', ')}` });
        continue;
      }
      const level = targetLevel(value, model);
      if (typeof level === 'string') {
        errors.push({ path, code: 'unknown-stage', message: `target of ${subject}: ${level}` });
        continue;
      }
      const from = baselineScore(subject);
      if (from !== undefined && level < from) {
        warnings.push({ path, code: 'target-below-baseline', message: `target ${value} of ${subject} in phase ${phase.id} is below its baseline score ${from.toFixed(2)}` });
      }
    }
  });
}

function checkActions(plan: PlanFile, model: Model, mapping: (id: string) => string[], errors: InputIssue[]): void {
  const indicators = model.competencies.flatMap((competency) => competency.indicators.map((indicator) => indicator.id));
  const known = new Set(indicators);
  const phases = plan.phases.map((phase) => phase.id);
  const seen = new Map<string, number>();
  (plan.actions ?? []).forEach((action, a) => {
    const base = ['actions', a];
    const ids = mapping(action.indicator);
    const unknown = ids.filter((id) => !known.has(id));
    if (unknown.length > 0) {
      errors.push({ path: [...base, 'indicator'], code: 'unknown-indicator', message: `unknown indicator ${quoted(action.indicator)}${didYouMean(action.indicator, indicators)}` });
    }
    const first = seen.get(action.indicator);
    if (first === undefined) seen.set(action.indicator, a);
    else errors.push({ path: [...base, 'indicator'], code: 'duplicate-action', message: `a second action for indicator ${quoted(action.indicator)}; one action per indicator`, related: ['actions', first, 'indicator'] });
    if (!phases.includes(action.phase)) {
      errors.push({ path: [...base, 'phase'], code: 'unknown-phase', message: `unknown phase ${quoted(action.phase)}${didYouMean(action.phase, phases)}; phases: ${[...new Set(phases)].join(', ')}` });
    }
  });
}
