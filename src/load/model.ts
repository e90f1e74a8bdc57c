import { existsSync } from 'node:fs';
import { isAbsolute, relative, resolve } from 'node:path';
import { checkModel } from '../core/check-model.js';
import { didYouMean } from '../core/suggest.js';
import { UserError } from '../errors.js';
import { modelSchema, type Model } from '../schema/model.js';
import { builtinModelIds, builtinModelPath } from './builtin.js';
import { readCompiledModel } from './compiled-model.js';
import { fileDiagnostic, toDiagnostics } from './diagnostics.js';
import { documentKind } from './document-kind.js';
import { scalarSourceAt } from './locate.js';
import { keepProtoKey } from './proto-key.js';
import { readTextFile, type TextSource } from './read.js';
import { parseYaml, type ParsedSource } from './yaml.js';
import { fromZodIssues } from './zod-issues.js';

export interface LoadedModel {
  model: Model;
  /** The file it was read from, as shown in errors. */
  file: string;
  /** True for a model that ships with the tool. */
  builtin: boolean;
}

/** Parses and checks a model from text; throws a UserError listing every problem. */
export function parseModel(source: TextSource): Model {
  return modelFromYaml(parseYaml(source));
}

/** Checks a parsed YAML document as a model. */
export function modelFromYaml(parsed: ParsedSource): Model {
  const source = parsed;
  expectMapping(parsed, 'model');
  if (documentKind(parsed.data) === 'report') {
    throw new UserError([fileDiagnostic(source.file, 'wrong-kind', 'this is a JSON report written by --format json, not a model')]);
  }
  if (documentKind(parsed.data) === 'answers') {
    throw new UserError([
      fileDiagnostic(source.file, 'wrong-kind', 'this is an answers file, not a model; pass it as the answers to score, and a model with --model'),
    ]);
  }
  const result = modelSchema.safeParse(parsed.data);
  if (!result.success) {
    throw new UserError(toDiagnostics(parsed, fromZodIssues(result.error.issues, modelSchema, parsed.data, (path) => scalarSourceAt(parsed, path))));
  }
  const rawCompetencies = (parsed.data as { competencies: { stages?: unknown }[] }).competencies;
  // A `__proto__` stage descriptor must be reported as an unknown stage, not silently dropped;
  // its placeholder text is never shown, as the checks below refuse the model.
  result.data.competencies.forEach((competency, index) => keepProtoKey(rawCompetencies[index]?.stages, competency.stages, ''));
  const issues = checkModel(result.data);
  if (issues.length > 0) throw new UserError(toDiagnostics(parsed, issues));
  return result.data;
}

/** What a file is expected to be, as error messages name it; `validate` accepts either. */
const KIND_NAMES = { model: 'a model', answers: 'an answers file', either: 'a model or answers file' } as const;

/** Refuses a document whose top level is not a mapping, saying what it is instead. */
export function expectMapping(parsed: ParsedSource, kind: keyof typeof KIND_NAMES): void {
  const { data } = parsed;
  if (data !== null && typeof data === 'object' && !Array.isArray(data)) return;
  const found = data === null || data === undefined ? 'nothing (only comments?)' : Array.isArray(data) ? 'a list' : `a single value (${JSON.stringify(data)})`;
  throw new UserError([
    fileDiagnostic(parsed.file, 'not-a-mapping', `the top level of ${KIND_NAMES[kind]} must be a mapping of keys (key: value), but it holds ${found}`),
  ]);
}

/** Where a model reference points: a built-in model or a file. */
export type ModelLocation = { builtin: true; id: string; path: string } | { builtin: false; path: string };

/**
 * Resolves `--model` or an answers file's `model:`. A bare word is a built-in id; anything that
 * looks like a path (a slash, a .yaml ending, a leading dot) is a file relative to `baseDir`.
 * Returns an error message when nothing fits.
 */
export function resolveModel(ref: string, baseDir: string): ModelLocation | string {
  const looksLikePath = /[\\/]/.test(ref) || /\.ya?ml$/i.test(ref) || ref.startsWith('.');
  const path = isAbsolute(ref) ? ref : resolve(baseDir, ref);
  if (!looksLikePath) {
    const builtin = builtinModelPath(ref);
    if (builtin) return { builtin: true, id: ref, path: builtin };
    if (existsSync(path)) return { builtin: false, path };
    const ids = builtinModelIds();
    return `"${ref}" is not a built-in model${didYouMean(ref, ids)} and no file of that name exists; built-in models: ${ids.join(', ')}`;
  }
  return { builtin: false, path };
}

/** Reads a model file or a built-in model. */
export async function loadModelAt(location: ModelLocation): Promise<LoadedModel> {
  const file = displayPath(location.path);
  const source = await readTextFile(file);
  const compiled = location.builtin ? readCompiledModel(location.id, source.text, import.meta.url) : undefined;
  return { model: compiled ?? parseModel(source), file, builtin: location.builtin };
}

/** Loads a model by `--model`-style reference (built-in id or path, relative to the working folder). */
export async function loadModel(ref: string, baseDir = process.cwd()): Promise<LoadedModel> {
  const location = resolveModel(ref, baseDir);
  if (typeof location === 'string') throw new UserError(`--model: ${location}`);
  return loadModelAt(location);
}

/** A path as short as it can be shown: relative to the working folder when inside it. */
export function displayPath(path: string): string {
  const relativePath = relative(process.cwd(), path);
  return relativePath && !relativePath.startsWith('..') && !isAbsolute(relativePath) ? relativePath : path;
}
