import type { PortfolioFormatter } from './format.js';

/** The single-file reports as one pretty-printed JSON array. */
export const formatPortfolioJson: PortfolioFormatter = (entries) => `${JSON.stringify(entries.map((entry) => entry.report), null, 2)}\n`;
