import type { BenchmarkFormatter } from './format.js';

/** The benchmark as pretty-printed JSON. */
export const formatBenchmarkJson: BenchmarkFormatter = (benchmark) => `${JSON.stringify(benchmark, null, 2)}\n`;
