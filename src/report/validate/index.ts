import { formatRegistry } from '../registry.js';
import type { ValidationFormatter } from './format.js';

/** The formats of what `validate` found (`validate --format`). */
export const validationFormats = formatRegistry({
  text: async (): Promise<ValidationFormatter> => (await import('./text.js')).formatValidationText,
  json: async () => (await import('./json.js')).formatValidationJson,
});

export type ValidationFormatName = (typeof validationFormats.names)[number];

export type { CheckedFile } from './format.js';
