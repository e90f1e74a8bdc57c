import { formatPortfolioCsv } from './csv.js';
import type { PortfolioFormatter } from './format.js';
import { formatPortfolioJson, formatPortfolioJsonl } from './json.js';
import { formatPortfolioMarkdown } from './markdown.js';
import { formatPortfolioTable } from './table.js';

/** Every `score --format` that can show many organisations, by name. */
export const portfolioFormatters = {
  table: formatPortfolioTable,
  json: formatPortfolioJson,
  markdown: formatPortfolioMarkdown,
  jsonl: formatPortfolioJsonl,
  csv: formatPortfolioCsv,
} satisfies Record<string, PortfolioFormatter>;

export type PortfolioFormatName = keyof typeof portfolioFormatters;

export const PORTFOLIO_FORMAT_NAMES = Object.keys(portfolioFormatters) as PortfolioFormatName[];

/** Formats for one organisation only; with one answers file the single report is written in them. */
export const LIST_ONLY_FORMATS = ['jsonl', 'csv'] as const;

export { jsonLine } from './json.js';
export type { PortfolioFormatter } from './format.js';
