/**
 * Texts in the sources that read like English but are not said to anyone in a language: names of
 * formats, protocols and standards, markup and styles, what other programs read. By file; each
 * entry says why.
 */
export const PROTOCOL_TEXTS: Record<string, (string | RegExp)[]> = {
  // Internal failures (a RangeError is a fault of the caller, never a user's input), not said to anyone.
  'src/core/benchmark.ts': ['a benchmark needs at least one assessment'],
  'src/core/stats.ts': ['quantile of an empty list', 'percentile rank in an empty pool'],
  // The message of an internal failure: the bundled English catalogue asked for another area.
  'src/locale/english.ts': ['the bundled English catalogue has only the input area, not '],
  // The message of the exception that stops the parser; the error shown is input.yaml.too-deep.
  'src/parse/plain-yaml.ts': ['nested more than ', ' levels deep'],
  // The parser's own error for a second document, replaced by input.yaml.second-document before it is shown.
  'src/parse/yaml.ts': ['Source contains multiple documents'],
  // The exception that passes a file over: caught, never shown; its name is the class name.
  'src/pipeline/each-file.ts': [' is passed over (', 'Skipped'],
  // An internal failure (exit 3): a worker thread died.
  'src/pipeline/score-files.ts': ['a scoring thread stopped (exit code '],
  // git's pathspec magic, and an internal failure on output git never writes.
  'src/read/git-history.ts': [':(top,literal)', 'unexpected git log output at field '],
  // A glob pattern.
  'src/read/inputs.ts': ['/**/*.{yaml,yml}'],
  // An internal failure (exit 3): the listing thread died.
  'src/read/inputs-thread.ts': ['the listing thread stopped (exit code '],
  // The name of the overall row in the benchmark's CSV: programs read the file alike in every language.
  'src/report/benchmark/csv.ts': ['Overall'],
};

/**
 * Files whose texts stay in English in every language, and why.
 * - `src/schema/json-schema.ts`: the titles and descriptions of the JSON Schemas, which ship as
 *   files in the package and are shown by editors; one set of schema files serves every language.
 */
export const WRITTEN_IN_ENGLISH: string[] = ['src/schema/json-schema.ts'];

/** Files whose texts are still being moved into the catalogues: this list only shrinks. */
export const NOT_YET_IN_CATALOGUES: string[] = [
  'src/cli/commands/assess.ts',
  'src/cli/commands/benchmark.ts',
  'src/cli/commands/diff.ts',
  'src/cli/commands/history.ts',
  'src/cli/commands/init.ts',
  'src/cli/commands/migrate.ts',
  'src/cli/commands/models.ts',
  'src/cli/commands/plan.ts',
  'src/cli/commands/schema.ts',
  'src/cli/commands/score.ts',
  'src/cli/commands/validate.ts',
  'src/cli/io.ts',
  'src/cli/options.ts',
  'src/cli/portfolio.ts',
  'src/cli/run.ts',
  'src/cli/stop.ts',
  'src/cli/voice.ts',
  'src/core/answers-template.ts',
  'src/core/questionnaire.ts',
  'src/report/notices.ts',
  'src/report/plan-file.ts',
  'src/report/plan-text.ts',
  'src/report/single/html.ts',
  'src/report/single/html/bars.ts',
  'src/report/single/html/radar.ts',
  'src/report/single/html/style.ts',
  'src/report/single/junit.ts',
  'src/report/single/markdown.ts',
  'src/report/single/plan.ts',
  'src/report/single/table.ts',
  'src/report/single/xlsx.ts',
  'src/report/text.ts',
  'src/report/xlsx-details.ts',
  'src/report/xlsx.ts',
];
