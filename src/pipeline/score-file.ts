import { organisationEntry, poolModel, poolRow, type OrganisationEntry, type PoolModel, type PoolRow } from '../core/benchmark.js';
import { evaluateGates, gatePolicy, hasGates, type GateOptions, type GatePolicy } from '../core/gates.js';
import { sortKeys } from '../core/portfolio.js';
import { scoreAssessment } from '../core/score.js';
import { withStale, type StaleAfter } from '../core/stale.js';
import { modelNames, type ModelNames } from '../core/model-facts.js';
import type { Diagnostic } from '../errors.js';
import { gateFailureLines, migrateHint, staleWarning, unansweredWarning, undatedStaleWarning } from '../report/notices.js';
import { jsonLine } from '../report/portfolio/jsonl.js';
import type { Model } from '../schema/model.js';
import type { Report } from '../schema/report.js';
import { tryFile, type SkippedFile } from './each-file.js';
import { loadAssessment } from './load-assessment.js';
import type { LoadedModel } from './load-model.js';
import { reportModel, type LanguageOptions } from './load-overlay.js';
import type { OutdatedAnswers, SkippedKind, StaleNotice } from '../core/file-summary.js';
import { createLocale, type Locale } from '../locale/locale.js';
import { readCatalogue } from '../read/catalogue.js';
import { DEFAULT_LANGUAGE, type Language } from '../schema/language.js';

/** How answers files are scored in a run; plain data, so that worker threads get it too. */
export interface ScoringOptions extends GateOptions, LanguageOptions {
  model?: string;
  strict?: boolean;
  /** `--stale-after`: reports list the answers checked longer than this before the assessment's date. */
  staleAfter?: StaleAfter;
  /** The language errors about the files are said in (the run's): a plain string, so that worker threads get it too. */
  language?: Language;
}

/** The locale of a scoring's messages: its language's, English when it names none. */
export function scoringLocale(options: Pick<ScoringOptions, 'language'>): Locale {
  return createLocale(options.language ?? DEFAULT_LANGUAGE, readCatalogue);
}

/** One answers file read, checked and scored, with the gate policy of its model. */
export interface ScoredFile {
  /** The file's name as errors show it (`<stdin>` for `-`). */
  file: string;
  report: Report;
  policy: GatePolicy;
  /** The model it was scored with. */
  model: Model;
  /** The same, with where it was read from, and the newer version of a built-in model the answers could be migrated to. */
  loaded: LoadedModel;
  /** The names of the model as its file writes them, whatever the report's language: those of what CI tools follow. */
  names: ModelNames;
}

/** What scoring passes over among the files found in folders or by patterns: anything but answers files. */
const NOT_ANSWERS: readonly SkippedKind[] = ['model', 'report', 'plan', 'other'];

/**
 * The one way an answers file is scored, whoever asks (one file, many, a worker thread, a
 * benchmark): read, parse, check against its model, score. Each model file is read and checked
 * once per run, and the gate options are checked once against each model (a usage error, thrown).
 * A file `found` in a folder or by a pattern that is no answers file is passed over (`Skipped`).
 */
export function fileScoring(options: ScoringOptions, stdin?: () => NodeJS.ReadableStream): (input: string, found?: boolean) => Promise<ScoredFile> {
  const modelCache = new Map<string, Promise<LoadedModel>>();
  const policies = new Map<Model, GatePolicy>();
  const namesOf = new Map<Model, ModelNames>();
  const locale = scoringLocale(options);
  return async (input, found = false) => {
    const passOver = found ? NOT_ANSWERS : undefined;
    const { file, model: original, assessment } = await loadAssessment(input, { model: options.model, strict: options.strict, modelCache, stdin, passOver, locale });
    const { language, loaded: model } = await reportModel(original, assessment.language, options);
    let policy = policies.get(model.model);
    if (!policy) policies.set(model.model, (policy = gatePolicy(options, model.model, locale)));
    let names = namesOf.get(original.model);
    if (!names) namesOf.set(original.model, (names = modelNames(original.model)));
    const report = scoreAssessment(model.model, assessment, language);
    return { file, report: options.staleAfter ? withStale(report, options.staleAfter) : report, policy, model: model.model, loaded: model, names };
  };
}

/**
 * For answers scored with an earlier version of the built-in model they name without a version
 * (they fit no newer one): the model, the version, and the hint to migrate them; else null.
 */
export function outdatedAnswers(locale: Locale, file: string, loaded: LoadedModel | undefined): OutdatedAnswers | null {
  if (loaded?.newer === undefined) return null;
  const { id, version } = loaded.model;
  return { model: id, version, hint: migrateHint(locale, file, { id, version }, loaded.newer) };
}

/** The report with the outcome of every gate asked for, if any is. */
export function withGates(report: Report, policy: GatePolicy, options: GateOptions): Report {
  return hasGates(options) ? { ...report, gates: evaluateGates(report, policy) } : report;
}

/**
 * The warnings of `--stale-after` for one report, to print (`file` names it among several): its
 * stale answers, unless `--fail-on-stale` makes them failed gates, which say so themselves; and
 * that it has no date, so none can be judged. Empty without `--stale-after`.
 */
export function staleWarnings(locale: Locale, report: Report, options: GateOptions, file?: string): string[] {
  const warnings = [undatedStaleWarning(locale, report, file), options.failOnStale ? null : staleWarning(locale, report, file)];
  return warnings.filter((warning) => warning !== null);
}

/** A scored file's unanswered indicators: how many, of how many, and the warning naming them (null when none, or when not asked for). */
interface UnansweredCount {
  unanswered: number;
  total: number;
  warning: string | null;
}

/**
 * What scoring one answers file of many gives: the located errors that stopped it, its being
 * passed over, or its report (for jsonl, already as its line: text, or the UTF-8 bytes a worker
 * thread wrote it to, score-files.ts), with its unanswered indicators and the gate failures to
 * print for it; and, with the first file a scorer scores, the keys the list can be sorted by
 * (--sort is checked against the first file of the run, which is the first any thread scores:
 * each scores its files in the run's order).
 */
export type FileResult =
  | { file: string; diagnostics: Diagnostic[] }
  | SkippedFile
  | ({ file: string; notices: string[]; unanswered: UnansweredCount; outdated: OutdatedAnswers | null; stale?: StaleNotice; gatesFailed: boolean; sortKeys?: string[] } & ({ report: Report } | { line: string | Uint8Array }));

/**
 * How a file of many is scored: as one is (ScoringOptions), and whether its report is wanted as a
 * line of JSON Lines (`jsonl`) and its own warning about unanswered indicators (`fileWarnings`,
 * --verbose: without it, the run sums them up in one line, and `warning` is left null).
 */
export interface ManyFilesOptions extends ScoringOptions {
  jsonl: boolean;
  fileWarnings: boolean;
}

/** Scores one file of many: its errors are its result, and what it says is named by its file. */
export function manyFilesScorer(options: ManyFilesOptions, stdin?: () => NodeJS.ReadableStream): (file: string, found: boolean) => Promise<FileResult> {
  return oneFileOfMany(options, stdin, (scored, file, first, locale) => {
    const { policy, loaded } = scored;
    const report = withGates(scored.report, policy, options);
    const { unanswered, total } = report.completeness;
    const failures = gateFailureLines(locale, report, report.gates ?? [], file);
    const result = {
      file,
      notices: failures,
      unanswered: { unanswered: unanswered.length, total, warning: options.fileWarnings ? unansweredWarning(locale, report, file) : null },
      outdated: outdatedAnswers(locale, file, loaded),
      ...(report.stale ? { stale: staleNotice(locale, report, options, file) } : {}),
      gatesFailed: failures.length > 0,
      ...(first ? { sortKeys: sortKeys(report) } : {}),
    };
    return options.jsonl ? { ...result, line: jsonLine(report) } : { ...result, report };
  });
}

/**
 * Scores one file of many at a time: the located errors that stop a file, and a file passed over,
 * are its result as they are; a scored file's result is what `keep` makes of it, told whether it
 * is the first this scorer scored. Plain data crosses to worker threads: the locale is made again
 * from the options' language.
 */
function oneFileOfMany<Kept>(
  options: ScoringOptions,
  stdin: (() => NodeJS.ReadableStream) | undefined,
  keep: (scored: ScoredFile, file: string, first: boolean, locale: Locale) => Kept,
): (file: string, found: boolean) => Promise<{ file: string; diagnostics: Diagnostic[] } | SkippedFile | Kept> {
  const score = fileScoring(options, stdin);
  const locale = scoringLocale(options);
  let first = true;
  return async (file, found) => {
    const outcome = await tryFile(file, (input) => score(input, found));
    if ('diagnostics' in outcome || 'kind' in outcome) return outcome;
    const kept = keep(outcome.value, file, first, locale);
    first = false;
    return kept;
  };
}

/**
 * What a benchmark keeps of one file of its pool: the located errors that stopped it, its being
 * passed over, or the numbers of its report (`row`), its completeness, its own warning (when asked
 * for), the hint to migrate it (when it answers an earlier version of its model) and the model it
 * was scored with (its id and version; and the whole of what the benchmark shows of it, `shape`,
 * with the first file a scorer scores). The organisation placed against the pool (`--org`) is
 * scored with `named`, and comes with its name and date too (`organisation`).
 */
export type PoolFileResult =
  | { file: string; diagnostics: Diagnostic[] }
  | SkippedFile
  | {
      file: string;
      row: PoolRow;
      completeness: { answered: number; total: number; unanswered: number };
      warning: string | null;
      outdated: OutdatedAnswers | null;
      model: { id: string; version: string };
      shape?: PoolModel;
      organisation?: OrganisationEntry;
    };

/**
 * Scores one file of a benchmark's pool, keeping only what the benchmark needs of its report.
 * The model's shape comes with the first file scored only: the pool takes it from its first file,
 * which is the first any thread scores (each thread scores its files in the pool's order), and a
 * copy with each of many files would only be garbage.
 */
export function poolFileScorer(options: LanguageOptions & { model?: string; fileWarnings: boolean; named?: boolean }, stdin?: () => NodeJS.ReadableStream): (file: string, found: boolean) => Promise<PoolFileResult> {
  return oneFileOfMany(options, stdin, ({ report, loaded }, file, first, locale) => {
    const { answered, total, unanswered } = report.completeness;
    const warning = options.fileWarnings ? unansweredWarning(locale, report, file) : null;
    const result = {
      file,
      row: poolRow(report),
      completeness: { answered, total, unanswered: unanswered.length },
      warning,
      outdated: outdatedAnswers(locale, file, loaded),
      model: { id: report.model.id, version: report.model.version },
      ...(options.named ? { organisation: organisationEntry(report) } : {}),
    };
    return first ? { ...result, shape: poolModel(report) } : result;
  });
}

/**
 * What `--stale-after` says of one file of many; stale answers that a gate fails are left to the
 * gate's own lines, and the file's own warnings are made only when asked for (`fileWarnings`).
 */
function staleNotice(locale: Locale, report: Report, options: ManyFilesOptions, file: string): StaleNotice {
  const stale = report.stale!;
  return {
    after: stale.after,
    stale: options.failOnStale ? 0 : stale.answers.length,
    undated: stale.checkedBefore === null,
    warnings: options.fileWarnings ? staleWarnings(locale, report, options, file) : [],
  };
}
