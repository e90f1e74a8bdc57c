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
  // The examples of its help: command lines, alike in every language.
  'src/cli/commands/assess.ts': [/^(cm-maturity|cat|git) /],
  // The examples of its help: command lines, alike in every language.
  'src/cli/commands/benchmark.ts': [/^(cm-maturity|cat|git) /],
  // The examples of its help: command lines, alike in every language.
  'src/cli/commands/diff.ts': [/^(cm-maturity|cat|git) /],
  // The examples of its help: command lines, alike in every language.
  'src/cli/commands/history.ts': [/^(cm-maturity|cat|git) /],
  // The examples of its help: command lines, alike in every language.
  'src/cli/commands/init.ts': [/^(cm-maturity|cat|git) /],
  // The examples of its help: command lines, alike in every language.
  'src/cli/commands/migrate.ts': [/^(cm-maturity|cat|git) /],
  // The examples of its help: command lines, alike in every language.
  'src/cli/commands/models.ts': [/^(cm-maturity|cat|git) /],
  // The examples of its help: command lines, alike in every language.
  'src/cli/commands/plan.ts': [/^(cm-maturity|cat|git) /],
  // The examples of its help: command lines, alike in every language.
  'src/cli/commands/schema.ts': [/^(cm-maturity|cat|git) /],
  // The examples of its help: command lines, alike in every language.
  'src/cli/commands/score.ts': [/^(cm-maturity|cat|git) /],
  // The examples of its help: command lines, alike in every language.
  'src/cli/commands/validate.ts': [/^(cm-maturity|cat|git) /],
  // The program's examples: command lines, alike in every language.
  'src/cli/run.ts': [/^(score|validate|diff|history|benchmark|migrate|schema|consensus|import) [^ ]/],
  // The messages of the errors that end a run with an exit code (and a class name): caught by the run, never printed.
  'src/cli/stop.ts': ['a gate failed', 'Interrupted', 'invalid input'],
  // The English placeholder the library has always exported; files get their language's (answers.template.organisationPlaceholder).
  'src/core/answers-template.ts': ['Your organisation'],
  // The name of the overall row in the benchmark's CSV: programs read the file alike in every language.
  'src/report/benchmark/csv.ts': ['Overall'],
  // Command lines shown as examples in the help: what a shell reads.
  'src/cli/commands/consensus.ts': [/^cm-maturity (consensus|score) /],
  // The examples of its help: command lines, alike in every language.
  'src/cli/commands/import.ts': [/^cm-maturity (import|consensus) /],
  // The stylesheet.
  'src/report/consensus/html.ts': [/^body\{font:/],
  // The markup of every page's head.
  'src/report/html-page.ts': [markup()],
  // The questionnaire page's markup, every text between its tags from the catalogue, and its stylesheet.
  'src/report/form/html.ts': [markup()],
  'src/report/form/style.ts': [/\{[^{}]*:[^{}]*;[^{}]*\}/],
  // Command lines shown as examples in the help: what a shell reads.
  'src/cli/commands/form.ts': [/^cm-maturity (--lang fr )?form /],
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
export const NOT_YET_IN_CATALOGUES: string[] = [];
