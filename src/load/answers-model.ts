import { existsSync } from 'node:fs';
import type { Assessment } from '../core/assessment.js';
import { UserError } from '../errors.js';
import { DEFAULT_MODEL_ID } from './builtin.js';
import { displayPath, loadModelAt, resolveModel, type LoadedModel, type ModelLocation } from './model.js';

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

export interface AssessmentOptions extends LoadOptions {
  /** Where a relative `model:` path in the file is looked up; the working folder by default. */
  baseDir?: string;
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

/** The model chosen for an answers file: `--model`, else the file's `model:`, else the default. */
export async function modelFor(referenceError: (message: string) => Error, ref: string | undefined, options: AssessmentOptions): Promise<LoadedModel> {
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
