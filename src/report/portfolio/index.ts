import { formatRegistry } from '../registry.js';
import type { PortfolioFormatter } from './format.js';

/** The formats of many organisations side by side (`score <files...> --format`). */
export const portfolioFormats = formatRegistry({
  table: async (): Promise<PortfolioFormatter> => (await import('./table.js')).formatPortfolioTable,
  json: async () => (await import('./json.js')).formatPortfolioJson,
  markdown: async () => (await import('./markdown.js')).formatPortfolioMarkdown,
  jsonl: async () => (await import('./jsonl.js')).formatPortfolioJsonl,
  csv: async () => (await import('./csv.js')).formatPortfolioCsv,
  'csv-answers': async () => (await import('./csv-answers.js')).formatPortfolioCsvAnswers,
  'csv-actions': async () => (await import('./csv-actions.js')).formatPortfolioCsvActions,
  xlsx: async () => (await import('./xlsx.js')).formatPortfolioXlsx,
});

export type PortfolioFormatName = (typeof portfolioFormats.names)[number];

/** Formats that list organisations but also write one: with one answers file, its report is their one line or row. */
export const LIST_ONLY_FORMATS = ['jsonl', 'csv', 'csv-answers', 'csv-actions'] as const;

/** The formats `--excel` applies to. */
export const CSV_FORMATS: readonly string[] = ['csv', 'csv-answers', 'csv-actions'];

export type { PortfolioFormatter } from './format.js';
