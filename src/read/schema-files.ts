import { existsSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, sep } from 'node:path';

/** The JSON Schema files that ship in the package's `schema/` folder. */
const MODEL_SCHEMA_FILE = 'model.schema.json';
export const GENERIC_ANSWERS_SCHEMA_FILE = 'answers.schema.json';
export const PLAN_SCHEMA_FILE = 'plan.schema.json';

/**
 * The answers schema of a built-in model: indicator ids and answers specific to it. Named by the
 * version's reference (`community@2.0`), one file per version; by the id alone, the newest version's.
 */
export function answersSchemaFile(reference: string): string {
  return `answers.${reference}.schema.json`;
}

let directory: string | undefined;

/** The package's `schema/` folder: next to `dist/` when bundled, two levels above this file in the sources. */
export function shippedSchemaDirectory(): string {
  if (directory) return directory;
  for (const candidate of ['../schema/', '../../schema/']) {
    const path = join(import.meta.dirname, candidate);
    if (existsSync(`${path}${MODEL_SCHEMA_FILE}`)) return (directory = path);
  }
  throw new Error('the schema folder is missing from this installation');
}

/**
 * What an answers file's `$schema=` modeline says to reach a shipped schema file from the
 * folder the answers file is in. Relative when the package lives in the same project (installed
 * in a node_modules folder above the answers file, or the answers file inside the package), so
 * the line keeps working for everyone who clones the project; the absolute path otherwise (a
 * global or npx install), which works on this machine only.
 */
export function modelineTarget(schemaPath: string, fromFolder: string): string {
  const packageRoot = dirname(dirname(schemaPath));
  const marker = `${sep}node_modules${sep}`;
  const at = packageRoot.lastIndexOf(marker);
  const projectRoot = at === -1 ? packageRoot : packageRoot.slice(0, at);
  if (!inside(fromFolder, projectRoot)) return schemaPath;
  const path = relative(fromFolder, schemaPath).split(sep).join('/');
  return path.startsWith('.') ? path : `./${path}`;
}

function inside(path: string, folder: string): boolean {
  const rel = relative(folder, path);
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
}
