import type { Formatter } from './format.js';

/**
 * Every output format by the name `--format` takes, each loaded when it is asked for: a run
 * evaluates the code of the one format it writes, not the table, colour and HTML code of all
 * five (milliseconds of every start-up). Adding a format: one file and one line here.
 */
const FORMATTERS = {
  table: async () => (await import('./table.js')).formatTable,
  json: async () => (await import('./json.js')).formatJson,
  markdown: async () => (await import('./markdown.js')).formatMarkdown,
  junit: async () => (await import('./junit.js')).formatJunit,
  html: async () => (await import('./html.js')).formatHtml,
} satisfies Record<string, () => Promise<Formatter>>;

export type FormatName = keyof typeof FORMATTERS;

export const FORMAT_NAMES = Object.keys(FORMATTERS) as FormatName[];

/** The formatter of a format: a pure function from a report to the text to write. */
export function loadFormatter(name: FormatName): Promise<Formatter> {
  return FORMATTERS[name]();
}

export { DEFAULT_NEXT_STEPS, type FormatOptions, type Formatter } from './format.js';
