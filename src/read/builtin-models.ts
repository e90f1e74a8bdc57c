import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { compareVersions } from '../core/versions.js';

/** The model used when neither `--model` nor the answers file names one. */
export const DEFAULT_MODEL_ID = 'community';

/** The first version of the default model, which every installation keeps: its file marks the folder. */
const FIRST_DEFAULT_FILE = `${DEFAULT_MODEL_ID}@1.0.yaml`;

let directory: string | undefined;

/**
 * The folder of built-in models. It sits at the package root, one level above the bundled
 * `dist/cli.js` and two above this source file (when run from source in tests).
 */
function builtinModelsDirectory(): string {
  if (directory) return directory;
  for (const relative of ['../models/', '../../models/']) {
    const candidate = join(import.meta.dirname, relative);
    if (existsSync(`${candidate}${FIRST_DEFAULT_FILE}`)) return (directory = candidate);
  }
  throw new Error('the built-in models folder is missing from this installation');
}

/** One built-in model file: `<id>@<version>.yaml`. */
export interface BuiltinVersion {
  /** What `--model` and `model:` write to name exactly this version: `community@2.0`. */
  reference: string;
  id: string;
  version: string;
  path: string;
}

let versions: BuiltinVersion[] | undefined;

/** Every built-in model version, by id, then newest version first. Read once: every answers file of a portfolio asks. */
function builtinVersions(): BuiltinVersion[] {
  if (versions) return versions;
  const folder = builtinModelsDirectory();
  versions = readdirSync(folder)
    .filter((name) => /^[a-z0-9][a-z0-9._-]*@[0-9][0-9.]*\.yaml$/.test(name))
    .map((name) => {
      const reference = name.slice(0, -'.yaml'.length);
      const [id, version] = reference.split('@') as [string, string];
      return { reference, id, version, path: `${folder}${name}` };
    })
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : compareVersions(b.version, a.version)));
  return versions;
}

/** The references of every built-in model version (`community@1.0`, `community@2.0`), sorted. */
export function builtinModelIds(): string[] {
  return builtinVersions()
    .map((version) => version.reference)
    .sort();
}

/** The built-in versions of a model id, newest first; none when `id` is no built-in model. */
export function builtinModelVersions(id: string): BuiltinVersion[] {
  return builtinVersions().filter((version) => version.id === id);
}

/** The names a built-in model can be given: each id (its newest version) and each exact version. */
export function builtinModelNames(): string[] {
  return [...new Set(builtinVersions().map((version) => version.id)), ...builtinModelIds()];
}

/**
 * The built-in model a reference names: `community@1.0` that version, `community` the newest.
 * Undefined when the reference names no built-in model.
 */
export function builtinModel(reference: string): BuiltinVersion | undefined {
  // Only names of the list match, so that `Community` does not find a file on a file system that
  // ignores case, nor `../x` a file outside the folder.
  return builtinVersions().find((version) => version.reference === reference) ?? builtinModelVersions(reference)[0];
}
