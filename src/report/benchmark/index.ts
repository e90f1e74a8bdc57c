import { formatRegistry } from '../registry.js';
import type { BenchmarkFormatter } from './format.js';

/** The formats of a peer benchmark (`benchmark --format`). */
export const benchmarkFormats = formatRegistry({
  table: async (): Promise<BenchmarkFormatter> => (await import('./table.js')).formatBenchmarkTable,
  json: async () => (await import('./json.js')).formatBenchmarkJson,
  markdown: async () => (await import('./markdown.js')).formatBenchmarkMarkdown,
  csv: async () => (await import('./csv.js')).formatBenchmarkCsv,
});

export type BenchmarkFormatName = (typeof benchmarkFormats.names)[number];

export type { BenchmarkFormatter } from './format.js';
