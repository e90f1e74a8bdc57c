/**
 * Texts in the sources that read like English but are not said to anyone in a language: names of
 * formats, protocols and standards, markup and styles, what other programs read. By file; each
 * entry says why.
 */
export const PROTOCOL_TEXTS: Record<string, (string | RegExp)[]> = {
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
  'src/core/assessment.ts',
  'src/core/benchmark.ts',
  'src/core/check-model.ts',
  'src/core/check-plan.ts',
  'src/core/check-report.ts',
  'src/core/compare.ts',
  'src/core/gates.ts',
  'src/core/history.ts',
  'src/core/lint-model.ts',
  'src/core/migrate.ts',
  'src/core/plan.ts',
  'src/core/portfolio.ts',
  'src/core/progress.ts',
  'src/core/questionnaire.ts',
  'src/core/stale.ts',
  'src/core/stats.ts',
  'src/core/suggest.ts',
  'src/parse/answers.ts',
  'src/parse/diagnostics.ts',
  'src/parse/mapping.ts',
  'src/parse/model.ts',
  'src/parse/plain-yaml.ts',
  'src/parse/plan.ts',
  'src/parse/yaml.ts',
  'src/parse/zod-issues.ts',
  'src/pipeline/each-file.ts',
  'src/pipeline/load-model.ts',
  'src/pipeline/load-plan.ts',
  'src/pipeline/model-versions.ts',
  'src/pipeline/score-files.ts',
  'src/read/git-history.ts',
  'src/read/inputs.ts',
  'src/read/text.ts',
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
  'src/schema/answers.ts',
  'src/schema/model.ts',
  'src/schema/plan.ts',
  'src/write/output.ts',
  'src/write/write-error.ts',
];
