import { stringify } from 'csv-stringify/sync';

/** A number as the CSV formats write it (a count, a score, a gap): `3`, `2.61`, `-0.08`. */
const NUMBER = /^-?\d+(?:\.\d+)?$/;

/** What a spreadsheet may read as the start of a formula (OWASP's list for CSV injection), or a line break. */
const FORMULA_START = /^[=+\-@\t\r\n]/;

/**
 * A cell made inert in a spreadsheet (OWASP, CSV injection): text that starts with `=`, `+`, `-`,
 * `@`, a tab, a carriage return or a line feed gets a leading `'`, so that Excel, LibreOffice or
 * Google Sheets show it as text instead of running it as a formula. A number is left as it is:
 * `-0.08` is a score, and a spreadsheet reads it as a number.
 */
export function csvCell(cell: string): string {
  return FORMULA_START.test(cell) && !NUMBER.test(cell) ? `'${cell}` : cell;
}

/**
 * Rows as CSV (RFC 4180, `\n` line ends, quoting by csv-stringify), every text cell through
 * csvCell: the one way the tool writes CSV. A cell holding a carriage return is quoted too, which
 * csv-stringify does not do by itself with `\n` line ends: unquoted, a spreadsheet would start a
 * new row there, and the rest of the cell could be a formula.
 */
export function csvText(rows: readonly (readonly (string | number)[])[]): string {
  return stringify(
    rows.map((row) => row.map((cell) => (typeof cell === 'number' ? cell : csvCell(cell)))),
    { record_delimiter: 'unix', quoted_match: /\r/ },
  );
}
