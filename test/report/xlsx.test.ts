import { afterAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT } from '../helpers/cli.js';
import { runInProcess } from '../helpers/in-process.js';
import { readWorkbook, values, zipEntryDates, type WorkbookSheet } from '../helpers/xlsx.js';

/**
 * `--format xlsx`, read back as a spreadsheet reads it (zip + XML, test/helpers/xlsx.ts): the
 * sheets, bold headers, numbers as number cells, every answer with its note, texts from the files
 * as string cells (never formulas), the same bytes on every run.
 */

const dir = mkdtempSync(join(tmpdir(), 'cm-maturity-xlsx-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const MIDDLE = join(ROOT, 'examples/community@1.0/middle.yaml');
const CAFE = join(ROOT, 'test/fixtures/spreadsheets/cafe.yaml');
const BETA = join(ROOT, 'test/fixtures/spreadsheets/beta.yaml');

let runs = 0;

/** Runs score with -f xlsx into a new file and returns its bytes. */
async function xlsx(args: string[]): Promise<Buffer> {
  const file = join(dir, `run-${(runs += 1)}.xlsx`);
  const result = await runInProcess(['score', ...args, '-f', 'xlsx', '-o', file]);
  expect(result.code, result.stderr).toBe(0);
  expect(result.stdout).toBe('');
  return readFileSync(file);
}

function sheet(sheets: WorkbookSheet[], name: string): WorkbookSheet {
  const found = sheets.find((candidate) => candidate.name === name);
  if (!found) throw new Error(`no sheet ${name}`);
  return found;
}

describe('score <file> --format xlsx', () => {
  it('writes the assessment, scores, stage grid, next steps and answers sheets with bold headers', async () => {
    const sheets = readWorkbook(await xlsx([MIDDLE]));
    expect(sheets.map((s) => s.name)).toEqual(['Assessment', 'Scores', 'Stage grid', 'Next steps', 'Answers']);
    for (const s of sheets) {
      expect(s.rows[0]!.every((cell) => cell?.bold === true && cell.type === 's'), s.name).toBe(true);
      expect(s.rows.slice(1).flat().some((cell) => cell?.bold), s.name).toBe(false);
    }
    expect(values(sheet(sheets, 'Scores'))[0]).toEqual(['Competency', 'Stage', 'Level', 'Score']);
    expect(values(sheet(sheets, 'Stage grid'))[0]).toEqual(['Competency', 'Emergent Community', 'Community', 'Network', 'Current stage']);
    expect(values(sheet(sheets, 'Next steps'))[0]).toEqual(['Competency', 'Stage', 'Indicator', 'Text', 'Answer', 'Note', 'Advice']);
    expect(values(sheet(sheets, 'Answers'))[0]).toEqual(['Indicator', 'Competency', 'Stage', 'Text', 'Answer', 'Note']);
  });

  it('writes scores, levels and attainments as number cells (Strategy, as worked out in the README)', async () => {
    const sheets = readWorkbook(await xlsx([MIDDLE]));
    // Strategy: level 3 (Community), 3 + 0.333 / 0.75 = 3.44; attainments 0.916, 0.75, 0.333.
    const scores = sheet(sheets, 'Scores').rows;
    expect(scores[1]).toEqual([
      { type: 's', value: 'Strategy', bold: false, format: '@' },
      { type: 's', value: 'Community', bold: false, format: '@' },
      { type: 'n', value: 3, bold: false, format: 'General' },
      { type: 'n', value: 3.44, bold: false, format: '0.00' },
    ]);
    expect(scores).toHaveLength(1 + 8 + 1);
    expect(values(sheet(sheets, 'Scores')).at(-1)!.slice(0, 1)).toEqual(['Overall']);
    const grid = sheet(sheets, 'Stage grid').rows[1]!;
    expect(grid.slice(1, 4)).toEqual([0.91, 0.75, 0.33].map((value) => ({ type: 'n', value, bold: false, format: '0%' })));
    expect(grid[4]!.value).toBe('Community');
  });

  it('lists every answer with its note, and every next step', async () => {
    const sheets = readWorkbook(await xlsx([MIDDLE]));
    const answers = values(sheet(sheets, 'Answers'));
    expect(answers).toHaveLength(1 + 72);
    expect(answers).toContainEqual([
      'strategy.sponsor',
      'Strategy',
      'Emergent Community',
      expect.any(String),
      'yes',
      'Chief Customer Officer sponsor since 2024; quarterly one-to-ones in her calendar',
    ]);
    // The three Network indicators of Strategy, the one answered no first (README).
    const strategySteps = values(sheet(sheets, 'Next steps')).filter((row) => row[0] === 'Strategy');
    expect(strategySteps).toHaveLength(3);
    expect(strategySteps[0]!.slice(1, 5)).toEqual(['Network', 'strategy.portfolio', expect.any(String), 'no']);
    const assessment = values(sheet(sheets, 'Assessment'));
    expect(assessment).toContainEqual(['Organisation', 'Larkspur Analytics']);
    expect(assessment).toContainEqual(['Date', '2026-09-15']);
  });

  it('keeps texts from the files as string cells: a note that starts with = is no formula, and gets no quote', async () => {
    const hostile = join(dir, 'hostile.yaml');
    writeFileSync(
      hostile,
      readFileSync(CAFE, 'utf8')
        .replace('organisation: Café Olé', 'organisation: "=HYPERLINK(\\"https://evil.example\\",\\"click\\")"')
        .replace('model: ./model.yaml', `model: ${JSON.stringify(join(ROOT, 'test/fixtures/spreadsheets/model.yaml'))}`),
    );
    const bytes = await xlsx([hostile]);
    const sheets = readWorkbook(bytes);
    const cells = sheets.flatMap((s) => s.rows.flat()).filter((cell) => cell !== null);
    expect(cells.some((cell) => cell.type === 'f')).toBe(false);
    const written = sheet(sheets, 'Answers').rows.find((row) => row[0]?.value === 'goals.written')!;
    expect(written[5]).toEqual({ type: 's', value: '=SUM(A1:A2)', bold: false, format: '@' });
    expect(sheet(sheets, 'Assessment').rows[1]![1]).toEqual({ type: 's', value: '=HYPERLINK("https://evil.example","click")', bold: false, format: '@' });
    const owner = sheet(sheets, 'Answers').rows.find((row) => row[0]?.value === 'people.owner')!;
    expect(owner[5]!.value).toBe('Shared; part-time\nsince May');
    // No formula element anywhere in the sheets' XML.
    expect(Buffer.from(bytes).includes('<f>')).toBe(false);
  });

  it('writes any text as itself: names of object properties, markup, control characters, carriage returns', async () => {
    const odd = join(dir, 'odd.yaml');
    writeFileSync(
      odd,
      readFileSync(BETA, 'utf8')
        .replace('organisation: Beta', 'organisation: constructor')
        .replace('goals.written: "yes"', 'goals.written: { answer: "yes", note: "__proto__" }')
        .replace('goals.shared: "yes"', 'goals.shared: { answer: "yes", note: "toString" }')
        .replace('people.owner: "yes"', 'people.owner: { answer: "yes", note: "<b>&amp;</b> \\"q\\" \\u0007bell\\r\\nCRLF" }')
        .replace('model: ./model.yaml', `model: ${JSON.stringify(join(ROOT, 'test/fixtures/spreadsheets/model.yaml'))}`),
    );
    const sheets = readWorkbook(await xlsx([odd]));
    expect(values(sheet(sheets, 'Assessment'))[1]).toEqual(['Organisation', 'constructor']);
    const notes = Object.fromEntries(sheet(sheets, 'Answers').rows.slice(1).map((row) => [row[0]!.value, row[5]?.value]));
    expect(notes).toEqual({
      'goals.written': '__proto__',
      'goals.shared': 'toString',
      'goals.measured': undefined,
      'people.owner': '<b>&amp;</b> "q" bell\r\nCRLF',
      'people.network': undefined,
    });
  });

  it('cuts a text longer than a cell holds (32,767 characters), ending in …', async () => {
    const long = join(dir, 'long.yaml');
    writeFileSync(
      long,
      readFileSync(BETA, 'utf8')
        .replace('goals.shared: "yes"', `goals.shared: { answer: "yes", note: "${'é'.repeat(40_000)}" }`)
        .replace('model: ./model.yaml', `model: ${JSON.stringify(join(ROOT, 'test/fixtures/spreadsheets/model.yaml'))}`),
    );
    const answers = sheet(readWorkbook(await xlsx([long])), 'Answers');
    const note = answers.rows.find((row) => row[0]?.value === 'goals.shared')![5]!.value as string;
    expect(note).toHaveLength(32_767);
    expect(note).toBe(`${'é'.repeat(32_766)}…`);
  });

  it('is the same bytes on every run, its zip entries dated by the answers file, whatever the time zone', async () => {
    const first = await xlsx([MIDDLE]);
    // Zip dates are local time: fourteen hours ahead of UTC, they must read the same.
    const zone = process.env.TZ;
    process.env.TZ = 'Pacific/Kiritimati';
    let second: Buffer;
    try {
      second = await xlsx([MIDDLE]);
    } finally {
      if (zone === undefined) delete process.env.TZ;
      else process.env.TZ = zone;
    }
    expect(second.equals(first)).toBe(true);
    const dates = zipEntryDates(first);
    expect(dates.length).toBeGreaterThan(5);
    expect(new Set(dates)).toEqual(new Set(['2026-09-15 12:00']));
    expect(readFileSync(join(dir, `run-${runs}.xlsx`)).includes('docProps/core.xml')).toBe(false);
  });

  it('dates an undated assessment 1980-01-01, the earliest a zip can hold', async () => {
    const undated = join(dir, 'undated.yaml');
    writeFileSync(undated, readFileSync(BETA, 'utf8').replace('date: 2026-04-01\n', '').replace('model: ./model.yaml', `model: ${JSON.stringify(join(ROOT, 'test/fixtures/spreadsheets/model.yaml'))}`));
    expect(new Set(zipEntryDates(await xlsx([undated])))).toEqual(new Set(['1980-01-01 12:00']));
  });

  it('refuses a terminal as standard output (exit 2), before writing anything', async () => {
    for (const args of [[MIDDLE], [CAFE, BETA], [MIDDLE, '-o', '-']]) {
      const result = await runInProcess(['score', ...args, '-f', 'xlsx'], { stdoutIsTTY: true });
      expect(result.code).toBe(2);
      expect(result.stderr).toContain('xlsx is binary: use -o file.xlsx');
      expect(result.stdout).toBe('');
    }
  });
});

describe('score <files...> --format xlsx', () => {
  it('writes every organisation’s scores, in --sort order, and every answer with its note', async () => {
    const sheets = readWorkbook(await xlsx([CAFE, BETA]));
    expect(sheets.map((s) => s.name)).toEqual(['Scores', 'Answers']);
    // Beta: goals 2 + 0.5 / 0.75 = 2.66, Équipe 2.00, overall 2.33; Café Olé: goals 2.00,
    // Équipe 1 + 0.5 / 0.75 = 1.66, overall 1.83.
    expect(values(sheet(sheets, 'Scores'))).toEqual([
      ['Organisation', 'File', 'Date', 'Overall stage', 'Overall level', 'Overall score', 'Goals', 'Goals stage', 'Équipe', 'Équipe stage'],
      ['Beta', BETA, '2026-04-01', 'Grown', 2, 2.33, 2.66, 'Grown', 2, 'Grown'],
      ['Café Olé', CAFE, '2026-03-01', 'Start', 1, 1.83, 2, 'Grown', 1.66, 'Start'],
    ]);
    const scoreCells = sheet(sheets, 'Scores').rows[1]!;
    expect(scoreCells.map((cell) => cell?.type)).toEqual(['s', 's', 's', 's', 'n', 'n', 'n', 's', 'n', 's']);
    expect(scoreCells[5]!.format).toBe('0.00');
    expect(values(sheet(sheets, 'Answers'))).toEqual([
      ['Organisation', 'File', 'Competency', 'Indicator', 'Stage', 'Answer', 'Note'],
      ['Beta', BETA, 'Goals', 'goals.written', 'Grown', 'yes'],
      ['Beta', BETA, 'Goals', 'goals.shared', 'Grown', 'yes'],
      ['Beta', BETA, 'Goals', 'goals.measured', 'Full', 'partly'],
      ['Beta', BETA, 'Équipe', 'people.owner', 'Grown', 'yes'],
      ['Beta', BETA, 'Équipe', 'people.network', 'Full'],
      ['Café Olé', CAFE, 'Goals', 'goals.written', 'Grown', 'yes', '=SUM(A1:A2)'],
      ['Café Olé', CAFE, 'Goals', 'goals.shared', 'Grown', 'partly'],
      ['Café Olé', CAFE, 'Goals', 'goals.measured', 'Full', 'no'],
      ['Café Olé', CAFE, 'Équipe', 'people.owner', 'Grown', 'partly', 'Shared; part-time\nsince May'],
      ['Café Olé', CAFE, 'Équipe', 'people.network', 'Full', 'n/a'],
    ]);
  });

  it('is the same bytes on every run, dated by the latest assessment', async () => {
    const first = await xlsx([CAFE, BETA]);
    const second = await xlsx([BETA, CAFE]);
    expect(second.equals(first)).toBe(true);
    expect(new Set(zipEntryDates(first))).toEqual(new Set(['2026-04-01 12:00']));
  });
});
