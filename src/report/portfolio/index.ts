import type { PortfolioFormatter } from './format.js';

/**
 * Every `score --format` that can show many organisations, by name, each loaded when it is asked
 * for (the CSV library and the table are not loaded by a run that writes JSON lines).
 */
const PORTFOLIO_FORMATTERS = {
  table: async () => (await import('./table.js')).formatPortfolioTable,
  json: async () => (await import('./json.js')).formatPortfolioJson,
  markdown: async () => (await import('./markdown.js')).formatPortfolioMarkdown,
  jsonl: async () => (await import('./json.js')).formatPortfolioJsonl,
  csv: async () => (await import('./csv.js')).formatPortfolioCsv,
} satisfies Record<string, () => Promise<PortfolioFormatter>>;

export type PortfolioFormatName = keyof typeof PORTFOLIO_FORMATTERS;

export const PORTFOLIO_FORMAT_NAMES = Object.keys(PORTFOLIO_FORMATTERS) as PortfolioFormatName[];

/** The formatter of a format for many organisations. */
export function loadPortfolioFormatter(name: PortfolioFormatName): Promise<PortfolioFormatter> {
  return PORTFOLIO_FORMATTERS[name]();
}

/** Formats for one organisation only; with one answers file the single report is written in them. */
export const LIST_ONLY_FORMATS = ['jsonl', 'csv'] as const;

export type { PortfolioFormatter } from './format.js';
