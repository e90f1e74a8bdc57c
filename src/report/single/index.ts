import { formatRegistry } from '../registry.js';
import type { Formatter } from './format.js';

/** The formats of one organisation's report (`score <file> --format`). */
export const reportFormats = formatRegistry({
  table: async (): Promise<Formatter> => (await import('./table.js')).formatTable,
  json: async () => (await import('./json.js')).formatJson,
  markdown: async () => (await import('./markdown.js')).formatMarkdown,
  junit: async () => (await import('./junit.js')).formatJunit,
  html: async () => (await import('./html.js')).formatHtml,
  xlsx: async () => (await import('./xlsx.js')).formatXlsx,
});

export type FormatName = (typeof reportFormats.names)[number];

export { DEFAULT_NEXT_STEPS, type BinaryFormatter, type FormatOptions, type Formatter } from './format.js';
