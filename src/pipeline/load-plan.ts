import { existsSync } from 'node:fs';
import { isAbsolute, join } from 'node:path';
import { checkPlan, indicatorMapping } from '../core/check-plan.js';
import { historyTargets, planProgress } from '../core/progress.js';
import type { History } from '../schema/history.js';
import type { Report } from '../schema/report.js';
import { quoted } from '../core/quote.js';
import { UserError, type Diagnostic } from '../errors.js';
import { toDiagnostics } from '../parse/diagnostics.js';
import { locate } from '../parse/locate.js';
import { planFromYaml } from '../parse/plan.js';
import { parseYaml, type ParsedSource } from '../parse/yaml.js';
import { readInput } from '../read/text.js';
import type { Model } from '../schema/model.js';
import type { PlanFile } from '../schema/plan.js';
import { loadResult, type LoadedResult } from './load-result.js';
import { modelFor, type LoadedModel } from './load-model.js';
import { ENGLISH } from '../locale/english.js';
import type { Locale } from '../locale/locale.js';

/** A plan read and checked: its model, the baseline it starts from, and what it should be warned about. */
export interface LoadedPlan {
  /** The plan's name as errors show it. */
  file: string;
  parsed: ParsedSource;
  plan: PlanFile;
  /** The model the plan names. */
  model: LoadedModel;
  /** The assessment the plan starts from, scored. */
  baseline: LoadedResult;
  warnings: Diagnostic[];
}

export interface PlanLoadOptions {
  stdin?: () => NodeJS.ReadableStream;
  modelCache?: Map<string, Promise<LoadedModel>>;
  /** The model of the assessment the plan is tracked with, when it is not the plan's own (a later version). */
  against?: Model;
  /** The language of errors about the plan: the run's; English when left out. */
  locale?: Locale;
}

/**
 * Reads a plan (`-` for standard input), the model it names and its baseline (both relative to
 * the plan's folder), and checks the plan against them: every error at its line in the plan.
 */
async function loadPlan(input: string, options: PlanLoadOptions = {}): Promise<LoadedPlan> {
  const { baseDir, ...source } = await readInput(input, options.stdin, options.locale);
  return planFromParsed(parseYaml(source, options.locale), baseDir, options);
}

/** Checks a parsed YAML document as a plan; its model and baseline are looked up from `baseDir`. */
export async function planFromParsed(parsed: ParsedSource, baseDir: string, options: PlanLoadOptions = {}): Promise<LoadedPlan> {
  const locale = options.locale ?? ENGLISH;
  const plan = planFromYaml(parsed, locale);
  const at = (path: string[]) => {
    const { line, column } = locate(parsed, path);
    return (code: string, message: string) => new UserError([{ file: parsed.file, line, column, code, message }]);
  };
  const actions = (plan.actions ?? []).map((action) => action.indicator);
  const model = await modelFor((message) => at(['model'])('unknown-model', message), plan.model, { baseDir, modelCache: options.modelCache, locale }, actions);
  const baselinePath = isAbsolute(plan.baseline) ? plan.baseline : join(baseDir, plan.baseline);
  if (!existsSync(baselinePath)) throw at(['baseline'])('missing-baseline', locale.t('input.plan.missing-baseline', { file: quoted(plan.baseline), path: baselinePath }));
  const baseline = await loadResult(baselinePath, { modelCache: options.modelCache, locale });
  const { errors, warnings } = checkPlan(plan, options.against ?? model.model, { id: model.model.id, version: model.model.version }, baseline.report, locale);
  if (errors.length > 0) throw new UserError(toDiagnostics(parsed, errors, locale));
  return { file: parsed.file, parsed, plan, model, baseline, warnings: toDiagnostics(parsed, warnings, locale) };
}

/** A plan of another organisation than the assessments it is used with is refused, at its organisation: line. */
function refuseOtherOrganisation(loaded: LoadedPlan, organisation: string, them: 'assessments' | 'answers', locale: Locale): void {
  if (loaded.plan.organisation === organisation) return;
  const { line, column } = locate(loaded.parsed, ['organisation']);
  const message = locale.t('input.plan.other-organisation-than', { plan: quoted(loaded.plan.organisation), them, organisation: quoted(organisation) });
  throw new UserError([{ file: loaded.file, line, column, code: 'other-organisation', message }]);
}

/**
 * The history with the plan's targets beside its scores: the plan must be of the history's
 * organisation and of its model (any version of it, whose stages its targets name).
 */
export async function historyWithPlan(history: History, input: string, options: PlanLoadOptions = {}): Promise<{ history: History; warnings: Diagnostic[] }> {
  const locale = options.locale ?? ENGLISH;
  const loaded = await loadPlan(input, options);
  refuseOtherOrganisation(loaded, history.organisation, 'assessments', locale);
  if (loaded.model.model.id !== history.model.id) {
    const { line, column } = locate(loaded.parsed, ['model']);
    throw new UserError([{ file: loaded.file, line, column, code: 'model-mismatch', message: locale.t('input.plan.history-model', { plan: loaded.model.model.id, model: history.model.id }) }]);
  }
  return { history: { ...history, targets: historyTargets(loaded.plan, loaded.model.model) }, warnings: loaded.warnings };
}

/**
 * The report with where it stands against the plan at `input`, checked against the report's model
 * (a plan of an earlier version through the model's migration) and organisation; with the plan's
 * warnings, located in it.
 */
export async function withPlan(report: Report, input: string, model: Model, options: PlanLoadOptions = {}): Promise<{ report: Report; warnings: Diagnostic[] }> {
  const locale = options.locale ?? ENGLISH;
  const loaded = await loadPlan(input, { ...options, against: model });
  refuseOtherOrganisation(loaded, report.organisation, 'answers', locale);
  const mapping = indicatorMapping(model, { id: loaded.model.model.id, version: loaded.model.model.version }) ?? ((id: string) => [id]);
  const plan = planProgress(report, loaded.plan, { file: loaded.plan.baseline, report: loaded.baseline.report }, model, mapping, locale);
  return { report: { ...report, plan }, warnings: loaded.warnings };
}
