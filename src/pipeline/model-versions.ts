import { existsSync } from 'node:fs';
import { basename, dirname, extname, join, resolve } from 'node:path';
import { checkMigration, migrationChain, type MigrationStep } from '../core/migrate.js';
import type { InputIssue } from '../core/issue.js';
import { UserError } from '../errors.js';
import { builtinModel } from '../read/builtin-models.js';
import type { Model } from '../schema/model.js';
import { loadModelAt, type LoadedModel } from './load-model.js';
import { ENGLISH } from '../locale/english.js';
import type { Locale } from '../locale/locale.js';

// The other versions of a model, found where a model's migrations say to look: a built-in model's
// other built-in versions; for a model file, the files beside it named after the model and the
// version (`my-model@1.0.yaml`, or `<id>@1.0.yaml`), then the built-in version of its id.

/** What looking for one version of a model found: the model, or why a file that should have held it does not. */
export type VersionLookup = { found: LoadedModel } | { problem: string } | { looked: string[] };

/**
 * The files beside a model file that may hold another version of it: `<name>@<version>.yaml`
 * (and `.yml`), where `<name>` is the file's name without its extension and without any
 * `@<version>` of its own, then `<id>@<version>.yaml` (and `.yml`).
 */
export function siblingCandidates(modelPath: string, id: string, version: string): string[] {
  const folder = dirname(resolve(modelPath));
  const name = basename(modelPath, extname(modelPath)).replace(/@[^@]*$/, '');
  const names = [...new Set([name, id])].flatMap((stem) => [`${stem}@${version}.yaml`, `${stem}@${version}.yml`]);
  return [...new Set(names)].map((file) => join(folder, file)).filter((path) => path !== resolve(modelPath));
}

/**
 * Finds version `version` of the model `loaded` was read from: for a built-in model, the built-in
 * `<id>@<version>`; for a model file, a file beside it (siblingCandidates) that holds that model
 * id and version, else the built-in `<id>@<version>`.
 */
export async function findVersion(loaded: LoadedModel, version: string, locale: Locale = ENGLISH): Promise<VersionLookup> {
  const { id } = loaded.model;
  const looked: string[] = [];
  if (!loaded.builtin) {
    for (const path of siblingCandidates(loaded.file, id, version)) {
      if (!existsSync(path)) {
        looked.push(path);
        continue;
      }
      let candidate: LoadedModel;
      try {
        candidate = await loadModelAt({ builtin: false, path }, locale);
      } catch (error) {
        if (!(error instanceof UserError)) throw error;
        return { problem: locale.t('input.versions.invalid', { file: displayOf(path, loaded.file) }) };
      }
      if (candidate.model.id === id && candidate.model.version === version) return { found: candidate };
      looked.push(path);
    }
  }
  const builtin = builtinModel(`${id}@${version}`);
  if (builtin !== undefined && builtin.version === version) {
    return { found: await loadModelAt({ builtin: true, id, reference: builtin.reference, latest: false, path: builtin.path }, locale) };
  }
  return { looked: [...looked.map((path) => displayOf(path, loaded.file)), ...(loaded.builtin ? [] : [locale.t('input.versions.builtin', { model: `${id}@${version}` })])] };
}

/** A path found beside a model, shown as the model's own path is: in its folder as written. */
function displayOf(path: string, modelFile: string): string {
  return join(dirname(modelFile), basename(path));
}

/**
 * Every version of `target`'s model that a chain of migrations to it may pass through, by
 * version: `target`, the `given` models of the same id, and the earlier versions their
 * migrations name, found by findVersion (a version that cannot be found is left out).
 */
async function knownVersions(target: LoadedModel, given: readonly LoadedModel[]): Promise<Map<string, Model>> {
  const versions = new Map<string, Model>([[target.model.version, target.model]]);
  for (const other of given) if (other.model.id === target.model.id && !versions.has(other.model.version)) versions.set(other.model.version, other.model);
  const queue: LoadedModel[] = [target];
  for (let next = queue.shift(); next !== undefined; next = queue.shift()) {
    for (const migration of next.model.migrations ?? []) {
      if (versions.has(migration.from)) continue;
      const lookup = await findVersion(next, migration.from);
      if (!('found' in lookup)) continue;
      versions.set(migration.from, lookup.found.model);
      queue.push(lookup.found);
    }
  }
  return versions;
}

/** The chain of migrations that carries answers of version `fromVersion` (read with `source`, when known) to `target`, or null. */
export async function chainTo(target: LoadedModel, fromVersion: string, source?: LoadedModel): Promise<MigrationStep[] | null> {
  const versions = await knownVersions(target, source === undefined ? [] : [source]);
  return migrationChain(target.model, fromVersion, (version) => versions.get(version));
}

/** The model of a scored result: what it says (id and version), and the model it was scored with when that is at hand. */
export interface ResultModel {
  id: string;
  version: string;
  loaded?: LoadedModel;
}

/** Two results of different versions of one model, linked by a chain of migrations from the older to the newer. */
export interface VersionCrossing {
  /** The version of the older result, whose answers are carried over. */
  from: string;
  /** The version of the newer result. */
  to: string;
  /** Which of the two results is the older: the first or the second given. */
  older: 'first' | 'second';
  chain: MigrationStep[];
}

/**
 * How two results of different versions of one model compare: through the chain of migrations
 * from the older version to the newer (either may come first), or null when none links them (or
 * the models differ, or are the same version). A result read from a JSON report names its model
 * only: a built-in version is loaded by its reference.
 */
export async function versionCrossing(first: ResultModel, second: ResultModel): Promise<VersionCrossing | null> {
  if (first.id !== second.id || first.version === second.version) return null;
  const a = first.loaded ?? (await builtinVersion(first));
  const b = second.loaded ?? (await builtinVersion(second));
  if (b !== undefined) {
    const chain = await chainTo(b, first.version, a);
    if (chain !== null && chain.length > 0) return { from: first.version, to: second.version, older: 'first', chain };
  }
  if (a !== undefined) {
    const chain = await chainTo(a, second.version, b);
    if (chain !== null && chain.length > 0) return { from: second.version, to: first.version, older: 'second', chain };
  }
  return null;
}

/** The built-in model a report's id and version name, if there is one. */
async function builtinVersion(result: ResultModel): Promise<LoadedModel | undefined> {
  const builtin = builtinModel(`${result.id}@${result.version}`);
  if (builtin === undefined || builtin.version !== result.version) return undefined;
  return loadModelAt({ builtin: true, id: builtin.id, reference: builtin.reference, latest: false, path: builtin.path });
}

/**
 * Every migration of a model checked against the earlier version it comes from (core/migrate.ts
 * checkMigration), found by findVersion beside `path` (the model's file; none for standard input,
 * which has only the built-in versions). A version that cannot be found is not checked: why, for a note.
 */
export async function checkMigrations(
  model: Model,
  path: string | undefined,
  locale: Locale = ENGLISH,
): Promise<{ issues: InputIssue[]; unchecked: { from: string; why: string }[] }> {
  const issues: InputIssue[] = [];
  const unchecked: { from: string; why: string }[] = [];
  const loaded: LoadedModel = path === undefined ? { model, file: '', builtin: true } : { model, file: path, builtin: false };
  for (const [index, migration] of (model.migrations ?? []).entries()) {
    const lookup = await findVersion(loaded, migration.from, locale);
    if ('found' in lookup) issues.push(...checkMigration(lookup.found.model, model, index, locale));
    else if ('problem' in lookup) unchecked.push({ from: migration.from, why: lookup.problem });
    else {
      const looked = lookup.looked.join(', ') || locale.t('input.versions.builtin', { model: `${model.id}@${migration.from}` });
      unchecked.push({ from: migration.from, why: locale.t('input.versions.not-found', { model: `${model.id} ${migration.from}`, looked }) });
    }
  }
  return { issues, unchecked };
}
