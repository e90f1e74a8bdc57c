import type { TextOptions } from '../fit.js';
import type { Benchmark } from '../../schema/benchmark.js';
import type { Locale } from '../../locale/locale.js';

/** What a benchmark format is given besides the benchmark. */
interface BenchmarkFormatOptions extends TextOptions {
  /** The language of the texts and numbers shown to a person; JSON and CSV are the same in every language. */
  locale: Locale;
}

/** A benchmark format: a pure function from the benchmark to the text to write. */
export type BenchmarkFormatter = (benchmark: Benchmark, options: BenchmarkFormatOptions) => string;
