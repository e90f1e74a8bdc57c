import { existsSync } from 'node:fs';
import { checkAnswers, unansweredIndicators, type Assessment } from '../core/assessment.js';
import { UserError } from '../errors.js';
import type { AnswerEntry, AnswersFile, answerEntrySchema as AnswerEntrySchema } from '../schema/answers.js';
import { DEFAULT_MODEL_ID } from './builtin.js';
import { fileDiagnostic, toDiagnostics } from './diagnostics.js';
import { documentKind } from './document-kind.js';
import { displayPath, loadModelAt, resolveModel, type LoadedModel, type ModelLocation } from './model.js';
import { expectMapping } from './mapping.js';
import { readInput, STDIN_NAME, type TextSource } from './read.js';
import { parseYaml, type ParsedSource } from './yaml.js';
import { fromZodIssues } from './zod-issues.js';
import { locate, scalarSourceAt } from './locate.js';
import { keepProtoKey } from './proto-key.js';
import { fastAnswersData, fastAnswersFile } from './fast-answers.js';

/** A saved JSON report is a result, not answers: it is read by --baseline, diff and history. */
const REPORT_NOT_ANSWERS = 'this is a JSON report written by --format json, not an answers file; reports are read by --baseline, diff and history';

export interface LoadOptions {
  /** A built-in model id or a path (relative to the working folder); wins over the file's `model:`. */
  model?: string;
  /** Unanswered indicators are errors. */
  strict?: boolean;
  /**
   * Models already loaded, by file path: when many answers files are scored in one run, each
   * model file is read and checked once. Left out, every call reads its model afresh.
   */
  modelCache?: Map<string, Promise<LoadedModel>>;
}

export interface LoadedAssessment {
  file: string;
  model: LoadedModel;
  assessment: Assessment;
}

/** Reads an answers file (`-` for standard input) and checks it against its model. */
export async function loadAssessment(input: string, options: LoadOptions = {}): Promise<LoadedAssessment> {
  const { baseDir, ...source } = await readInput(input);
  return (await quickAssessment(source, { ...options, baseDir })) ?? parseAssessment(source, { ...options, baseDir });
}

/** A `model:` reference the quick path cannot place: the full path reports it at its line. */
class NeedsFullPath extends Error {}

/**
 * A well-formed answers file read without the `yaml` document and the zod schema (see
 * fast-answers.ts), or undefined when anything about it needs them: the full path then reads it
 * again and reports what is wrong where it is.
 */
async function quickAssessment(source: TextSource, options: AssessmentOptions): Promise<LoadedAssessment | undefined> {
  const file = fastAnswersFile(fastAnswersData(source.text));
  if (file === undefined) return undefined;
  let model: LoadedModel;
  try {
    model = await modelFor(() => new NeedsFullPath(), file.model, options);
  } catch (error) {
    if (error instanceof NeedsFullPath) return undefined;
    throw error;
  }
  const { assessment, issues } = checkAnswers(model.model, file);
  if (issues.length > 0 || (options.strict && unansweredIndicators(model.model, assessment).length > 0)) return undefined;
  return { file: source.file, model, assessment };
}

/** Parses answers from text and checks them against their model. */
export async function parseAssessment(source: TextSource, options: AssessmentOptions = {}): Promise<LoadedAssessment> {
  return assessmentFromYaml(parseYaml(source), options);
}

/** An error at the answers file's `model:` value. */
function modelReferenceError(parsed: ParsedSource, message: string): UserError {
  const at = locate(parsed, ['model']);
  return new UserError([{ file: parsed.file, line: at.line, column: at.column, code: 'unknown-model', message }]);
}

/**
 * A `model:` naming a file that is not there is the answers file's mistake: said at its `model:`
 * line, not as "no such file" about a path the user may not recognise (it is resolved from the
 * answers file's folder).
 */
function missingModelFile(ref: string, location: ModelLocation): string | undefined {
  if (location.builtin || existsSync(location.path)) return undefined;
  return `model file "${ref}" does not exist (looked for ${displayPath(location.path)})`;
}

export interface AssessmentOptions extends LoadOptions {
  /** Where a relative `model:` path in the file is looked up; the working folder by default. */
  baseDir?: string;
}

/** The model chosen for an answers file: `--model`, else the file's `model:`, else the default. */
async function modelFor(referenceError: (message: string) => Error, ref: string | undefined, options: AssessmentOptions): Promise<LoadedModel> {
  const location = resolveModel(options.model ?? ref ?? DEFAULT_MODEL_ID, options.model !== undefined || ref === undefined ? process.cwd() : (options.baseDir ?? process.cwd()));
  if (typeof location === 'string') {
    if (options.model !== undefined) throw new UserError(`--model: ${location}`);
    throw referenceError(location);
  }
  if (options.model === undefined && ref !== undefined) {
    const missing = missingModelFile(ref, location);
    if (missing !== undefined) throw referenceError(missing);
  }
  const cache = options.modelCache;
  if (!cache) return loadModelAt(location);
  let loaded = cache.get(location.path);
  if (!loaded) {
    loaded = loadModelAt(location);
    cache.set(location.path, loaded);
  }
  return loaded;
}

/**
 * The parts of an answers file that passed the schema, for checking answers against the model
 * when something else in the file is wrong. Ill-formed entries are left out: the schema has
 * reported them already.
 */
function wellFormedPart(data: unknown, answerEntrySchema: typeof AnswerEntrySchema): AnswersFile {
  const raw = data as Record<string, unknown>;
  const answers = raw.answers !== null && typeof raw.answers === 'object' && !Array.isArray(raw.answers) ? (raw.answers as Record<string, unknown>) : {};
  const entries: Record<string, AnswerEntry> = {};
  for (const [id, value] of Object.entries(answers)) {
    const entry = answerEntrySchema.safeParse(value);
    if (entry.success) Object.defineProperty(entries, id, { value: entry.data, enumerable: true, writable: true, configurable: true });
  }
  return { organisation: '', model: typeof raw.model === 'string' && raw.model.trim() !== '' ? raw.model : undefined, answers: entries };
}

/** Checks a parsed YAML document as an answers file and loads its model. */
export async function assessmentFromYaml(parsed: ParsedSource, options: AssessmentOptions = {}): Promise<LoadedAssessment> {
  const source = parsed;
  expectMapping(parsed, 'answers');
  if (documentKind(parsed.data) === 'report') {
    throw new UserError([fileDiagnostic(source.file, 'wrong-kind', REPORT_NOT_ANSWERS)]);
  }
  if (documentKind(parsed.data) === 'model') {
    throw new UserError([
      fileDiagnostic(source.file, 'wrong-kind', `this is a model, not an answers file; use it with --model ${source.file === STDIN_NAME ? '<file>' : source.file}`),
    ]);
  }
  // Loaded here, not with this module: the quick path (loadAssessment) builds no schema.
  const { answersSchema, answerEntrySchema } = await import('../schema/answers.js');
  const result = answersSchema.safeParse(parsed.data);
  const shapeIssues = result.success ? [] : fromZodIssues(result.error.issues, answersSchema, parsed.data, (path) => scalarSourceAt(parsed, path));
  // A file with a wrong key somewhere still has its well-formed answers checked against the
  // model, so that one run reports every error rather than one layer at a time.
  const file = result.success ? result.data : wellFormedPart(parsed.data, answerEntrySchema);
  // Null (unanswered) is a valid entry; the key is reported as an unknown indicator before its value matters.
  keepProtoKey((parsed.data as { answers?: unknown }).answers, file.answers, null);

  let model: LoadedModel;
  try {
    model = await modelFor((message) => modelReferenceError(parsed, message), file.model, options);
  } catch (error) {
    if (error instanceof UserError && shapeIssues.length > 0) throw new UserError([...toDiagnostics(parsed, shapeIssues), ...error.diagnostics]);
    throw error;
  }

  const { assessment, issues } = checkAnswers(model.model, file);
  issues.unshift(...shapeIssues);
  if (options.strict) {
    for (const id of unansweredIndicators(model.model, assessment)) {
      // An indicator written with an empty answer is pointed at; one left out, at the answers it is missing from.
      const written = file.answers !== null && file.answers !== undefined && Object.hasOwn(file.answers, id);
      issues.push({ path: written ? ['answers', id] : ['answers'], at: 'key', code: 'unanswered', message: `indicator ${id} is not answered (--strict)` });
    }
  }
  if (issues.length > 0) throw new UserError(toDiagnostics(parsed, issues));
  return { file: source.file, model, assessment };
}
