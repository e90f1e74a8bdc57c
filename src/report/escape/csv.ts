import { stringify } from 'csv-stringify/sync';

/** A number as the CSV formats write it (a count, a score, a gap): `3`, `2.61`, `-0.08`, or `2,61` with a decimal comma. */
const NUMBER = /^-?\d+(?:[.,]\d+)?$/;

/** What a spreadsheet may read as the start of a formula (OWASP's list for CSV injection), or a line break. */
const FORMULA_START = /^[=+\-@\t\r\n]/;

/**
 * How a CSV is written for the spreadsheet that opens it. RFC 4180 (`,`, decimal point, no byte
 * order mark) by default; `--excel` writes a UTF-8 byte order mark, without which Excel reads
 * the file in the system's legacy code page and garbles accents, and where the locale writes
 * numbers with a decimal comma (fr_FR, de_DE), `;` between cells and `2,61` for numbers, which
 * is what Excel expects there.
 */
export interface CsvDialect {
  separator: ',' | ';';
  decimalComma: boolean;
  bom: boolean;
}

const RFC_4180: CsvDialect = { separator: ',', decimalComma: false, bom: false };

/**
 * A cell made inert in a spreadsheet (OWASP, CSV injection): text that starts with `=`, `+`, `-`,
 * `@`, a tab, a carriage return or a line feed gets a leading `'`, so that Excel, LibreOffice or
 * Google Sheets show it as text instead of running it as a formula. A number is left as it is:
 * `-0.08` is a score, and a spreadsheet reads it as a number.
 */
export function csvCell(cell: string): string {
  return FORMULA_START.test(cell) && !NUMBER.test(cell) ? `'${cell}` : cell;
}

/** A number written by a formatter (`2.61`) as the dialect writes numbers (`2,61` with a decimal comma). */
export function csvNumber(text: string, dialect: CsvDialect = RFC_4180): string {
  return dialect.decimalComma ? text.replace('.', ',') : text;
}

/**
 * Rows as CSV (RFC 4180 by default, `\n` line ends, quoting by csv-stringify), every text cell
 * through csvCell: the one way the tool writes CSV. A cell holding a carriage return is quoted
 * too, which csv-stringify does not do by itself with `\n` line ends: unquoted, a spreadsheet
 * would start a new row there, and the rest of the cell could be a formula.
 */
export function csvText(rows: readonly (readonly (string | number)[])[], dialect: CsvDialect = RFC_4180): string {
  const text = stringify(
    rows.map((row) => row.map((cell) => (typeof cell === 'number' ? cell : csvCell(cell)))),
    { record_delimiter: 'unix', quoted_match: /\r/, delimiter: dialect.separator },
  );
  return dialect.bom ? `\uFEFF${text}` : text;
}

/**
 * The dialect of `--excel` for a locale (a BCP 47 tag such as `fr-FR`; undefined: the system's):
 * a byte order mark always, and `;` with decimal commas where the locale writes `1,5`, as Excel
 * then takes `,` for the decimal separator and `;` for the list separator.
 */
export function excelDialect(locale: string | undefined): CsvDialect {
  let decimal: string | undefined;
  try {
    decimal = new Intl.NumberFormat(locale).formatToParts(1.5).find((part) => part.type === 'decimal')?.value;
  } catch {
    // Not a locale Intl knows how to name (`C`, `POSIX`): the decimal point.
  }
  return decimal === ',' ? { separator: ';', decimalComma: true, bom: true } : { separator: ',', decimalComma: false, bom: true };
}
