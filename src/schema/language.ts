import * as z from 'zod/mini';

/**
 * The languages the tool speaks: each has a catalogue of messages (`locales/<language>/`) and may
 * have an overlay beside a model that translates its texts. English is the fallback everywhere.
 */
export const LANGUAGES = ['en', 'fr'] as const;

export const languageSchema = z.enum(LANGUAGES);

export type Language = z.infer<typeof languageSchema>;

export const DEFAULT_LANGUAGE: Language = 'en';

export function isLanguage(value: string): value is Language {
  return (LANGUAGES as readonly string[]).includes(value);
}

/**
 * The language of a report: `--lang` when given, else the one the answers file states
 * (`language:`, so that a French organisation's report is French on any machine), else the run's.
 */
export function reportLanguage(option: Language | undefined, stated: Language | undefined | null, run: Language): Language {
  return option ?? stated ?? run;
}
