import { copyFileSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseCsv } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { reportSchema, type Report } from '../../src/schema/report.js';
import { BIN } from '../helpers/cli.js';
import { boxRows, COMPLETE_EXAMPLES, EXAMPLES, markdownCells, ok, okInProcess, ROOT, runCli, runInProcess, scoreJsonInProcess, tempDir } from './support.js';

// Scoring many files, sorting, the formats, gates and refusals run in this process
// (runInProcess). Spawned, as they are about the process: writing a file with -o (streamed, no
// temporary file left, the old file kept on a usage error), and runs of 200 or more files, which
// use worker threads (these work only from the built bundle) and may draw a progress bar on a
// terminal.

function portfolioJson(args: string[]): Promise<Report[]> {
  return okInProcess(['score', ...args, '--format', 'json']).then((stdout) => z.array(reportSchema).parse(JSON.parse(stdout)));
}

/** Every example's single-file report, by file. */
const SINGLE = new Map<string, Report>();
for (const file of EXAMPLES) SINGLE.set(file, await scoreJsonInProcess([file]));

/** A copy of an example with another organisation name, in a folder of its own. */
function renamed(folder: string, name: string, organisation: string, from = 'examples/community@1.0/middle.yaml'): string {
  const file = join(folder, name);
  const text = readFileSync(from, 'utf8').replace(/^organisation: .*$/m, `organisation: ${JSON.stringify(organisation)}`);
  writeFileSync(file, text);
  return file;
}

describe('score with several answers files', () => {
  it('scores files, folders and quoted glob patterns alike, one single-file report per organisation', async () => {
    const folder = tempDir();
    mkdirSync(join(folder, 'nested'));
    for (const file of EXAMPLES) copyFileSync(file, join(folder, file === 'examples/community@1.0/middle.yaml' ? 'nested/middle.yml' : file.slice('examples/community@1.0/'.length)));
    const byGlob = await portfolioJson(['examples/community@1.0/*.yaml']);
    const byFiles = await portfolioJson(EXAMPLES);
    const byFolder = await portfolioJson([folder]);
    expect(byGlob).toHaveLength(EXAMPLES.length);
    expect(byFiles).toEqual(byGlob);
    expect(byFolder).toEqual(byGlob);
    // The array holds exactly the single-file reports, highest overall score first.
    const expected = [...SINGLE.values()].sort((a, b) => b.overall.score - a.overall.score);
    expect(byGlob).toEqual(expected);
  });

  it('shows one table row per organisation with each competency and overall, sorted by overall score', async () => {
    // Wide enough for one table (at 80 columns the columns are split over three).
    const table = await okInProcess(['score', ...EXAMPLES, '--width', '200']);
    const rows = boxRows(table);
    const [head, ...body] = rows;
    expect(head).toEqual(['Organisation', 'File', 'strategy', 'leadership', 'culture', 'management', 'content', 'governance', 'tools', 'metrics', 'Overall', 'Stage', 'Answered']);
    const expected = [...SINGLE.entries()].sort(([, a], [, b]) => b.overall.score - a.overall.score);
    expect(body.map((row) => row[1])).toEqual(expected.map(([file]) => file));
    for (const [index, [file, report]] of expected.entries()) {
      // Every example answers all 72 indicators but partial.yaml, which answers 29: 40% (29/72 = 0.402…).
      const answered = file === 'examples/community@1.0/partial.yaml' ? '40%' : '100%';
      expect(body[index]).toEqual([report.organisation, file, ...report.competencies.map((competency) => competency.score.toFixed(2)), report.overall.score.toFixed(2), report.overall.stageName, answered]);
    }
    expect(table).toContain(`${EXAMPLES.length} organisations`);
  });

  it('sorts by --sort name, score (ties by name, then file) and a competency id', async () => {
    const folder = tempDir();
    const zeta = renamed(folder, 'a-zeta.yaml', 'Zeta');
    const alpha = renamed(folder, 'b-alpha.yaml', 'alpha');
    const alphaAgain = renamed(folder, 'a-alpha.yaml', 'alpha');
    const files = [zeta, alpha, alphaAgain, 'examples/community@1.0/early.yaml', 'examples/community@1.0/advanced.yaml'];
    const order = async (sort: string[]) => (await portfolioJson([...files, ...sort])).map((report) => report.organisation);
    const early = SINGLE.get('examples/community@1.0/early.yaml')!.organisation;
    const advanced = SINGLE.get('examples/community@1.0/advanced.yaml')!.organisation;
    // Three equal middle scores between advanced and early: alpha (a-alpha, then b-alpha), then Zeta.
    expect(await order([])).toEqual([advanced, 'alpha', 'alpha', 'Zeta', early]);
    expect(await order(['--sort', 'score'])).toEqual(await order([]));
    expect((await portfolioJson(files)).map((report) => report.organisation === 'alpha')).toEqual([false, true, true, false, false]);
    const csv = parseCsv(await okInProcess(['score', ...files, '-f', 'csv']), { columns: true }) as Record<string, string>[];
    expect(csv.map((row) => row.file)).toEqual(['examples/community@1.0/advanced.yaml', alphaAgain, alpha, zeta, 'examples/community@1.0/early.yaml']);
    expect(await order(['--sort', 'name'])).toEqual(['alpha', 'alpha', early, advanced, 'Zeta'].sort((a, b) => (a.toLowerCase() < b.toLowerCase() ? -1 : 1)));
    // content: middle 4.00 beats advanced 3.88, which beats early 1.66.
    expect(await order(['--sort', 'content'])).toEqual(['alpha', 'alpha', 'Zeta', advanced, early]);
    const markdown = (await okInProcess(['score', ...files, '-f', 'markdown', '--sort', 'name'])).split('\n').filter((line) => line.startsWith('| ') && !line.startsWith('| Organisation') && !line.startsWith('| ---'));
    expect(markdown.map((line) => markdownCells(line)[0])).toEqual(await order(['--sort', 'name']));
  });

  it('refuses an unknown --sort key, listing the valid ones', async () => {
    const result = await runInProcess(['score', ...EXAMPLES, '--sort', 'strategi']);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain('--sort: unknown key "strategi"');
    expect(result.stderr).toContain('score, name, strategy, leadership, culture, management, content, governance, tools, metrics');
  });

  it('writes jsonl in input order, one single-file report per line', async () => {
    const files = ['examples/community@1.0/early.yaml', 'examples/community@1.0/advanced.yaml', 'examples/community@1.0/middle.yaml'];
    const lines = (await okInProcess(['score', ...files, '--format', 'jsonl'])).split('\n');
    expect(lines.at(-1)).toBe('');
    expect(lines.slice(0, -1).map((line) => JSON.parse(line))).toEqual(files.map((file) => SINGLE.get(file)));
  });

  it('streams jsonl to a file with -o, leaving no temporary file behind, and keeps the old file on a usage error', () => {
    const folder = tempDir();
    const output = join(folder, 'portfolio.jsonl');
    expect(ok(['score', ...COMPLETE_EXAMPLES, '-f', 'jsonl', '-o', output])).toBe('');
    expect(readFileSync(output, 'utf8').trim().split('\n').map((line) => JSON.parse(line))).toEqual(COMPLETE_EXAMPLES.map((file) => SINGLE.get(file)));
    expect(readdirSync(folder)).toEqual(['portfolio.jsonl']);
    const refused = runCli(['score', ...COMPLETE_EXAMPLES, '-f', 'jsonl', '-o', output, '--sort', 'nope']);
    expect(refused.code).toBe(2);
    expect(readFileSync(output, 'utf8').trim().split('\n')).toHaveLength(COMPLETE_EXAMPLES.length);
    expect(readdirSync(folder)).toEqual(['portfolio.jsonl']);
  });

  it('writes RFC 4180 CSV, one row per organisation, whatever the names hold', async () => {
    const folder = tempDir();
    const hostile = 'Acme, "Quoted" & Co\nsecond line';
    const file = renamed(folder, 'hostile.yaml', hostile);
    const rows = parseCsv(await okInProcess(['score', file, 'examples/community@1.0/early.yaml', '-f', 'csv']), { columns: true }) as Record<string, string>[];
    expect(rows).toHaveLength(2);
    const middle = SINGLE.get('examples/community@1.0/middle.yaml')!;
    const early = SINGLE.get('examples/community@1.0/early.yaml')!;
    expect(rows[0]).toMatchObject({ file, organisation: hostile, date: middle.date, overall_level: String(middle.overall.level), overall_stage: middle.overall.stage, overall_score: middle.overall.score.toFixed(2) });
    expect(rows[0]!.strategy_score).toBe(middle.competencies[0]!.score.toFixed(2));
    expect(rows[0]!.strategy_stage).toBe(middle.competencies[0]!.stage);
    expect(rows[1]).toMatchObject({ file: 'examples/community@1.0/early.yaml', organisation: early.organisation, metrics_stage: early.competencies.at(-1)!.stage });
    expect(Object.keys(rows[0]!)).toEqual([
      'file',
      'organisation',
      'date',
      'overall_level',
      'overall_stage',
      'overall_score',
      ...middle.competencies.flatMap((competency) => [`${competency.id}_score`, `${competency.id}_stage`]),
      'completeness',
    ]);
    expect(rows.map((row) => row.completeness)).toEqual(['100%', '100%']);
    // The markdown table keeps the name on one row and its characters inert.
    const markdown = await okInProcess(['score', file, 'examples/community@1.0/early.yaml', '-f', 'markdown']);
    expect(markdown).toContain('| Acme, "Quoted" & Co second line |');
  });

  it('writes one line or one row for a single answers file, and a list for a folder holding one', async () => {
    const single = SINGLE.get('examples/community@1.0/middle.yaml')!;
    const jsonl = await okInProcess(['score', 'examples/community@1.0/middle.yaml', '-f', 'jsonl']);
    expect(jsonl.split('\n')).toHaveLength(2);
    expect(JSON.parse(jsonl)).toEqual(single);
    const csv = parseCsv(await okInProcess(['score', 'examples/community@1.0/middle.yaml', '-f', 'csv']), { columns: true }) as Record<string, string>[];
    expect(csv).toEqual([expect.objectContaining({ file: 'examples/community@1.0/middle.yaml', organisation: single.organisation })]);
    const folder = tempDir();
    copyFileSync('examples/community@1.0/middle.yaml', join(folder, 'middle.yaml'));
    expect(await portfolioJson([folder])).toEqual([single]);
  });

  it('reports the valid files when one is invalid, locates the errors and exits 2', async () => {
    const folder = tempDir();
    const unknown = join(folder, 'unknown.yaml');
    writeFileSync(unknown, 'organisation: Broken\nanswers:\n  strategy.nope: "yes"\n');
    const syntax = join(folder, 'syntax.yaml');
    writeFileSync(syntax, 'organisation: [unclosed\n');
    const result = await runInProcess(['score', 'examples/community@1.0/early.yaml', unknown, 'examples/community@1.0/advanced.yaml', syntax, '-f', 'json']);
    expect(result.code).toBe(2);
    const reports = JSON.parse(result.stdout) as Report[];
    expect(reports).toEqual([SINGLE.get('examples/community@1.0/advanced.yaml'), SINGLE.get('examples/community@1.0/early.yaml')]);
    expect(result.stderr).toMatch(new RegExp(`^${unknown.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:3:3: .*strategy\\.nope`, 'm'));
    expect(result.stderr).toMatch(new RegExp(`^${syntax.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:\\d+:\\d+: `, 'm'));
    expect(result.stderr).toContain('cm-maturity: error: 2 of 4 answers files are invalid (see above); the other 2 are reported');
  });

  it('applies gates to every organisation: exit 1, one stderr line per failure naming the file', async () => {
    const files = ['examples/community@1.0/early.yaml', 'examples/community@1.0/advanced.yaml', 'examples/community@1.0/middle.yaml'];
    const result = await runInProcess(['score', ...files, '--fail-under', 'community', '--require', 'strategy=3', '-f', 'json']);
    expect(result.code).toBe(1);
    const reports = JSON.parse(result.stdout) as Report[];
    const single = async (file: string) => JSON.parse((await runInProcess(['score', file, '--fail-under', 'community', '--require', 'strategy=3', '-f', 'json'])).stdout) as Report;
    const singles: Report[] = [];
    for (const file of files) singles.push(await single(file));
    expect(reports).toEqual(singles.sort((a, b) => b.overall.score - a.overall.score));
    const failures = result.stderr.trim().split('\n');
    // early fails both gates (overall 1.79, strategy 1.66); middle only the overall one (2.98); advanced none.
    expect(failures).toEqual([
      'cm-maturity: gate failed (--fail-under community (3)): examples/community@1.0/early.yaml: overall score 1.79 is below 3.00 by 1.21',
      'cm-maturity: gate failed (--require strategy=community (3)): examples/community@1.0/early.yaml: strategy score 1.66 is below 3.00 by 1.34',
      'cm-maturity: gate failed (--fail-under community (3)): examples/community@1.0/middle.yaml: overall score 2.98 is below 3.00 by 0.02',
    ]);
    const passing = await runInProcess(['score', 'examples/community@1.0/advanced.yaml', 'examples/community@1.0/middle.yaml', '--fail-under', '2.5']);
    expect(passing.code).toBe(0);
  });

  it('exits 2, not 1, when a file is invalid and a gate fails', async () => {
    const folder = tempDir();
    const broken = join(folder, 'broken.yaml');
    writeFileSync(broken, 'organisation: Broken\nanswers:\n  strategy.nope: "yes"\n');
    const result = await runInProcess(['score', 'examples/community@1.0/early.yaml', broken, '--fail-under', 'community', '--width', '200']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('examples/community@1.0/early.yaml: overall score');
    expect(boxRows(result.stdout)).toHaveLength(2);
  });

  it.each([
    [['--baseline', 'examples/community@1.0/early.yaml']],
    [['--baseline', 'examples/community@1.0/early.yaml', '--fail-on-regression']],
  ])('refuses %j with several answers files', async (options) => {
    const result = await runInProcess(['score', 'examples/community@1.0/middle.yaml', 'examples/community@1.0/advanced.yaml', ...options]);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe('cm-maturity: error: --baseline, --fail-on-regression and --allow-model-change take one answers file, not several\n');
  });

  it('refuses a folder without answers files among several arguments, but reads a lone one as a file', async () => {
    const empty = tempDir();
    const many = await runInProcess(['score', 'examples/community@1.0/middle.yaml', empty]);
    expect(many.code).toBe(2);
    expect(many.stdout).toBe('');
    expect(many.stderr).toBe(`cm-maturity: error: no *.yaml or *.yml files in folder ${empty}\n`);
    const lone = await runInProcess(['score', empty]);
    expect(lone.code).toBe(2);
    expect(lone.stderr).toContain(`${empty}:1:1: `);
  });

  it('refuses a one-organisation format with several answers files', async () => {
    const result = await runInProcess(['score', 'examples/community@1.0/middle.yaml', 'examples/community@1.0/advanced.yaml', '-f', 'junit']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('--format junit shows one organisation; with several answers files use table, json, markdown, jsonl, csv');
  });

  it('draws no progress bar on a pipe, even for hundreds of files, and streams every one', () => {
    const folder = tempDir();
    const count = 210;
    for (let index = 0; index < count; index++) copyFileSync('examples/community@1.0/early.yaml', join(folder, `org-${String(index).padStart(3, '0')}.yaml`));
    const output = join(tempDir(), 'portfolio.jsonl');
    const result = runCli(['score', folder, '-f', 'jsonl', '-o', output], { env: { CI: undefined } });
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('');
    const lines = readFileSync(output, 'utf8').trim().split('\n');
    expect(lines).toHaveLength(count);
    expect(JSON.parse(lines[count - 1]!)).toEqual(SINGLE.get('examples/community@1.0/early.yaml'));
  });
});

describe('the progress bar', () => {
  it('is drawn on a terminal for hundreds of files, redrawn in place and cleared at the end', async () => {
    const { spawn } = await import('node-pty');
    const folder = tempDir();
    const count = 201;
    for (let index = 0; index < count; index++) copyFileSync('examples/community@1.0/early.yaml', join(folder, `org-${String(index).padStart(3, '0')}.yaml`));
    const output = join(tempDir(), 'portfolio.csv');
    const env: Record<string, string> = {};
    for (const [key, value] of Object.entries(process.env)) if (value !== undefined && key !== 'CI' && key !== 'FORCE_COLOR') env[key] = value;
    const pty = spawn(process.execPath, [BIN, 'score', folder, '-f', 'csv', '-o', output], { cols: 120, rows: 40, cwd: ROOT, env: { ...env, NO_COLOR: '1', TERM: 'xterm' } });
    let screen = '';
    pty.onData((data) => {
      screen += data;
    });
    const code = await new Promise<number>((resolve) => pty.onExit(({ exitCode }) => resolve(exitCode)));
    expect(code).toBe(0);
    expect(screen).toContain(`\r[${'#'.repeat(30)}] ${count}/${count} files (100%)`);
    expect(screen.endsWith('\r\u001b[K')).toBe(true);
    expect(parseCsv(readFileSync(output, 'utf8'), { columns: true })).toHaveLength(count);
  });
});
