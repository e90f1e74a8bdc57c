import Table from 'cli-table3';
import stringWidth from 'fast-string-width';
import { wrapAnsi } from 'fast-wrap-ansi';
import { COMPACT } from './table-style.js';
import { DEFAULT_WIDTH, MIN_WIDTH } from './width.js';

// Laying out text and tables for a terminal of a given width. The width is an input like any
// other, so that a formatter stays a pure function of its report and options.
//
// The rule for words: text is wrapped at spaces, and a word is never split while it can be given
// a line (or a table cell) of its own. Only a word wider than the whole line, or wider than its
// column can be made while the table still fits, is broken, at the line's end and without a
// hyphen: a long path or link, never a word of an ordinary text.

/** The width to lay out for: the one asked for, at least MIN_WIDTH; DEFAULT_WIDTH when none is. */
export function layoutWidth(width: number | undefined): number {
  return Math.max(MIN_WIDTH, Math.floor(width ?? DEFAULT_WIDTH));
}

/** Columns a text takes in a terminal: colour codes take none, wide (East Asian) characters two. */
function displayWidth(text: string): number {
  return stringWidth(text);
}

function spaces(count: number): string {
  return ' '.repeat(count);
}

/**
 * A text wrapped to `width` columns. The first line starts with `prefix`; the lines after it are
 * indented as far, so that a bullet's or an arrow's text stays in its own column.
 */
export function wrapLines(text: string, width: number, prefix = ''): string[] {
  const indent = displayWidth(prefix);
  const room = Math.max(1, width - indent);
  const lines = displayWidth(text) <= room ? [text] : wrapAnsi(text, room, { hard: true, trim: true }).split('\n');
  return lines.map((line, index) => (index === 0 ? prefix : spaces(indent)) + line);
}

/**
 * Items of a list ("Date: …", "Assessor: …") joined by `separator`, as many on a line as fit: a
 * line breaks between two items, never inside one, unless the item alone is wider than a line.
 */
export function packItems(items: readonly string[], separator: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const item of items) {
    const joined = line === '' ? item : `${line}${separator}${item}`;
    if (line === '' || displayWidth(joined) <= width) line = joined;
    else {
      lines.push(...wrapLines(line, width));
      line = item;
    }
  }
  if (line !== '') lines.push(...wrapLines(line, width));
  return lines;
}

/** What a formatter of a family is given besides its data. */
export interface TextOptions {
  /** Use terminal colours (only ever true when writing to a colour terminal). */
  color: boolean;
  /** The terminal's width in columns, for the formats laid out for one (table); DEFAULT_WIDTH when not given, never under MIN_WIDTH. */
  width?: number;
}

/** One column of a table that fits the terminal. */
export interface FitColumn {
  /** The heading, plain text. */
  head: string;
  align?: 'left' | 'right';
  /**
   * For a column that only repeats what another one says (the score bar): the table drops it,
   * lowest rank first, as soon as it is too wide, before any text is wrapped.
   */
  dropRank?: number;
  /** Names the row (the competency, the organisation): repeated in every part when the columns are split over several tables. */
  key?: boolean;
}

export interface FitTableOptions {
  /** The terminal's width in columns (layoutWidth: DEFAULT_WIDTH when not given, never under MIN_WIDTH). */
  width: number | undefined;
  /** How a heading is drawn (bold). */
  head?: (text: string) => string;
}

/** A cell's padding (one space each side) and the border at its right; a table also has one at its left. */
const CELL_CHROME = 3;

function tableWidth(widths: readonly number[]): number {
  return widths.reduce((total, width) => total + width + CELL_CHROME, 1);
}

function longestWord(text: string): number {
  let longest = 0;
  for (const word of text.split(' ')) longest = Math.max(longest, displayWidth(word));
  return longest;
}

/**
 * A table no wider than `width`: cells are plain or coloured text, laid out in this order until
 * it fits:
 * 1. as they are, each column as wide as its widest cell;
 * 2. without the columns that have a `dropRank`, lowest rank first, one at a time;
 * 3. with the widest columns narrowed and their texts wrapped at spaces, down to each column's
 *    longest word;
 * 4. split into several tables one above the other, each with the key columns and as many of the
 *    others, in their order, as fit unwrapped;
 * 5. only then, in a part whose columns cannot fit even one word each, with long words broken.
 */
export function fitTable(columns: readonly FitColumn[], rows: readonly (readonly string[])[], options: FitTableOptions): string {
  const width = layoutWidth(options.width);
  const head = options.head ?? ((text: string) => text);
  const natural = columns.map((column) => displayWidth(column.head));
  const minimum = columns.map((column) => Math.max(1, longestWord(column.head)));
  for (const row of rows) {
    for (let index = 0; index < columns.length; index++) {
      const cell = row[index] ?? '';
      natural[index] = Math.max(natural[index]!, displayWidth(cell));
      minimum[index] = Math.max(minimum[index]!, longestWord(cell));
    }
  }
  const fits = (indexes: readonly number[], widths: readonly number[]) => tableWidth(indexes.map((index) => widths[index]!)) <= width;

  let visible = columns.map((_, index) => index);
  const droppable = visible.filter((index) => columns[index]!.dropRank !== undefined).sort((a, b) => columns[a]!.dropRank! - columns[b]!.dropRank!);
  for (const index of droppable) {
    if (fits(visible, natural)) break;
    visible = visible.filter((other) => other !== index);
  }

  // Split, the parts are packed as the columns are, so that they wrap as little as they can; a
  // long name of a row is packed narrower, or every part would hold a column or two.
  const packed = natural.map((size, index) => (columns[index]!.key === true ? Math.min(size, Math.max(minimum[index]!, Math.floor(width / 3))) : size));
  const parts = fits(visible, minimum) ? [visible] : split(visible, columns, (indexes) => fits(indexes, packed));
  return parts
    .map((part) => {
      const widths = narrowed(part, natural, minimum, width);
      const table = new Table({
        head: part.map((index) => cellLines(columns[index]!.head, widths[index]!).split('\n').map(head).join('\n')),
        colAligns: part.map((index) => columns[index]!.align ?? 'left'),
        colWidths: part.map((index) => widths[index]! + 2),
        style: { head: [], border: [] },
        chars: COMPACT,
      });
      for (const row of rows) table.push(part.map((index) => cellLines(row[index] ?? '', widths[index]!)));
      return table.toString();
    })
    .join('\n\n');
}

/** The key columns with, in order, as many of the other columns as fit beside them; then the next part. */
function split(visible: readonly number[], columns: readonly FitColumn[], fits: (indexes: readonly number[]) => boolean): number[][] {
  const keys = visible.filter((index) => columns[index]!.key === true);
  const groups: number[][] = [];
  let group: number[] = [];
  for (const index of visible) {
    if (columns[index]!.key === true) continue;
    if (group.length > 0 && !fits([...keys, ...group, index])) {
      groups.push(group);
      group = [];
    }
    group.push(index);
  }
  if (group.length > 0 || groups.length === 0) groups.push(group);
  return groups.map((members) => visible.filter((index) => keys.includes(index) || members.includes(index)));
}

/** Column widths for one table: the widest column narrowed first, down to its longest word, then (last resort) below it. */
function narrowed(part: readonly number[], natural: readonly number[], minimum: readonly number[], width: number): number[] {
  const widths = [...natural];
  let excess = tableWidth(part.map((index) => widths[index]!)) - width;
  for (const floor of [(index: number) => minimum[index]!, () => 1]) {
    while (excess > 0) {
      let widest: number | undefined;
      for (const index of part) if (widths[index]! > floor(index) && (widest === undefined || widths[index]! > widths[widest]!)) widest = index;
      if (widest === undefined) break;
      widths[widest] = widths[widest]! - 1;
      excess--;
    }
  }
  return widths;
}

function cellLines(text: string, width: number): string {
  return displayWidth(text) <= width ? text : wrapAnsi(text, width, { hard: true, trim: true });
}
