import type { TextOptions } from '../fit.js';
import type { Benchmark } from '../../schema/benchmark.js';

/** A benchmark format: a pure function from the benchmark to the text to write. */
export type BenchmarkFormatter = (benchmark: Benchmark, options: TextOptions) => string;
