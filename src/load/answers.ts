import { existsSync } from 'node:fs';
import { dirname } from 'node:path';
import { checkAnswers, unansweredIndicators, type Assessment } from '../core/assessment.js';
import { UserError } from '../errors.js';
import { answersSchema } from '../schema/answers.js';
import { DEFAULT_MODEL_ID } from './builtin.js';
import { fileDiagnostic, toDiagnostics } from './diagnostics.js';
import { documentKind } from './document-kind.js';
import { displayPath, loadModelAt, loadModel, resolveModel, expectMapping, type LoadedModel, type ModelLocation } from './model.js';
import { readStdin, readTextFile, STDIN_NAME, type TextSource } from './read.js';
import { parseYaml, type ParsedSource } from './yaml.js';
import { fromZodIssues } from './zod-issues.js';
import { locate, scalarSourceAt } from './locate.js';
import { keepProtoKey } from './proto-key.js';

export interface LoadOptions {
  /** A built-in model id or a path (relative to the working folder); wins over the file's `model:`. */
  model?: string;
  /** Unanswered indicators are errors. */
  strict?: boolean;
}

export interface LoadedAssessment {
  file: string;
  model: LoadedModel;
  assessment: Assessment;
}

/** Reads an answers file (`-` for standard input) and checks it against its model. */
export async function loadAssessment(input: string, options: LoadOptions = {}): Promise<LoadedAssessment> {
  const source = input === '-' ? await readStdin() : await readTextFile(input);
  return parseAssessment(source, { ...options, baseDir: input === '-' ? process.cwd() : dirname(input) });
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

/** Checks a parsed YAML document as an answers file and loads its model. */
export async function assessmentFromYaml(parsed: ParsedSource, options: AssessmentOptions = {}): Promise<LoadedAssessment> {
  const source = parsed;
  expectMapping(parsed, 'answers');
  if (documentKind(parsed.data) === 'model') {
    throw new UserError([
      fileDiagnostic(source.file, 'wrong-kind', `this is a model, not an answers file; use it with --model ${source.file === STDIN_NAME ? '<file>' : source.file}`),
    ]);
  }
  const result = answersSchema.safeParse(parsed.data);
  if (!result.success) {
    throw new UserError(toDiagnostics(parsed, fromZodIssues(result.error.issues, answersSchema, parsed.data, (path) => scalarSourceAt(parsed, path))));
  }
  const file = result.data;
  // Null (unanswered) is a valid entry; the key is reported as an unknown indicator before its value matters.
  keepProtoKey((parsed.data as { answers?: unknown }).answers, file.answers, null);

  let model: LoadedModel;
  if (options.model !== undefined) {
    model = await loadModel(options.model);
  } else if (file.model !== undefined) {
    const location = resolveModel(file.model, options.baseDir ?? process.cwd());
    if (typeof location === 'string') throw modelReferenceError(parsed, location);
    const missing = missingModelFile(file.model, location);
    if (missing !== undefined) throw modelReferenceError(parsed, missing);
    model = await loadModelAt(location);
  } else {
    model = await loadModel(DEFAULT_MODEL_ID);
  }

  const { assessment, issues } = checkAnswers(model.model, file);
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
