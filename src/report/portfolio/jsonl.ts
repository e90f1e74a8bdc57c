import type { Report } from '../../schema/report.js';
import type { PortfolioFormatter } from './format.js';

/** One report as one line of JSON Lines: what `--format jsonl` streams per file. */
export function jsonLine(report: Report): string {
  return `${JSON.stringify(report)}\n`;
}

/** The single-file reports as JSON Lines, one compact report per line. */
export const formatPortfolioJsonl: PortfolioFormatter = (entries) => entries.map((entry) => jsonLine(entry.report)).join('');
