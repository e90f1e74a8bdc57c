import { existsSync } from 'node:fs';
import { isAbsolute, relative, resolve } from 'node:path';
import { didYouMean } from '../core/suggest.js';
import { quoted } from '../core/quote.js';
import { UserError } from '../errors.js';
import type { Model } from '../schema/model.js';
import { builtinModel, builtinModelNames, builtinModelVersions, DEFAULT_MODEL_ID } from '../read/builtin-models.js';
import type { Assessment } from '../core/assessment.js';
import { readCompiledModel } from '../read/compiled-model.js';
import { readTextFile } from '../read/text.js';
import type { SkippedKind } from '../core/file-summary.js';
import type { LanguageOptions } from './load-overlay.js';
import { ENGLISH } from '../locale/english.js';
import type { Locale } from '../locale/locale.js';

export interface LoadedModel {
  model: Model;
  /** The file it was read from, as shown in errors. */
  file: string;
  /** True for a model that ships with the tool. */
  builtin: boolean;
  /**
   * The newest version of the built-in model, when the answers named it without a version and fit
   * only this earlier one: they can be migrated.
   */
  newer?: string;
  /** For a built-in model read in its compiled form: its reference (`community@2.0`), under which its translations are compiled too. */
  compiled?: string;
}

/**
 * Where a model reference points: a built-in model (`reference` names its exact version; `latest`
 * when the reference named no version, so that an older version may fit the answers better) or a file.
 */
export type ModelLocation = { builtin: true; id: string; reference: string; latest: boolean; path: string } | { builtin: false; path: string };

/**
 * Resolves `--model` or an answers file's `model:`. A bare word is a built-in id; anything that
 * looks like a path (a slash, a .yaml ending, a leading dot) is a file relative to `baseDir`.
 * Returns an error message when nothing fits.
 */
export function resolveModel(ref: string, baseDir: string, locale: Locale = ENGLISH): ModelLocation | string {
  const looksLikePath = /[\\/]/.test(ref) || /\.ya?ml$/i.test(ref) || ref.startsWith('.');
  const builtin = looksLikePath ? undefined : builtinModel(ref);
  if (builtin) return { builtin: true, id: builtin.id, reference: builtin.reference, latest: builtin.reference !== ref, path: builtin.path };
  const path = isAbsolute(ref) ? ref : resolve(baseDir, ref);
  if (looksLikePath || existsSync(path)) return { builtin: false, path };
  const ids = builtinModelNames();
  return locale.t('input.model-file.unknown', { ref: quoted(ref), suggestion: didYouMean(ref, ids, locale), models: ids.join(', ') });
}

/** Reads a model file or a built-in model. */
export async function loadModelAt(location: ModelLocation, locale: Locale = ENGLISH): Promise<LoadedModel> {
  const file = displayPath(location.path);
  if (location.builtin) {
    const compiled = readCompiledModel(location.reference, location.path, import.meta.dirname);
    if (compiled) return { model: compiled, file, builtin: true, compiled: location.reference };
  }
  // Loaded here, not with this module: a run that only uses a built-in model builds no model schema.
  const model = (await import('../parse/model.js')).parseModel(await readTextFile(file, locale), locale);
  return { model, file, builtin: location.builtin };
}

/** The file a `--model` reference names, if it names a file rather than a built-in model. */
export function modelFileOf(ref: string | undefined): string | undefined {
  if (ref === undefined) return undefined;
  const location = resolveModel(ref, process.cwd());
  return typeof location === 'string' || location.builtin ? undefined : location.path;
}

/** Loads a model by `--model`-style reference (built-in id or path, relative to the working folder). */
export async function loadModel(ref: string, baseDir = process.cwd(), locale: Locale = ENGLISH): Promise<LoadedModel> {
  const location = resolveModel(ref, baseDir, locale);
  if (typeof location === 'string') throw new UserError(locale.t('input.usage.option-problem', { option: '--model', problem: location }));
  return loadModelAt(location, locale);
}

/** A path as short as it can be shown: relative to the working folder when inside it. */
function displayPath(path: string): string {
  const relativePath = relative(process.cwd(), path);
  return relativePath && !relativePath.startsWith('..') && !isAbsolute(relativePath) ? relativePath : path;
}

export interface LoadOptions extends LanguageOptions {
  /** A built-in model id or a path (relative to the working folder); wins over the file's `model:`. */
  model?: string;
  /** Unanswered indicators are errors. */
  strict?: boolean;
  /**
   * Models already loaded, by file path: when many answers files are scored in one run, each
   * model file is read and checked once. Left out, every call reads its model afresh.
   */
  modelCache?: Map<string, Promise<LoadedModel>>;
  /** What `-` reads, opened only when read; the process's standard input by default. */
  stdin?: () => NodeJS.ReadableStream;
  /**
   * For a file found in a folder or by a pattern: the kinds of document passed over rather than
   * refused (a model beside answers files, a CI workflow), by throwing `Skipped`.
   */
  passOver?: readonly SkippedKind[];
  /** The language of errors about the files read: the run's; English when left out. */
  locale?: Locale;
}

export interface LoadedAssessment {
  file: string;
  model: LoadedModel;
  assessment: Assessment;
}

export interface AssessmentOptions extends LoadOptions {
  /** Where a relative `model:` path in the file is looked up; the working folder by default. */
  baseDir?: string;
}

/**
 * A `model:` naming a file that is not there is the answers file's mistake: said at its `model:`
 * line, not as "no such file" about a path the user may not recognise (it is resolved from the
 * answers file's folder).
 */
function missingModelFile(ref: string, location: ModelLocation, locale: Locale): string | undefined {
  if (location.builtin || existsSync(location.path)) return undefined;
  return locale.t('input.model-file.missing', { ref: quoted(ref), path: displayPath(location.path) });
}

/** The model chosen for an answers file: `--model`, else the file's `model:`, else the default. */
export async function modelFor(referenceError: (message: string) => Error, ref: string | undefined, options: AssessmentOptions, answered: readonly string[] = []): Promise<LoadedModel> {
  const locale = options.locale ?? ENGLISH;
  const location = resolveModel(options.model ?? ref ?? DEFAULT_MODEL_ID, options.model !== undefined || ref === undefined ? process.cwd() : (options.baseDir ?? process.cwd()), locale);
  if (typeof location === 'string') {
    if (options.model !== undefined) throw new UserError(locale.t('input.usage.option-problem', { option: '--model', problem: location }));
    throw referenceError(location);
  }
  if (options.model === undefined && ref !== undefined) {
    const missing = missingModelFile(ref, location, locale);
    if (missing !== undefined) throw referenceError(missing);
  }
  if (!location.builtin || !location.latest) return cachedModel(location, options.modelCache, locale);
  // A built-in model named without a version: the newest version whose indicators the answers fit,
  // so that a file written for an earlier version scores as it always did.
  const newest = await cachedModel(location, options.modelCache, locale);
  if (fits(newest.model, answered)) return newest;
  for (const version of builtinModelVersions(location.id).slice(1)) {
    const earlier = await cachedModel({ ...location, reference: version.reference, path: version.path, latest: false }, options.modelCache, locale);
    if (fits(earlier.model, answered)) return { ...earlier, newer: newest.model.version };
  }
  return newest;
}

/** A model read once per run and path when a cache is given. */
function cachedModel(location: ModelLocation, cache: Map<string, Promise<LoadedModel>> | undefined, locale: Locale): Promise<LoadedModel> {
  if (!cache) return loadModelAt(location, locale);
  let loaded = cache.get(location.path);
  if (!loaded) {
    loaded = loadModelAt(location, locale);
    cache.set(location.path, loaded);
  }
  return loaded;
}

/** Each model's indicator ids; a portfolio asks once per answers file. */
const indicatorIds = new WeakMap<Model, ReadonlySet<string>>();

/** Every answered indicator id is one of the model's. */
function fits(model: Model, answered: readonly string[]): boolean {
  let ids = indicatorIds.get(model);
  if (!ids) indicatorIds.set(model, (ids = new Set(model.competencies.flatMap((competency) => competency.indicators.map((indicator) => indicator.id)))));
  return answered.every((id) => ids.has(id));
}
