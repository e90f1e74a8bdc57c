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
