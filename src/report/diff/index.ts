import { formatRegistry } from '../registry.js';
import type { DiffFormatter } from './format.js';

/** The formats of the changes between two assessments (`diff --format`). */
export const diffFormats = formatRegistry({
  table: async (): Promise<DiffFormatter> => (await import('./table.js')).formatDiffTable,
  json: async () => (await import('./json.js')).formatDiffJson,
  markdown: async () => (await import('./markdown.js')).formatDiffMarkdown,
});

export type DiffFormatName = (typeof diffFormats.names)[number];

export type { DiffFormatter } from './format.js';
