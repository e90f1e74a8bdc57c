import { formatRegistry } from '../registry.js';
import type { HistoryFormatter } from './format.js';

/** The formats of an organisation's scores over time (`history --format`). */
export const historyFormats = formatRegistry({
  table: async (): Promise<HistoryFormatter> => (await import('./table.js')).formatHistoryTable,
  json: async () => (await import('./json.js')).formatHistoryJson,
  markdown: async () => (await import('./markdown.js')).formatHistoryMarkdown,
  csv: async () => (await import('./csv.js')).formatHistoryCsv,
});

export type HistoryFormatName = (typeof historyFormats.names)[number];

export type { HistoryFormatter } from './format.js';
