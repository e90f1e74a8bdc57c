import { strFromU8, unzipSync } from 'fflate';
import { XMLParser } from 'fast-xml-parser';

/** A cell as a spreadsheet reads it from the file: its type, value and the style that shows it. */
interface WorkbookCell {
  /** `s`: a (shared) string; `n`: a number; `f`: a formula; `b`: a boolean. */
  type: 's' | 'n' | 'f' | 'b';
  value: string | number;
  bold: boolean;
  /** The number format: `@` (text), `0%`, `0.00`, or `General`. */
  format: string;
}

export interface WorkbookSheet {
  name: string;
  /** Rows from the first, cells from column A; null where the file has no cell. */
  rows: (WorkbookCell | null)[][];
}

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '',
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: false,
  // Character references (`&#13;`) are XML, which every spreadsheet decodes.
  htmlEntities: true,
  isArray: (name) => ['sheet', 'Relationship', 'si', 'row', 'c', 'xf', 'font', 'numFmt', 'r'].includes(name),
});

function xml(files: Record<string, Uint8Array>, path: string): any {
  const file = files[path];
  if (file === undefined) throw new Error(`no ${path} in the workbook`);
  return parser.parse(strFromU8(file));
}

/** The text of an `<si>` or `<t>`: plain, or with attributes (`xml:space`), or in runs. */
function text(node: any): string {
  if (node === undefined) return '';
  if (typeof node === 'string') return node;
  if (node.t !== undefined) return text(node.t);
  if (node.r !== undefined) return (node.r as any[]).map((run) => text(run.t)).join('');
  return node['#text'] ?? '';
}

/** Column index of a cell reference: A1 → 0, AB7 → 27. */
function column(reference: string): number {
  const letters = /^[A-Z]+/.exec(reference)![0];
  return [...letters].reduce((index, letter) => index * 26 + letter.charCodeAt(0) - 64, 0) - 1;
}

/** Built-in number formats the tool may use, by id. */
const BUILT_IN_FORMATS: Record<string, string> = { '0': 'General', '2': '0.00', '9': '0%', '49': '@' };

/**
 * Reads an `.xlsx` file as a spreadsheet would: its sheets in order, each cell with its type
 * (string, number, formula), value, boldness and number format. A zip and XML parse, so the test
 * does not trust the library that wrote the file.
 */
export function readWorkbook(bytes: Uint8Array): WorkbookSheet[] {
  const files = unzipSync(bytes);
  const workbook = xml(files, 'xl/workbook.xml');
  const relations = new Map<string, string>(
    (xml(files, 'xl/_rels/workbook.xml.rels').Relationships.Relationship as any[]).map((relation) => [relation.Id, relation.Target]),
  );
  const shared = files['xl/sharedStrings.xml'] ? ((xml(files, 'xl/sharedStrings.xml').sst.si ?? []) as any[]).map(text) : [];
  const styles = xml(files, 'xl/styles.xml').styleSheet;
  const formats = new Map<string, string>(((styles.numFmts?.numFmt ?? []) as any[]).map((format) => [format.numFmtId, format.formatCode]));
  const fonts = (styles.fonts.font as any[]).map((font) => font.b !== undefined);
  const xfs = styles.cellXfs.xf as any[];
  return (workbook.workbook.sheets.sheet as any[]).map((sheet) => {
    const target = relations.get(sheet['r:id'])!.replace(/^\/?(xl\/)?/, 'xl/');
    const rows: (WorkbookCell | null)[][] = [];
    for (const row of (xml(files, target).worksheet.sheetData.row ?? []) as any[]) {
      const cells: (WorkbookCell | null)[] = [];
      for (const c of (row.c ?? []) as any[]) {
        const xf = c.s === undefined ? undefined : xfs[Number(c.s)];
        const formatId = xf?.numFmtId ?? '0';
        const format = formats.get(formatId) ?? BUILT_IN_FORMATS[formatId] ?? `#${formatId}`;
        const bold = xf?.fontId === undefined ? false : fonts[Number(xf.fontId)] === true;
        let cell: WorkbookCell;
        if (c.f !== undefined) cell = { type: 'f', value: text(c.f), bold, format };
        else if (c.t === 's') cell = { type: 's', value: shared[Number(c.v)]!, bold, format };
        else if (c.t === 'inlineStr' || c.t === 'str') cell = { type: 's', value: text(c.is ?? c.v), bold, format };
        else if (c.t === 'b') cell = { type: 'b', value: Number(c.v), bold, format };
        else cell = { type: 'n', value: Number(c.v), bold, format };
        const index = column(c.r);
        while (cells.length < index) cells.push(null);
        cells[index] = cell;
      }
      rows[Number(row.r) - 1] = cells;
    }
    for (let index = 0; index < rows.length; index += 1) rows[index] ??= [];
    return { name: sheet.name, rows };
  });
}

/** A sheet's values only: strings and numbers, null for empty cells. */
export function values(sheet: WorkbookSheet): (string | number | null)[][] {
  return sheet.rows.map((row) => row.map((cell) => cell?.value ?? null));
}

/** The date and time of every zip entry, from the local file headers (MS-DOS format, local time). */
export function zipEntryDates(bytes: Uint8Array): string[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const dates: string[] = [];
  for (let offset = 0; view.getUint32(offset, true) === 0x04034b50; ) {
    const time = view.getUint16(offset + 10, true);
    const date = view.getUint16(offset + 12, true);
    const pad = (n: number) => String(n).padStart(2, '0');
    dates.push(`${1980 + (date >> 9)}-${pad((date >> 5) & 15)}-${pad(date & 31)} ${pad(time >> 11)}:${pad((time >> 5) & 63)}`);
    const compressed = view.getUint32(offset + 18, true);
    offset += 30 + view.getUint16(offset + 26, true) + view.getUint16(offset + 28, true) + compressed;
  }
  return dates;
}
