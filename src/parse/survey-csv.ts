import type { SurveyTable } from '../core/survey-import.js';
import { UserError } from '../errors.js';
import type { Locale } from '../locale/locale.js';
import type { TextSource } from '../source.js';

/** The separators an export may use: the comma, the semicolon of spreadsheets in French and other languages that write decimals with a comma, the tab. */
const DELIMITERS = [',', ';', '\t'] as const;

/**
 * The separator of an export, from its header row: the one it holds most of outside quotes (a
 * question title may hold commas; a French export separates them with semicolons), the comma when
 * there is none or a tie.
 */
function delimiterOf(text: string): string {
  const counts = new Map<string, number>(DELIMITERS.map((delimiter) => [delimiter, 0]));
  let quoted = false;
  for (const character of text) {
    if (character === '"') quoted = !quoted;
    else if (!quoted && (character === '\n' || character === '\r')) break;
    else if (!quoted && counts.has(character)) counts.set(character, counts.get(character)! + 1);
  }
  let best: string = ',';
  for (const delimiter of DELIMITERS) if (counts.get(delimiter)! > counts.get(best)!) best = delimiter;
  return best;
}

/**
 * A survey export's text as a table: its header row and every row after it, numbered as a
 * spreadsheet numbers them (blank lines count, and are passed over). Line ends may be CRLF, cells
 * may hold line breaks inside quotes, the separator is found by `delimiterOf`. What the CSV parser
 * cannot read is a UserError at its row and column. The parser, csv-parse, is loaded here, when
 * an export is read.
 */
export async function surveyTable(source: TextSource, locale: Locale): Promise<SurveyTable> {
  const { parse, CsvError } = await import('csv-parse/sync');
  let records: string[][];
  try {
    records = parse(source.text, { delimiter: delimiterOf(source.text), relax_column_count: true, bom: true, skip_empty_lines: false }) as string[][];
  } catch (error) {
    if (!(error instanceof CsvError)) throw error;
    const context = error as unknown as { records?: number; index?: number };
    const row = (context.records ?? 0) + 1;
    const column = (context.index ?? 0) + 1;
    throw new UserError([{ file: source.file, line: row, column, code: 'csv-syntax', message: locale.t('team.import.csvSyntax', { problem: csvProblem(error.code) }) }]);
  }
  const [header = [], ...rest] = records;
  const rows = rest.map((cells, index) => ({ row: index + 2, cells })).filter(({ cells }) => cells.some((cell) => cell.trim() !== ''));
  return { header, rows };
}

/** What the parser found wrong, as the catalogue says it (`team.import.csvProblem`). */
function csvProblem(code: string): string {
  switch (code) {
    case 'CSV_QUOTE_NOT_CLOSED':
      return 'unclosed';
    case 'CSV_INVALID_CLOSING_QUOTE':
    case 'CSV_NON_TRIMABLE_CHAR_AFTER_CLOSING_QUOTE':
      return 'afterQuote';
    case 'INVALID_OPENING_QUOTE':
    case 'CSV_INVALID_OPENING_QUOTE':
      return 'openingQuote';
    default:
      return 'other';
  }
}
