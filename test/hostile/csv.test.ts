import { describe, expect, it } from 'vitest';
import { parse } from 'csv-parse/sync';
import { runCli } from '../helpers/cli.js';
import { runInProcess } from '../helpers/in-process.js';
import { copyFixture, fixture, tempFolder, withValue } from './support.js';

/**
 * CSV formula injection (issue 13, class 5): every CSV the tool writes (portfolio, benchmark,
 * history), from test/fixtures/hostile/csv.yaml and its model, parsed back as a spreadsheet
 * would read it. A text cell that starts with = + - @, a tab or a carriage return gets a leading
 * `'`; numbers, negative ones included, are left as they are.
 */

const ORGANISATION = '=HYPERLINK("https://evil.example","click")';

/** The rows of a CSV; no cell would start a formula, unless it is a number. */
function expectInert(csv: string): string[][] {
  const rows = parse(csv) as string[][];
  for (const cell of rows.flat()) {
    if (/^[=+\-@\t\r\n]/.test(cell)) expect(cell, JSON.stringify(cell)).toMatch(/^-\d+\.\d+$/);
  }
  return rows;
}

function records(rows: string[][]): Record<string, string>[] {
  const [header, ...body] = rows;
  return body.map((row) => Object.fromEntries(header!.map((name, index) => [name, row[index]!])));
}

describe('every CSV the tool writes is inert in a spreadsheet', () => {
  const dir = tempFolder();
  // Two more organisations, every indicator met: the hostile one is below their median.
  const strong = [1, 2].map((n) =>
    copyFixture(dir, 'csv.yaml', `strong-${n}.yaml`, (text) =>
      ['goals.written', 'goals.shared', 'people.owner', 'tools.space'].reduce((t, id) => withValue(id, '"yes"')(t), withValue('organisation', `"@Strong ${n}"`)(text)),
    ),
  );

  it('score -f csv: the organisation name is prefixed, the scores are not', async () => {
    const result = await runInProcess(['score', fixture('csv.yaml'), ...strong, '-f', 'csv']);
    expect(result.code, result.stderr).toBe(0);
    const rows = records(expectInert(result.stdout));
    expect(rows.map((row) => row.organisation)).toEqual(["'@Strong 1", "'@Strong 2", `'${ORGANISATION}`]);
    expect(rows[2]).toMatchObject({ file: fixture('csv.yaml'), date: '2026-01-15', overall_score: '1.66', goals_score: '1.33', tools_score: '1.66' });
  });

  it('score -f csv with one file writes its one row the same way', async () => {
    const result = await runInProcess(['score', fixture('csv.yaml'), '-f', 'csv']);
    expect(result.code, result.stderr).toBe(0);
    expect(records(expectInert(result.stdout))[0]!.organisation).toBe(`'${ORGANISATION}`);
  });

  it('score -f csv: a carriage return inside a name is quoted, so that no row (and no formula) starts there', async () => {
    const split = copyFixture(dir, 'csv.yaml', 'split.yaml', withValue('organisation', '"Acme\\r=1+cmd|\' /C calc\'!A0"'));
    const result = await runInProcess(['score', split, '-f', 'csv']);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain(`"Acme\r=1+cmd|' /C calc'!A0"`);
    const rows = expectInert(result.stdout);
    expect(rows).toHaveLength(2);
    expect(records(rows)[0]!.organisation).toBe("Acme\r=1+cmd|' /C calc'!A0");
  });

  it('score -f csv: file names that start a formula, a tab or a carriage return are prefixed', () => {
    const names = ['=cmd.yaml', '+cmd.yaml', '-cmd.yaml', '@cmd.yaml', '\tcmd.yaml', '\rcmd.yaml'];
    for (const name of names) copyFixture(dir, 'csv.yaml', name, withValue('organisation', JSON.stringify(`Org ${names.indexOf(name)}`)));
    const result = runCli(['score', '--sort', 'name', '-f', 'csv', '--', ...names], { cwd: dir });
    expect(result.code, result.stderr).toBe(0);
    expect(records(expectInert(result.stdout)).map((row) => row.file)).toEqual(names.map((name) => `'${name}`));
  });

  it('benchmark -f csv: competency names are prefixed, negative gaps are numbers', async () => {
    const result = await runInProcess(['benchmark', fixture('csv.yaml'), ...strong, '--org', fixture('csv.yaml'), '-f', 'csv']);
    expect(result.code, result.stderr).toBe(0);
    const rows = records(expectInert(result.stdout));
    expect(rows.map((row) => row.name)).toEqual(["'+cmd|' /C calc'!A0", "'-2+3+cmd|' /C calc'!A0", "'@SUM(A1:A9)", 'Overall']);
    // Goals 1.33, people 2.00, tools 1.66, overall 1.66 against medians of 2.00.
    expect(rows.map((row) => row.org_gap)).toEqual(['-0.67', '0.00', '-0.34', '-0.34']);
    expect(rows[0]).toMatchObject({ competency: 'goals', min: '1.33', median: '2.00', org_score: '1.33', org_stage: 'start' });
  });

  it('history -f csv: dates and scores come back as written', async () => {
    const later = copyFixture(dir, 'csv.yaml', 'later.yaml', (text) => withValue('tools.space', '"yes"')(withValue('date', '2026-06-01')(text)));
    const result = await runInProcess(['history', fixture('csv.yaml'), later, '-f', 'csv']);
    expect(result.code, result.stderr).toBe(0);
    expect(expectInert(result.stdout)).toEqual([
      ['date', 'overall', 'goals', 'people', 'tools'],
      ['2026-01-15', '1.66', '1.33', '2.00', '1.66'],
      ['2026-06-01', '1.77', '1.33', '2.00', '2.00'],
    ]);
  });
});
