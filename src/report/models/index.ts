import { formatRegistry } from '../registry.js';
import type { ModelListFormatter } from './format.js';

/** The formats of the list of built-in models (`models --format`). */
export const modelListFormats = formatRegistry({
  table: async (): Promise<ModelListFormatter> => (await import('./table.js')).formatModelListTable,
  json: async () => (await import('./json.js')).formatModelListJson,
});

export type ModelListFormatName = (typeof modelListFormats.names)[number];
