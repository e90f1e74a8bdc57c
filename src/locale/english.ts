import input from '../../locales/en/input.json' with { type: 'json' };
import type { Area, Catalogue } from './keys.js';
import { createLocale, type Locale } from './locale.js';

/**
 * English for the messages about input files, bundled with the code: what parsing and checking
 * say when their caller gives no locale (the library API), without reading the package's files.
 * Only the `input` area is bundled; those functions say nothing else.
 */
export const ENGLISH_INPUT: Locale = createLocale('en', (_language, area: Area): Catalogue => {
  if (area !== 'input') throw new Error(`the bundled English catalogue has only the input area, not ${area}`);
  return input;
});
