import { truncate2 } from '../core/truncate.js';

/** One cell of a sheet: a text, a number, or nothing. */
type SheetCell = string | number | null;

/** A number shown with a number format (`0%`), still a number to the spreadsheet. */
export interface FormattedNumber {
  value: number;
  format: string;
}

/** One sheet of a workbook: a header row, then the rows. */
export interface SheetTable {
  /** At most 31 characters, none of `[]:*?/\`, as Excel requires. */
  name: string;
  header: readonly string[];
  rows: readonly (readonly (SheetCell | FormattedNumber)[])[];
}

/** A score as the reports print it: truncated to two decimals, shown with both (`3.00`). */
export function score(value: number): FormattedNumber {
  return { value: truncate2(value), format: '0.00' };
}

/** The most characters Excel keeps in one cell; a longer text makes it repair the file. */
const CELL_LIMIT = 32_767;

/** The most rows Excel shows in a sheet, the header's included: the rest go on to another sheet. */
const ROW_LIMIT = 1_048_576;

/** Column widths, in characters: enough for the header and the longest line, within reason. */
const MIN_WIDTH = 8;
const MAX_WIDTH = 80;

/**
 * The date inside the file when the report has none: the earliest a zip entry can carry
 * (1980-01-01), so that no run writes today's date.
 */
const EPOCH = '1980-01-01';

/**
 * A workbook as the bytes of an `.xlsx` file, the same bytes for the same sheets and date.
 *
 * Every text is a string cell, and a string cell is never a formula: a note that starts with `=`
 * stays that text. So no `'` is put in front, as the CSV formats do: in a typed file it would be
 * part of the text. Text cells also carry the text format (`@`), so that editing one in Excel
 * keeps it text. Characters XML cannot hold (C0 controls but tab and line breaks) are dropped, and
 * a text longer than a cell can hold is cut, ending in `…`.
 *
 * The file holds no creation or modification date; the date of its zip entries is `date` (the
 * answers file's `date:`), else 1980-01-01, never the time of the run.
 */
export async function workbookBytes(sheets: readonly SheetTable[], date: string | null): Promise<Uint8Array> {
  // Loaded only for xlsx: no other format needs them.
  const [{ default: writeXlsxFile }, { unzipSync, zipSync }] = await Promise.all([import('write-excel-file/node'), import('fflate')]);
  const written = await writeXlsxFile(
    sheets.flatMap(withinRowLimit).map((sheet) => ({
      sheet: sheet.name,
      data: [sheet.header.map((title) => ({ value: cellText(title), type: String, format: '@', fontWeight: 'bold' as const })), ...sheet.rows.map((row) => row.map(cell))],
      columns: columnWidths(sheet),
      stickyRowsCount: 1,
    })),
  ).toBuffer();
  // The library dates each zip entry with the time of the run: the entries are zipped again,
  // dated at noon of the report's date in local time, as zip dates are (noon is never skipped
  // by a change of clocks).
  const [year, month, day] = (date !== null && /^\d{4}-\d{2}-\d{2}$/.test(date) && date >= EPOCH ? date : EPOCH).split('-').map(Number) as [number, number, number];
  return zipSync(unzipSync(written), { level: 6, mtime: new Date(year, month - 1, day, 12) });
}

/** A sheet too long for Excel as several: `Answers`, `Answers (2)`, … each with the header. */
function withinRowLimit(sheet: SheetTable): SheetTable[] {
  const size = ROW_LIMIT - 1;
  if (sheet.rows.length <= size) return [sheet];
  const parts: SheetTable[] = [];
  for (let start = 0; start < sheet.rows.length; start += size) {
    parts.push({ ...sheet, name: start === 0 ? sheet.name : `${sheet.name} (${parts.length + 1})`, rows: sheet.rows.slice(start, start + size) });
  }
  return parts;
}

function cell(value: SheetCell | FormattedNumber) {
  if (value === null) return null;
  if (typeof value === 'number') return { value, type: Number };
  if (typeof value === 'string') return { value: cellText(value), type: String, format: '@' };
  return { value: value.value, type: Number, format: value.format };
}

/** A text cut to what a cell can hold, without splitting a character. */
function cellText(text: string): string {
  if (text.length <= CELL_LIMIT) return text;
  const cut = text.slice(0, CELL_LIMIT - 1);
  return `${/[\uD800-\uDBFF]$/.test(cut) ? cut.slice(0, -1) : cut}…`;
}

function columnWidths(sheet: SheetTable): { width: number }[] {
  return sheet.header.map((title, index) => {
    let longest = width(title);
    for (const row of sheet.rows) {
      const value = row[index] ?? null;
      if (value !== null) longest = Math.max(longest, width(typeof value === 'object' ? String(value.value) : String(value)));
    }
    return { width: Math.min(MAX_WIDTH, Math.max(MIN_WIDTH, longest + 2)) };
  });
}

/** The characters of a text's longest line. */
function width(text: string): number {
  let longest = 0;
  for (const line of text.split(/\r\n|\r|\n/)) longest = Math.max(longest, line.length);
  return longest;
}
