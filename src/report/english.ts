import input from '../../locales/en/input.json' with { type: 'json' };
import report from '../../locales/en/report.json' with { type: 'json' };
import { createLocale, type Locale } from '../locale/locale.js';
import type { Area, Catalogue } from '../locale/keys.js';

/** The English catalogues a report's texts come from, bundled with the formatters. */
const CATALOGUES: Partial<Record<Area, Catalogue>> = { input, report };

/**
 * English, for a formatter called without a locale (the library API's callers, and code written
 * before reports spoke other languages): its messages are part of the code, so a formatter stays a
 * pure function that reads nothing.
 */
export const ENGLISH: Locale = createLocale('en', (_language, area) => {
  const catalogue = CATALOGUES[area];
  if (catalogue === undefined) throw new Error(`the ${area} messages are not bundled with the report formats`);
  return catalogue;
});
