import type { Formatter } from './format.js';
import { formatHtml } from './html.js';
import { formatJson } from './json.js';
import { formatJunit } from './junit.js';
import { formatMarkdown } from './markdown.js';
import { formatTable } from './table.js';

/** Every output format by the name `--format` takes. Adding a format: one file and one line here. */
export const formatters = {
  table: formatTable,
  json: formatJson,
  markdown: formatMarkdown,
  junit: formatJunit,
  html: formatHtml,
} satisfies Record<string, Formatter>;

export type FormatName = keyof typeof formatters;

export const FORMAT_NAMES = Object.keys(formatters) as FormatName[];

export { DEFAULT_NEXT_STEPS, type FormatOptions, type Formatter } from './format.js';
