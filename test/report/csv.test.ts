import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { numericLocale } from '../../src/cli/locale.js';
import { excelDialect } from '../../src/report/escape/csv.js';
import { ROOT } from '../helpers/cli.js';
import { runInProcess } from '../helpers/in-process.js';

/**
 * `--format csv-answers` (one row per organisation and indicator) and `--excel` (byte order mark,
 * `;` and decimal commas where the locale writes them), parsed back with csv-parse.
 */

const CAFE = join(ROOT, 'test/fixtures/spreadsheets/cafe.yaml');
const BETA = join(ROOT, 'test/fixtures/spreadsheets/beta.yaml');

/** No locale from the machine running the tests: each test names its own. */
const NO_LOCALE = { LC_ALL: undefined, LC_NUMERIC: undefined, LANG: undefined };

async function score(args: string[], env: Record<string, string | undefined> = {}): Promise<string> {
  const result = await runInProcess(['score', ...args], { env: { ...NO_LOCALE, ...env } });
  expect(result.code, result.stderr).toBe(0);
  return result.stdout;
}

const ANSWERS_HEADER = ['organisation', 'file', 'competency', 'indicator', 'stage', 'answer', 'note'];

/** Beta first: overall 2.33 against Café Olé's 1.83 (--sort score). */
const ANSWER_ROWS = [
  ['Beta', BETA, 'goals', 'goals.written', 'grown', 'yes', ''],
  ['Beta', BETA, 'goals', 'goals.shared', 'grown', 'yes', ''],
  ['Beta', BETA, 'goals', 'goals.measured', 'full', 'partly', ''],
  ['Beta', BETA, 'people', 'people.owner', 'grown', 'yes', ''],
  ['Beta', BETA, 'people', 'people.network', 'full', '', ''],
  ['Café Olé', CAFE, 'goals', 'goals.written', 'grown', 'yes', "'=SUM(A1:A2)"],
  ['Café Olé', CAFE, 'goals', 'goals.shared', 'grown', 'partly', ''],
  ['Café Olé', CAFE, 'goals', 'goals.measured', 'full', 'no', ''],
  ['Café Olé', CAFE, 'people', 'people.owner', 'grown', 'partly', 'Shared; part-time\nsince May'],
  ['Café Olé', CAFE, 'people', 'people.network', 'full', 'n/a', ''],
];

describe('score --format csv-answers', () => {
  it('writes one row per organisation and indicator, notes included, formulas made inert', async () => {
    const csv = await score([CAFE, BETA, '-f', 'csv-answers']);
    expect(csv.startsWith('\uFEFF')).toBe(false);
    expect(parse(csv)).toEqual([ANSWERS_HEADER, ...ANSWER_ROWS]);
  });

  it('writes the rows of one organisation for one file', async () => {
    const csv = await score([CAFE, '-f', 'csv-answers']);
    expect(parse(csv)).toEqual([ANSWERS_HEADER, ...ANSWER_ROWS.slice(5)]);
  });
});

describe('score --excel', () => {
  it('in a French locale: a byte order mark, ; between cells and decimal commas', async () => {
    const csv = await score([CAFE, BETA, '-f', 'csv', '--excel'], { LC_ALL: 'fr_FR.UTF-8' });
    expect(csv.startsWith('\uFEFFfile;organisation;date;')).toBe(true);
    expect(parse(csv, { bom: true, delimiter: ';' })).toEqual([
      ['file', 'organisation', 'date', 'overall_level', 'overall_stage', 'overall_score', 'goals_score', 'goals_stage', 'people_score', 'people_stage', 'completeness'],
      // Beta leaves people.network empty: 4 of 5 indicators answered.
      [BETA, 'Beta', '2026-04-01', '2', 'grown', '2,33', '2,66', 'grown', '2,00', 'grown', '80%'],
      [CAFE, 'Café Olé', '2026-03-01', '1', 'start', '1,83', '2,00', 'grown', '1,66', 'start', '100%'],
    ]);
  });

  it('in a French locale, csv-answers: the note holding ; is quoted, the formula still inert', async () => {
    const csv = await score([CAFE, BETA, '-f', 'csv-answers', '--excel'], { LANG: 'fr_FR.UTF-8' });
    expect(csv).toContain(';"Shared; part-time\nsince May"\n');
    expect(parse(csv, { bom: true, delimiter: ';' })).toEqual([ANSWERS_HEADER, ...ANSWER_ROWS]);
  });

  it('in an English locale: a byte order mark, commas and decimal points', async () => {
    const csv = await score([CAFE, BETA, '-f', 'csv', '--excel'], { LANG: 'en_US.UTF-8' });
    expect(csv.startsWith('\uFEFFfile,organisation,')).toBe(true);
    expect((parse(csv, { bom: true }) as string[][])[1]!.slice(5, 7)).toEqual(['2.33', '2.66']);
  });

  it('LC_ALL wins over LC_NUMERIC, which wins over LANG', async () => {
    const byLcAll = await score([BETA, '-f', 'csv', '--excel'], { LC_ALL: 'de_DE.UTF-8', LC_NUMERIC: 'en_GB.UTF-8', LANG: 'en_US.UTF-8' });
    expect(byLcAll).toContain(';2,33;');
    const byNumeric = await score([BETA, '-f', 'csv', '--excel'], { LC_NUMERIC: 'en_GB.UTF-8', LANG: 'fr_FR.UTF-8' });
    expect(byNumeric).toContain(',2.33,');
  });

  it('applies to the CSV formats only (exit 2 otherwise)', async () => {
    const result = await runInProcess(['score', BETA, '-f', 'json', '--excel']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('--excel applies to csv, csv-answers and csv-actions, not --format json');
    expect(result.stdout).toBe('');
  });
});

describe('the locale --excel follows', () => {
  it('is LC_ALL, else LC_NUMERIC, else LANG, as a BCP 47 tag; empty values count as unset', () => {
    expect(numericLocale({ LC_ALL: 'fr_FR.UTF-8@euro', LANG: 'en_US.UTF-8' })).toBe('fr-FR');
    expect(numericLocale({ LC_ALL: '', LC_NUMERIC: 'de_CH.UTF-8', LANG: 'fr_FR' })).toBe('de-CH');
    expect(numericLocale({ LANG: 'pt_BR' })).toBe('pt-BR');
    expect(numericLocale({ LANG: 'C.UTF-8' })).toBe('en');
    expect(numericLocale({ LC_ALL: 'POSIX' })).toBe('en');
    expect(numericLocale({})).toBeUndefined();
  });

  it('decides the separator by the decimal separator the locale writes', () => {
    expect(excelDialect('fr-FR')).toEqual({ separator: ';', decimalComma: true, bom: true });
    expect(excelDialect('de-DE')).toEqual({ separator: ';', decimalComma: true, bom: true });
    // Swiss German writes 1.5: commas, as in English.
    expect(excelDialect('de-CH')).toEqual({ separator: ',', decimalComma: false, bom: true });
    expect(excelDialect('en-US')).toEqual({ separator: ',', decimalComma: false, bom: true });
    expect(excelDialect('not a locale')).toEqual({ separator: ',', decimalComma: false, bom: true });
  });
});
