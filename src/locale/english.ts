import input from '../../locales/en/input.json' with { type: 'json' };
import report from '../../locales/en/report.json' with { type: 'json' };
import type { Area, Catalogue } from './keys.js';
import { createLocale, type Locale } from './locale.js';

/** The English areas bundled with the code: what checks and reports say about input files and results. */
const BUNDLED: Partial<Record<Area, Catalogue>> = { input, report };

/**
 * English, bundled with the code, for parsing, checks and report formats called without a locale
 * (the library API's callers): they stay pure functions that read no file of the package.
 */
export const ENGLISH: Locale = createLocale('en', (_language, area: Area): Catalogue => {
  const catalogue = BUNDLED[area];
  if (catalogue === undefined) throw new Error(`the bundled English catalogue has no ${area} area`);
  return catalogue;
});
