import { formatBenchmarkCsv } from './csv.js';
import type { BenchmarkFormatter } from './format.js';
import { formatBenchmarkMarkdown } from './markdown.js';
import { formatBenchmarkTable } from './table.js';

/** Every `benchmark --format`, by name. */
export const benchmarkFormatters = {
  table: formatBenchmarkTable,
  json: (benchmark) => `${JSON.stringify(benchmark, null, 2)}\n`,
  markdown: formatBenchmarkMarkdown,
  csv: formatBenchmarkCsv,
} satisfies Record<string, BenchmarkFormatter>;

export type BenchmarkFormatName = keyof typeof benchmarkFormatters;

export const BENCHMARK_FORMAT_NAMES = Object.keys(benchmarkFormatters) as BenchmarkFormatName[];

export type { BenchmarkFormatter } from './format.js';
