import { strToU8, zipSync } from 'fflate';
import { truncate2 } from '../core/truncate.js';

/** How a number cell is shown; it stays a number to the spreadsheet. */
type NumberFormat = 'score' | 'percent' | 'change';

/** A number shown with a number format (`0.00`, `0%`, `+0.00`). */
export interface FormattedNumber {
  value: number;
  format: NumberFormat;
}

/** One cell of a sheet: a text, a number, or nothing. */
type SheetCell = string | number | FormattedNumber | null;

/** One sheet of a workbook: a header row, then the rows. */
export interface SheetTable {
  /** At most 31 characters, none of `[]:*?/\`, as Excel requires. */
  name: string;
  header: readonly string[];
  rows: readonly (readonly SheetCell[])[];
}

/** A score as the reports print it: truncated to two decimals, shown with both (`3.00`). */
export function score(value: number): FormattedNumber {
  return { value: truncate2(value), format: 'score' };
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
 * The cell formats of styles.xml, by position: general, bold text (headers), text, then the
 * number formats. Each format is declared, built into Excel or not (`@`, `0.00`, `0%`): not every
 * spreadsheet knows Excel's built-in numbers for them.
 */
const STYLE = { general: 0, header: 1, text: 2, score: 3, percent: 4, change: 5 } as const;

const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const RELATIONSHIPS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PACKAGE_RELATIONSHIPS = 'http://schemas.openxmlformats.org/package/2006/relationships';
const XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

const STYLES = `${XML_DECLARATION}<styleSheet xmlns="${MAIN}"><numFmts count="4"><numFmt numFmtId="164" formatCode="@"/><numFmt numFmtId="165" formatCode="0.00"/><numFmt numFmtId="166" formatCode="0%"/><numFmt numFmtId="167" formatCode="+0.00;-0.00;0.00"/></numFmts><fonts count="2"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font><font><b/><sz val="11"/><name val="Calibri"/><family val="2"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="6"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="164" fontId="1" fillId="0" borderId="0" xfId="0" applyNumberFormat="1" applyFont="1"/><xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/><xf numFmtId="165" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/><xf numFmtId="166" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/><xf numFmtId="167" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>`;

/**
 * A workbook as the bytes of an `.xlsx` file (SpreadsheetML in a zip), the same bytes for the
 * same sheets and date.
 *
 * Every text is a string cell, and a string cell is never a formula: a note that starts with `=`
 * stays that text. So no `'` is put in front, as the CSV formats do: in a typed file it would be
 * part of the text. Text cells also carry the text format (`@`), so that editing one in Excel
 * keeps it text. Characters XML cannot hold (C0 controls but tab and line breaks, U+FFFE, U+FFFF,
 * lone surrogates) are dropped, and a text longer than a cell can hold is cut, ending in `…`.
 *
 * The file holds no creation or modification date; the date of its zip entries is `date` (the
 * answers file's `date:`), else 1980-01-01, never the time of the run.
 */
export function workbookBytes(sheets: readonly SheetTable[], date: string | null): Uint8Array {
  const parts = sheets.flatMap(withinRowLimit);
  const strings = new SharedStrings();
  const files: Record<string, Uint8Array> = {};
  files['[Content_Types].xml'] = strToU8(contentTypes(parts.length));
  files['_rels/.rels'] = strToU8(
    `${XML_DECLARATION}<Relationships xmlns="${PACKAGE_RELATIONSHIPS}"><Relationship Id="rId1" Type="${RELATIONSHIPS}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
  );
  files['xl/workbook.xml'] = strToU8(
    `${XML_DECLARATION}<workbook xmlns="${MAIN}" xmlns:r="${RELATIONSHIPS}"><sheets>${parts.map((sheet, index) => `<sheet name="${xmlText(sheet.name)}" sheetId="${index + 1}" r:id="rId${index + 1}"/>`).join('')}</sheets></workbook>`,
  );
  files['xl/_rels/workbook.xml.rels'] = strToU8(workbookRelationships(parts.length));
  files['xl/styles.xml'] = strToU8(STYLES);
  parts.forEach((sheet, index) => {
    files[`xl/worksheets/sheet${index + 1}.xml`] = strToU8(sheetXml(sheet, index === 0, strings));
  });
  files['xl/sharedStrings.xml'] = strToU8(strings.xml());
  // Zip dates are local time: noon of the report's date in local time reads the same in every
  // time zone (and noon is never skipped by a change of clocks).
  const [year, month, day] = (date !== null && /^\d{4}-\d{2}-\d{2}$/.test(date) && date >= EPOCH ? date : EPOCH).split('-').map(Number) as [number, number, number];
  return zipSync(files, { level: 6, mtime: new Date(year, month - 1, day, 12) });
}

function contentTypes(sheetCount: number): string {
  const type = 'application/vnd.openxmlformats-officedocument.spreadsheetml';
  const sheets = Array.from({ length: sheetCount }, (_, index) => `<Override PartName="/xl/worksheets/sheet${index + 1}.xml" ContentType="${type}.worksheet+xml"/>`).join('');
  return `${XML_DECLARATION}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="${type}.sheet.main+xml"/>${sheets}<Override PartName="/xl/styles.xml" ContentType="${type}.styles+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="${type}.sharedStrings+xml"/></Types>`;
}

function workbookRelationships(sheetCount: number): string {
  const sheets = Array.from({ length: sheetCount }, (_, index) => `<Relationship Id="rId${index + 1}" Type="${RELATIONSHIPS}/worksheet" Target="worksheets/sheet${index + 1}.xml"/>`).join('');
  return `${XML_DECLARATION}<Relationships xmlns="${PACKAGE_RELATIONSHIPS}">${sheets}<Relationship Id="rId${sheetCount + 1}" Type="${RELATIONSHIPS}/styles" Target="styles.xml"/><Relationship Id="rId${sheetCount + 2}" Type="${RELATIONSHIPS}/sharedStrings" Target="sharedStrings.xml"/></Relationships>`;
}

/** The texts of the workbook, each stored once and referred to by its index. */
class SharedStrings {
  // A Map, not an object: a text such as `constructor` or `__proto__` is a text like any other.
  private readonly index = new Map<string, number>();
  private count = 0;

  id(text: string): number {
    let id = this.index.get(text);
    if (id === undefined) {
      id = this.index.size;
      this.index.set(text, id);
    }
    this.count += 1;
    return id;
  }

  xml(): string {
    const items: string[] = [];
    for (const text of this.index.keys()) items.push(`<si><t${/^\s|\s$|[\t\n\r]/.test(text) ? ' xml:space="preserve"' : ''}>${xmlText(text)}</t></si>`);
    return `${XML_DECLARATION}<sst xmlns="${MAIN}" count="${this.count}" uniqueCount="${this.index.size}">${items.join('')}</sst>`;
  }
}

function sheetXml(sheet: SheetTable, first: boolean, strings: SharedStrings): string {
  const cols = columnWidths(sheet)
    .map((width, index) => `<col min="${index + 1}" max="${index + 1}" width="${width}" customWidth="1"/>`)
    .join('');
  const rows: string[] = [rowXml(1, sheet.header, strings, true)];
  sheet.rows.forEach((row, index) => rows.push(rowXml(index + 2, row, strings, false)));
  // The header row stays in view when scrolling (a frozen pane below it).
  const view = `<sheetView${first ? ' tabSelected="1"' : ''} workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/><selection pane="bottomLeft" activeCell="A2" sqref="A2"/></sheetView>`;
  return `${XML_DECLARATION}<worksheet xmlns="${MAIN}"><sheetViews>${view}</sheetViews><sheetFormatPr defaultRowHeight="15"/><cols>${cols}</cols><sheetData>${rows.join('')}</sheetData></worksheet>`;
}

function rowXml(number: number, cells: readonly SheetCell[], strings: SharedStrings, header: boolean): string {
  const xml: string[] = [];
  cells.forEach((value, index) => {
    const reference = `${columnName(index)}${number}`;
    if (value === null) return;
    if (typeof value === 'string') {
      xml.push(`<c r="${reference}" s="${header ? STYLE.header : STYLE.text}" t="s"><v>${strings.id(cellText(value))}</v></c>`);
      return;
    }
    const [number_, style] = typeof value === 'number' ? [value, STYLE.general] : [value.value, STYLE[value.format]];
    if (Number.isFinite(number_)) xml.push(`<c r="${reference}" s="${style}"><v>${number_}</v></c>`);
  });
  return `<row r="${number}">${xml.join('')}</row>`;
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

/** A, B, …, Z, AA, AB, …: the letters of a column, from 0. */
function columnName(index: number): string {
  let name = '';
  for (let rest = index + 1; rest > 0; rest = Math.floor((rest - 1) / 26)) name = String.fromCharCode(65 + ((rest - 1) % 26)) + name;
  return name;
}

/** Characters XML 1.0 cannot hold: C0 controls but tab and line breaks, U+FFFE, U+FFFF and lone surrogates. */
// eslint-disable-next-line no-control-regex
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

const XML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', '\r': '&#13;' };

/**
 * A text as XML character data: what XML cannot hold dropped, markup characters escaped, and a
 * carriage return as a reference, since a parser turns a literal one into a line feed.
 */
function xmlText(text: string): string {
  return text.replace(NOT_XML, '').replace(/[&<>"\r]/g, (character) => XML_ESCAPES[character]!);
}

/** A text cut to what a cell can hold, without splitting a character. */
function cellText(text: string): string {
  if (text.length <= CELL_LIMIT) return text;
  const cut = text.slice(0, CELL_LIMIT - 1);
  return `${/[\uD800-\uDBFF]$/.test(cut) ? cut.slice(0, -1) : cut}…`;
}

function columnWidths(sheet: SheetTable): number[] {
  return sheet.header.map((title, index) => {
    let longest = width(title);
    for (const row of sheet.rows) {
      const value = row[index] ?? null;
      if (value !== null) longest = Math.max(longest, width(typeof value === 'object' ? String(value.value) : String(value)));
    }
    return Math.min(MAX_WIDTH, Math.max(MIN_WIDTH, longest + 2));
  });
}

/** The characters of a text's longest line. */
function width(text: string): number {
  let longest = 0;
  for (const line of text.split(/\r\n|\r|\n/)) longest = Math.max(longest, line.length);
  return longest;
}
