import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

/** The model used when neither `--model` nor the answers file names one. */
export const DEFAULT_MODEL_ID = 'community';

let directory: string | undefined;

/**
 * The folder of built-in models. It sits at the package root, one level above the bundled
 * `dist/cli.js` and two above this source file (when run from source in tests).
 */
function builtinModelsDirectory(): string {
  if (directory) return directory;
  for (const relative of ['../models/', '../../models/']) {
    const candidate = join(import.meta.dirname, relative);
    if (existsSync(`${candidate}${DEFAULT_MODEL_ID}.yaml`)) return (directory = candidate);
  }
  throw new Error('the built-in models folder is missing from this installation');
}

let ids: string[] | undefined;

/** Ids of the built-in models, sorted. Read once: every answers file of a portfolio asks. */
export function builtinModelIds(): string[] {
  ids ??= readdirSync(builtinModelsDirectory())
    .filter((name) => name.endsWith('.yaml'))
    .map((name) => name.slice(0, -'.yaml'.length))
    .sort();
  return [...ids];
}

/** Built-in model files found so far, by id: every answers file of a portfolio asks for its model's. */
const builtinPaths = new Map<string, string | undefined>();

export function builtinModelPath(id: string): string | undefined {
  // One file looked at rather than the folder listed, as every run asks. Ids are slugs (lower
  // case), so that `Community` does not find community.yaml on a file system that ignores case,
  // nor `../x` a file outside the folder.
  if (!/^[a-z0-9][a-z0-9._-]*$/.test(id)) return undefined;
  if (builtinPaths.has(id)) return builtinPaths.get(id);
  const candidate = `${builtinModelsDirectory()}${id}.yaml`;
  const path = existsSync(candidate) ? candidate : undefined;
  builtinPaths.set(id, path);
  return path;
}
