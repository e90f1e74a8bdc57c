import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { Ajv } from 'ajv';
import { parse } from 'yaml';
import { importMapJsonSchema, jsonSchemaText } from '../../src/schema/json-schema.js';
import { ROOT } from '../helpers/cli.js';
import { runInProcess } from '../helpers/in-process.js';

/**
 * `import` over test/fixtures/import, against the built-in model community@2.0 (scale yes,
 * mostly, partly, no; French labels Oui, Plutôt oui, Partiellement, Non from its translation).
 */
const DIR = join(ROOT, 'test/fixtures/import');
const BAD = join(DIR, 'bad');

const temp = mkdtempSync(join(tmpdir(), 'cm-maturity-import-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

let folders = 0;
/** A folder to write into that does not exist yet. */
function fresh(): string {
  folders += 1;
  return join(temp, `out-${folders}`);
}

/** The files written in a folder, by name, parsed. */
function written(folder: string): Record<string, Record<string, unknown>> {
  return Object.fromEntries(readdirSync(folder).sort().map((name) => [name, parse(readFileSync(join(folder, name), 'utf8')) as Record<string, unknown>]));
}

/** The answers a file gives, unanswered indicators left out. */
function answered(file: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(file.answers as Record<string, unknown>).filter(([, answer]) => answer !== null));
}

describe('import: matching columns and answers', () => {
  it('reads a Google Forms export: ids in brackets, labels in English and French in any case and accents, notes, names, roles and timestamps', async () => {
    const out = fresh();
    const result = await runInProcess(['import', join(DIR, 'google.csv'), '-o', out, '--organisation', 'Acme Corp']);
    expect(result).toMatchObject({ code: 0, stdout: '', stderr: `wrote 3 answers files in ${out}: r01.yaml to r03.yaml\n` });
    const files = written(out);
    expect(Object.keys(files)).toEqual(['r01.yaml', 'r02.yaml', 'r03.yaml']);
    expect(files['r01.yaml']).toMatchObject({ organisation: 'Acme Corp', date: '2026-10-08', model: 'community@2.0', respondent: { name: 'Alice Martin', role: 'community manager' } });
    // Yes, mostly, Partly: a label, an id, a label in another case; the note column joins its answer.
    expect(answered(files['r01.yaml']!)).toEqual({ 'strategy.purpose': { answer: 'yes', note: 'Written in the charter, page 2.' }, 'strategy.sponsor': 'mostly', 'strategy.audience': 'partly' });
    // Plutôt oui, plutot OUI, n/a; no name given: the role alone.
    expect(files['r02.yaml']).toMatchObject({ date: '2026-10-09', respondent: { role: 'executive sponsor' } });
    expect(answered(files['r02.yaml']!)).toEqual({ 'strategy.purpose': 'mostly', 'strategy.sponsor': 'mostly', 'strategy.audience': 'n/a' });
    // NON, Sans objet, and an empty cell: unanswered.
    expect(files['r03.yaml']).toMatchObject({ respondent: { name: 'Bob' } });
    expect(answered(files['r03.yaml']!)).toEqual({ 'strategy.purpose': 'no', 'strategy.sponsor': 'n/a' });
    expect(files['r03.yaml']!.answers).toHaveProperty(['strategy.audience'], null);
    // The layout init writes: every indicator of the model, each under its comment.
    const text = readFileSync(join(out, 'r01.yaml'), 'utf8');
    expect(text.split('\n')[0]).toMatch(/^# yaml-language-server: \$schema=.*answers\.community@2\.0\.schema\.json$/);
    expect(Object.keys(files['r01.yaml']!.answers as object)).toHaveLength(106);
    expect((await runInProcess(['validate', out])).code).toBe(0);
  });

  it('reads a French Excel export: byte-order mark, semicolons, CRLF, a line break inside a quoted cell, day-first dates shown by the column', async () => {
    const out = fresh();
    const result = await runInProcess(['import', join(DIR, 'french-excel.csv'), '-o', out, '--organisation', 'Acme', '--lang', 'fr']);
    expect(result).toMatchObject({ code: 0, stderr: `2 fichiers de réponses écrits dans ${out}\u00a0: de r01.yaml à r02.yaml\n` });
    const files = written(out);
    // 08/10/2026 is the 8th of October: 13/10/2026 in the same column can only be day first.
    expect(files['r01.yaml']).toMatchObject({ date: '2026-10-08', respondent: { name: 'Chloé' } });
    expect(answered(files['r01.yaml']!)).toEqual({ 'strategy.purpose': 'yes', 'strategy.sponsor': 'partly' });
    expect(files['r02.yaml']).toMatchObject({ date: '2026-10-13', respondent: { name: 'Denis' } });
    expect(answered(files['r02.yaml']!)).toEqual({ 'strategy.purpose': 'partly', 'strategy.sponsor': 'n/a' });
    // The comments are in the run's language.
    expect(readFileSync(join(out, 'r01.yaml'), 'utf8')).toContain('# qui a répondu');
  });

  it('reads a Microsoft Forms export with a mapping file: known columns recognised, the e-mail never written, month-first dates shown by the column', async () => {
    const out = fresh();
    const result = await runInProcess(['import', join(DIR, 'microsoft.csv'), '--map', join(DIR, 'microsoft.map.yaml'), '-o', out, '--organisation', 'Acme', '-q']);
    expect(result).toMatchObject({ code: 0, stdout: '', stderr: '' });
    const files = written(out);
    expect(files['r01.yaml']).toMatchObject({ date: '2026-10-08', respondent: { name: 'Alice Martin' } });
    expect(files['r02.yaml']).toMatchObject({ date: '2026-10-13', respondent: { name: 'Bob' } });
    expect(answered(files['r02.yaml']!)).toEqual({ 'strategy.purpose': 'partly', 'strategy.sponsor': 'no' });
    for (const name of ['r01.yaml', 'r02.yaml']) expect(readFileSync(join(out, name), 'utf8')).not.toMatch(/example\.org|Sales/);
  });

  it('takes the organisation from a column, --organisation filling the rows that leave it empty', async () => {
    const csv = join(temp, 'organisations.csv');
    writeFileSync(csv, 'Organisation [organisation],Purpose [strategy.purpose]\nHarbour Guild,yes\n,no\n');
    const out = fresh();
    expect((await runInProcess(['import', csv, '-o', out, '--organisation', 'Acme', '-q'])).code).toBe(0);
    expect(Object.values(written(out)).map((file) => file.organisation)).toEqual(['Harbour Guild', 'Acme']);
    const without = await runInProcess(['import', csv, '-o', fresh()]);
    expect(without).toMatchObject({ code: 2, stderr: `${csv}:3:1: no organisation in this row: fill it in, or give --organisation for the rows without one\n` });
  });

  it('reads the export from standard input', async () => {
    const out = fresh();
    const result = await runInProcess(['import', '-', '-o', out, '--organisation', 'Acme', '-q'], { input: 'Purpose [strategy.purpose],Note [strategy.purpose note]\nPartiellement,"Two\nlines"\n' });
    expect(result).toMatchObject({ code: 0, stderr: '' });
    expect(answered(written(out)['r01.yaml']!)).toEqual({ 'strategy.purpose': { answer: 'partly', note: 'Two\nlines' } });
  });

    it('passes over a column without a title or a cell (a separator at the end of each line), not one whose cells hold something', async () => {
    const trailing = join(temp, 'trailing.csv');
    writeFileSync(trailing, 'Purpose [strategy.purpose],\nyes,\n');
    const out = fresh();
    expect((await runInProcess(['import', trailing, '-o', out, '--organisation', 'Acme', '-q'])).code).toBe(0);
    expect(answered(written(out)['r01.yaml']!)).toEqual({ 'strategy.purpose': 'yes' });
    const untitled = join(temp, 'untitled.csv');
    writeFileSync(untitled, 'Purpose [strategy.purpose],\nyes,mostly\n');
    expect(await refused([untitled, '--organisation', 'Acme'])).toBe(`${untitled}:1:2: column "" holds no indicator: end its title with the indicator id in brackets ([strategy.purpose]), or name it in a mapping file (--map), under ignore: to pass it over\n`);
  });

  it('reads the dates as --dates says, refusing one that does not exist in that order', async () => {
    const out = fresh();
    expect((await runInProcess(['import', join(BAD, 'ambiguous-date.csv'), '-o', out, '--organisation', 'Acme', '--dates', 'day-first', '-q'])).code).toBe(0);
    expect(written(out)['r01.yaml']).toMatchObject({ date: '2026-08-10' });
    const refused = await runInProcess(['import', join(BAD, 'mixed-dates.csv'), '-o', fresh(), '--organisation', 'Acme', '--dates', 'day-first']);
    expect(refused).toMatchObject({ code: 2, stderr: `${join(BAD, 'mixed-dates.csv')}:3:1: "10/13/26 09:00:00" is not a date read day first\n` });
  });

  it('refuses files that exist without --force, writing none; replaces them with it', async () => {
    const out = fresh();
    mkdirSync(out);
    writeFileSync(join(out, 'r02.yaml'), 'kept\n');
    const refused = await runInProcess(['import', join(DIR, 'google.csv'), '-o', out, '--organisation', 'Acme']);
    expect(refused).toMatchObject({ code: 2, stderr: `cm-maturity: error: ${join(out, 'r02.yaml')} already exists; use --force to replace it\n` });
    expect(readdirSync(out)).toEqual(['r02.yaml']);
    expect(readFileSync(join(out, 'r02.yaml'), 'utf8')).toBe('kept\n');
    expect((await runInProcess(['import', join(DIR, 'google.csv'), '-o', out, '--organisation', 'Acme', '--force', '-q'])).code).toBe(0);
    expect(readdirSync(out).sort()).toEqual(['r01.yaml', 'r02.yaml', 'r03.yaml']);
  });
});

/** An import that fails: exit 2, its standard error, and nothing written. */
async function refused(args: string[]): Promise<string> {
  const out = fresh();
  const result = await runInProcess(['import', ...args, '-o', out]);
  expect(result.code).toBe(2);
  expect(result.stdout).toBe('');
  expect(existsSync(out)).toBe(false);
  return result.stderr;
}

// English labels differ from the ids only by their case, which is not shown again.
const ACCEPTED = 'yes (Oui), mostly (Plutôt oui), partly (Partiellement), no (Non), n/a (Sans objet)';

describe('import: every problem at its row and column, nothing written', () => {
  const organisation = ['--organisation', 'Acme'];
  const cases: [string, string[], string][] = [
    ['unknown-indicator.csv', organisation, '1:2: [strategy.purpse] names no indicator of community 2.0 (did you mean strategy.purpose?)'],
    ['unmatched-column.csv', organisation, '1:3: column "Favourite colour" holds no indicator: end its title with the indicator id in brackets ([strategy.purpose]), or name it in a mapping file (--map), under ignore: to pass it over'],
    ['column-twice.csv', organisation, '1:2: the answer to strategy.purpose is already in column A (1): one column for each'],
    ['unknown-answer.csv', organisation, `3:1: "Peut-être" is not an answer to strategy.purpose; accepted, in any case and with or without accents: ${ACCEPTED}; an empty cell is unanswered`],
    ['ambiguous-date.csv', organisation, '2:1: "10/8/26 14:03:11" may be 2026-08-10 (day first) or 2026-10-08 (month first), and no other date of the column says which: give --dates day-first or month-first, or dates: in the mapping file'],
    ['header-only.csv', organisation, "1:1: the export has a header row but no respondent's row"],
    ['unclosed-quote.csv', organisation, '3:1: a quote opened in this row is never closed'],
    ['extra-cells.csv', organisation, '2:3: this row has 3 cells, but the header row only 2'],
    ['control-character.csv', organisation, '2:3: the cell holds U+0007, a control character or noncharacter that an answers file cannot hold; remove it'],
  ];
  for (const [fixture, options, expected] of cases) {
    it(`${fixture}${options.length === 0 ? ' without --organisation' : ''}`, async () => {
      expect(await refused([join(BAD, fixture), ...options])).toBe(`${join(BAD, fixture)}:${expected}\n`);
    });
  }

  it('no organisation given, with the other problems of the export', async () => {
    const file = join(BAD, 'unknown-answer.csv');
    expect((await refused([file])).split('\n')).toEqual([
      `${file}:1:1: no organisation: give --organisation "Acme Corp", or a column titled … [organisation] or named by organisation: in the mapping file`,
      `${file}:3:1: "Peut-être" is not an answer to strategy.purpose; accepted, in any case and with or without accents: ${ACCEPTED}; an empty cell is unanswered`,
      '',
    ]);
  });

  it('numbers rows as a spreadsheet does: a line break inside a quoted cell does not start a row', async () => {
    const file = join(BAD, 'after-line-break.csv');
    // Line 4 of the file, row 3 of the spreadsheet.
    expect(await refused([file, ...organisation])).toBe(`${file}:3:1: "perhaps" is not an answer to strategy.purpose; accepted, in any case and with or without accents: ${ACCEPTED}; an empty cell is unanswered\n`);
  });

  it('an export that is not UTF-8, as Excel saves "CSV" in Windows-1252', async () => {
    const file = join(BAD, 'latin1.csv');
    expect(await refused([file, ...organisation])).toBe(`${file}:2:5: is not valid UTF-8 text (save it as UTF-8)\n`);
  });

    it('a date that is none, or does not exist', async () => {
    const file = join(BAD, 'bad-date.csv');
    expect(await refused([file, ...organisation])).toBe(
      [
        `${file}:2:1: "yesterday" is not a date: write it as 2026-10-08, 2026/10/08 14:03:11 UTC+2 or 08/10/2026 14:03`,
        `${file}:3:1: "2026-02-30" is not a date: write it as 2026-10-08, 2026/10/08 14:03:11 UTC+2 or 08/10/2026 14:03`,
        '',
      ].join('\n'),
    );
  });

  it('dates written day first in one row and month first in another', async () => {
    const file = join(BAD, 'mixed-dates.csv');
    const message = 'this column writes dates day first (row 2) and month first (row 3); say which with --dates, or dates: in the mapping file';
    expect(await refused([file, ...organisation])).toBe(`${file}:2:1: "13/10/26 14:03:11": ${message}\n${file}:3:1: "10/13/26 09:00:00": ${message}\n`);
  });

  it('an empty export', async () => {
    const file = join(BAD, 'empty.csv');
    expect(await refused([file, ...organisation])).toBe(`${file}:1:1: the export is empty: it needs a header row of question titles and one row per respondent\n`);
  });

  it('every problem of an export at once, in order of rows and columns', async () => {
    const file = join(BAD, 'many.csv');
    expect((await refused([file, ...organisation])).split('\n')).toEqual([
      `${file}:1:1: column "Favourite colour" holds no indicator: end its title with the indicator id in brackets ([strategy.purpose]), or name it in a mapping file (--map), under ignore: to pass it over`,
      `${file}:1:3: [strategy.purpse] names no indicator of community 2.0 (did you mean strategy.purpose?)`,
      `${file}:2:4: "peut-être" is not an answer to strategy.sponsor; accepted, in any case and with or without accents: ${ACCEPTED}; an empty cell is unanswered`,
      `${file}:3:2: "yesterday" is not a date: write it as 2026-10-08, 2026/10/08 14:03:11 UTC+2 or 08/10/2026 14:03`,
      '',
    ]);
  });

  it('in French', async () => {
    const file = join(BAD, 'unknown-answer.csv');
    expect(await refused([file, '--organisation', 'Acme', '--lang', 'fr'])).toBe(
      `${file}:3:1: "Peut-être" n’est pas une réponse à strategy.purpose\u202f; réponses acceptées, quelles que soient la casse et les accents\u00a0: ${ACCEPTED}\u202f; une cellule vide est sans réponse\n`,
    );
  });

  it('a mapping file: a title no column has, an unknown indicator, a column named twice, each at its line', async () => {
    const map = join(BAD, 'bad.map.yaml');
    const unmatched = 'holds no indicator: end its title with the indicator id in brackets ([strategy.purpose]), or name it in a mapping file (--map), under ignore: to pass it over';
    expect((await refused([join(DIR, 'microsoft.csv'), '--map', map, ...organisation])).split('\n')).toEqual([
      `${map}:2:30: strategy.purpse is not an indicator of community 2.0 (did you mean strategy.purpose?)`,
      `${map}:3:3: no column of the export is titled "Is there a sponsr?" (did you mean "Is there a sponsor?"?)`,
      `${map}:4:7: column "How clear is the purpose?" is already named above: a column holds one thing`,
      // The columns the mapping file misses, "Is there a sponsor?" for its misspelt title.
      `${join(DIR, 'microsoft.csv')}:1:7: column "Is there a sponsor?" ${unmatched}`,
      `${join(DIR, 'microsoft.csv')}:1:8: column "Your team" ${unmatched}`,
      '',
    ]);
    const twice = join(BAD, 'mapped-twice.map.yaml');
    expect(await refused([join(DIR, 'microsoft.csv'), '--map', twice, ...organisation])).toBe(`${twice}:6:5: column "Is there a sponsor?" is already named above: a column holds one thing\n`);
  });

  it('a mapping file of the wrong shape, with an unreadable export: both reported', async () => {
    const map = join(BAD, 'bad-shape.map.yaml');
    const stderr = await refused([join(BAD, 'unclosed-quote.csv'), '--map', map, ...organisation]);
    expect(stderr).toContain(`${map}:1:1: `);
    expect(stderr).toContain(`${map}:3:8: `);
    expect(stderr).toContain(`${join(BAD, 'unclosed-quote.csv')}:3:1: a quote opened in this row is never closed`);
    expect(stderr.trim().split('\n')).toHaveLength(3);
  });
});

describe('the mapping file JSON Schema', () => {
  it('is the committed file, equal to fresh output, and accepts a good mapping file but not one of the wrong shape', () => {
    const text = readFileSync(join(ROOT, 'schema/import-map.schema.json'), 'utf8');
    expect(text).toBe(jsonSchemaText(importMapJsonSchema()));
    const validate = new Ajv({ strict: true }).compile(JSON.parse(text) as object);
    expect(validate(parse(readFileSync(join(DIR, 'microsoft.map.yaml'), 'utf8'))), JSON.stringify(validate.errors)).toBe(true);
    expect(validate(parse(readFileSync(join(BAD, 'bad-shape.map.yaml'), 'utf8')))).toBe(false);
  });
});

describe('import --help', () => {
  it('lists every option, each documented in the README', async () => {
    const result = await runInProcess(['import', '--help']);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^Usage: cm-maturity import \[options\] <export>/);
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    for (const option of ['--map <file>', '-m, --model <id|path>', '--organisation <name>', '--dates <order>', '-o, --output <folder>', '--force', '-q, --quiet', '--no-color']) {
      expect(result.stdout).toContain(`  ${option} `);
    }
    for (const option of ['`--map <file>`', '`-m, --model <id\\|path>`', '`--organisation <name>`', '`--dates <day-first\\|month-first>`', '`-o, --output <folder>`', '`--force`', '`-q, --quiet`']) {
      expect(readme).toContain(`| ${option} |`);
    }
  });
});
