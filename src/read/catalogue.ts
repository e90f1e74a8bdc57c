import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Area, Catalogue } from '../locale/keys.js';
import type { Language } from '../schema/language.js';

let directory: string | undefined;

/** The package's `locales/` folder: next to `dist/` when bundled, two levels above this file in the sources. */
function localesDirectory(): string {
  if (directory) return directory;
  for (const candidate of ['../locales/', '../../locales/']) {
    const path = join(import.meta.dirname, candidate);
    if (existsSync(join(path, 'en'))) return (directory = path);
  }
  throw new Error('the locales folder is missing from this installation');
}

/** One area's messages in one language, read when a message of that area is first needed. */
export function readCatalogue(language: Language, area: Area): Catalogue {
  return JSON.parse(readFileSync(join(localesDirectory(), language, `${area}.json`), 'utf8')) as Catalogue;
}
