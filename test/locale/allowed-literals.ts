/**
 * Texts in the sources that read like English but are not said to anyone in a language: names of
 * formats, protocols and standards, markup and styles, what other programs read. By file; each
 * entry says why.
 */
export const PROTOCOL_TEXTS: Record<string, (string | RegExp)[]> = {
  // HTML and SVG markup: tags and their attributes (classes, ids, roles), every text between them from the catalogue.
  'src/report/single/html.ts': [markup()],
  'src/report/single/html/bars.ts': [markup()],
  'src/report/single/html/radar.ts': [markup()],
  'src/report/single/plan.ts': [markup()],
  // The stylesheet: CSS, whose one text (the current stage's mark) html.ts replaces with the catalogue's.
  'src/report/single/html/style.ts': [/\{[^{}]*:[^{}]*;[^{}]*\}/],
  // JUnit XML, and the overall test case's name, which stays the same in every language so that CI tools follow it.
  'src/report/single/junit.ts': [markup(), 'Overall ('],
  // SpreadsheetML: the XML of the workbook's parts.
  'src/report/xlsx.ts': [markup(), attributes()],
  // Internal failures (a RangeError is a fault of the caller, never a user's input), not said to anyone.
  'src/core/benchmark.ts': ['a benchmark needs at least one assessment'],
  'src/core/stats.ts': ['quantile of an empty list', 'percentile rank in an empty pool'],
  // The message of the exception that stops the parser; the error shown is input.yaml.too-deep.
  'src/parse/plain-yaml.ts': ['nested more than ', ' levels deep'],
  // The parser's own error for a second document, replaced by input.yaml.second-document before it is shown.
  'src/parse/yaml.ts': ['Source contains multiple documents'],
  // The exception that passes a file over: caught, never shown; its name is the class name.
  'src/pipeline/each-file.ts': [' is passed over (', 'Skipped'],
  // git's pathspec magic.
  'src/read/git-history.ts': [':(top,literal)'],
  // A glob pattern.
  'src/read/inputs.ts': ['/**/*.{yaml,yml}'],
  // The name of the overall row in the benchmark's CSV: programs read the file alike in every language.
  'src/report/benchmark/csv.ts': ['Overall'],
  // Command lines shown as examples in the help: what a shell reads.
  'src/cli/commands/consensus.ts': [/^cm-maturity (consensus|score) /],
  // The stylesheet and the markup of the page's head.
  'src/report/consensus/html.ts': [/^body\{font:/, /^<!DOCTYPE html>\n<html lang=/, /^">\n<head>\n<meta charset=/, /^">\n<meta name="viewport"/],
  // Markup of the section the report of combined answers adds.
  'src/report/single/html/consensus.ts': [/^<section class="consensus-section"/, /^\n<table class="answers">\n<thead>/, /^<\/th><th scope="col">$/],
};

/**
 * A literal made of markup only: a tag's end begun in the literal before, whole tags, and a tag
 * begun for the next one, with nothing but spaces and signs between them (no word for a person).
 */
function markup(): RegExp {
  return /^(?:[^<>]*>)?(?:[^A-Za-z<>]|<[^<>]*>)*(?:<[^<>]*)?$/;
}

/** A literal made of attributes only: the end of one attribute's value, then more attributes, the last maybe still open. */
function attributes(): RegExp {
  return /^[^<>"]*"(?:\s+[\w:-]+="[^"]*"?)*$/;
}

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
  'src/schema/answers.ts',
  'src/schema/model.ts',
  'src/schema/plan.ts',
  'src/write/output.ts',
  'src/write/write-error.ts',
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
