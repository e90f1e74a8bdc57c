import { copyFileSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseCsv } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { benchmarkSchema } from '../../src/schema/benchmark.js';
import { diffSchema } from '../../src/schema/diff.js';
import { historySchema } from '../../src/schema/history.js';
import { reportSchema } from '../../src/schema/report.js';
import { PARALLEL_MIN_FILES } from '../../src/pipeline/score-files.js';
import { boxRows, markdownCells, okInProcess, runCli, runInProcess, tempDir } from './support.js';

// Folders and patterns as every command reads them: what is found there and is not the command's
// input is skipped with one note, what is named stays an error; many files speak with one voice
// (one summary line, --verbose, --quiet). In this process (runInProcess), but for worker threads,
// which run only from the built bundle.

const FOLDERS = 'test/fixtures/folders';
const BESIDE = `${FOLDERS}/model-beside-answers`;
const REPORT = `${FOLDERS}/json-report`;
const CI = `${FOLDERS}/ci-workflow`;
const INCOMPLETE = `${FOLDERS}/incomplete`;

const organisations = (stdout: string) => z.array(reportSchema).parse(JSON.parse(stdout)).map((report) => report.organisation);

describe('files found in folders and by patterns that are not answers files', () => {
  it('a model beside the answers files is skipped with one note (exit 0)', async () => {
    const result = await runInProcess(['score', BESIDE, '-f', 'json']);
    expect(result.code, result.stderr).toBe(0);
    expect(organisations(result.stdout)).toEqual(['Borealis', 'Acme']);
    expect(result.stderr).toBe(`cm-maturity: note: skipped 1 of 3 files found (not answers files): 1 model (${BESIDE}/tiny-model.yaml)\n`);
  });

  it('a JSON report matched by a pattern is skipped with one note (exit 0)', async () => {
    const result = await runInProcess(['score', `${REPORT}/*`, '-f', 'csv']);
    expect(result.code, result.stderr).toBe(0);
    const rows = parseCsv(result.stdout, { columns: true }) as Record<string, string>[];
    expect(rows.map((row) => row.file)).toEqual([`${REPORT}/larkspur.yaml`]);
    expect(result.stderr).toBe(`cm-maturity: note: skipped 1 of 2 files found (not answers files): 1 JSON report (${REPORT}/larkspur-2026-09.json)\n`);
  });

  it('a CI workflow in the folder is skipped with one note (exit 0)', async () => {
    const result = await runInProcess(['score', CI, '-f', 'json']);
    expect(result.code, result.stderr).toBe(0);
    expect(organisations(result.stdout)).toEqual(['Fernwood Regional Health']);
    expect(result.stderr).toBe(`cm-maturity: note: skipped 1 of 2 files found (not answers files): 1 YAML file without organisation or answers (${CI}/workflows/maturity.yml)\n`);
  });

  it('one note for every kind over several folders; --verbose names each file, --quiet says nothing', async () => {
    const args = ['score', BESIDE, `${REPORT}/*`, CI, '-f', 'json'];
    const result = await runInProcess(args);
    expect(result.code, result.stderr).toBe(0);
    expect(organisations(result.stdout)).toEqual(['Larkspur Analytics', 'Borealis', 'Acme', 'Fernwood Regional Health']);
    expect(result.stderr).toBe(
      `cm-maturity: note: skipped 3 of 7 files found (not answers files): 1 model, 1 JSON report, 1 YAML file without organisation or answers (${BESIDE}/tiny-model.yaml, ${REPORT}/larkspur-2026-09.json, ${CI}/workflows/maturity.yml)\n`,
    );
    const verbose = await runInProcess([...args, '--verbose']);
    expect(verbose.stdout).toBe(result.stdout);
    expect(verbose.stderr.split('\n')).toEqual([
      `cm-maturity: note: skipped ${BESIDE}/tiny-model.yaml: a model`,
      `cm-maturity: note: skipped ${REPORT}/larkspur-2026-09.json: a JSON report`,
      `cm-maturity: note: skipped ${CI}/workflows/maturity.yml: a YAML file without organisation or answers`,
      '',
    ]);
    const quiet = await runInProcess([...args, '--quiet']);
    expect(quiet).toEqual({ code: 0, stdout: result.stdout, stderr: '' });
  });

  it('the note names a file as one inert line, whatever its name holds', async () => {
    const folder = tempDir();
    copyFileSync('examples/community@1.0/early.yaml', join(folder, 'early.yaml'));
    copyFileSync(`${CI}/workflows/maturity.yml`, join(folder, 'ci\u001b]0;title\u0007\nforged.yml'));
    const result = await runInProcess(['score', folder, '-f', 'json']);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toBe(
      `cm-maturity: note: skipped 1 of 2 files found (not answers files): 1 YAML file without organisation or answers (${join(folder, 'ci\\x1b]0;title\\x07\\nforged.yml')})\n`,
    );
  });

  it('benchmark skips them the same way', async () => {
    const result = await runInProcess(['benchmark', BESIDE, '-f', 'json']);
    expect(result.code, result.stderr).toBe(0);
    expect(benchmarkSchema.parse(JSON.parse(result.stdout)).count).toBe(2);
    expect(result.stderr).toBe(`cm-maturity: note: skipped 1 of 3 files found (not answers files): 1 model (${BESIDE}/tiny-model.yaml)\n`);
  });

  it('named on the command line, a model, a report or other YAML is still an error (exit 2)', async () => {
    const model = await runInProcess(['score', `${BESIDE}/acme.yaml`, `${BESIDE}/tiny-model.yaml`, '-f', 'json']);
    expect(model.code).toBe(2);
    expect(model.stderr).toContain(`${BESIDE}/tiny-model.yaml:1:1: this is a model, not an answers file`);
    // Named as well as found in its folder, it is named.
    const both = await runInProcess(['score', BESIDE, `${BESIDE}/tiny-model.yaml`, '-f', 'json']);
    expect(both.code).toBe(2);
    expect(both.stderr).toContain(`${BESIDE}/tiny-model.yaml:1:1: this is a model, not an answers file`);
    expect(both.stderr).not.toContain('note: skipped');
    const report = await runInProcess(['benchmark', `${REPORT}/larkspur.yaml`, `${REPORT}/larkspur-2026-09.json`]);
    expect(report.code).toBe(2);
    expect(report.stderr).toContain(`${REPORT}/larkspur-2026-09.json:1:1: this is a JSON report written by --format json, not an answers file`);
    const workflow = await runInProcess(['score', `${CI}/fernwood.yaml`, `${CI}/workflows/maturity.yml`]);
    expect(workflow.code).toBe(2);
    expect(workflow.stderr).toContain(`${CI}/workflows/maturity.yml:2:1: missing required key "organisation"`);
  });

  it('a folder or pattern where nothing is an answers file is an error (exit 2), nothing written', async () => {
    const result = await runInProcess(['score', `${REPORT}/*.json`]);
    expect(result).toEqual({
      code: 2,
      stdout: '',
      stderr:
        `cm-maturity: note: skipped 1 of 1 files found (not answers files): 1 JSON report (${REPORT}/larkspur-2026-09.json)\n` +
        'cm-maturity: error: no answers files among the 1 files found (models, JSON reports and other YAML are skipped); nothing was written\n',
    });
  });

  it(`worker threads skip them too (-j 2, ${PARALLEL_MIN_FILES} files)`, () => {
    const folder = tempDir();
    for (let index = 0; index < PARALLEL_MIN_FILES; index++) copyFileSync('examples/community@1.0/early.yaml', join(folder, `client-${String(index).padStart(3, '0')}.yaml`));
    copyFileSync('models/community@1.0.yaml', join(folder, 'client-100-model.yaml'));
    const result = runCli(['score', folder, '-j', '2', '-f', 'csv']);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout.trim().split('\n')).toHaveLength(PARALLEL_MIN_FILES + 1);
    expect(result.stderr).toBe(`cm-maturity: note: skipped 1 of ${PARALLEL_MIN_FILES + 1} files found (not answers files): 1 model (${join(folder, 'client-100-model.yaml')})\n`);
  });
});

describe('many files, one voice', () => {
  // Unanswered, of the tiny model's 4 indicators: a 0, b 2, c 1, d 3, e 2.
  const SUMMARY = `cm-maturity: warning: 4 of 5 answers files have unanswered indicators, which count as 0; the most: ${INCOMPLETE}/d.yaml (3 of 4), ${INCOMPLETE}/b.yaml (2 of 4), ${INCOMPLETE}/e.yaml (2 of 4), …; --verbose shows every file, --strict makes this an error\n`;

  it('score: one summary line for the unanswered indicators of many files', async () => {
    const result = await runInProcess(['score', INCOMPLETE, '-f', 'json']);
    expect(result.code).toBe(0);
    expect(result.stderr).toBe(SUMMARY);
  });

  it('score --verbose: one warning per file, in the order of the files', async () => {
    const result = await runInProcess(['score', INCOMPLETE, '-f', 'json', '--verbose']);
    expect(result.code).toBe(0);
    const line = (file: string, count: number, ids: string) =>
      `cm-maturity: warning: ${INCOMPLETE}/${file}: ${count} of 4 indicators are unanswered and count as 0 (${ids}); --strict makes this an error`;
    expect(result.stderr.split('\n')).toEqual([
      line('b.yaml', 2, 'goals.shared, people.team'),
      line('c.yaml', 1, 'people.team'),
      line('d.yaml', 3, 'goals.written, people.owner, people.team'),
      line('e.yaml', 2, 'goals.shared, people.owner'),
      '',
    ]);
  });

  it('--quiet keeps only errors; with --verbose it is a usage error', async () => {
    const quiet = await runInProcess(['score', INCOMPLETE, '-f', 'json', '-q']);
    expect(quiet.code).toBe(0);
    expect(quiet.stderr).toBe('');
    expect(organisations(quiet.stdout)).toHaveLength(5);
    // A single file's warning, too.
    expect((await runInProcess(['score', 'examples/community@1.0/partial.yaml', '--quiet'])).stderr).toBe('');
    // Errors and failed gates are still said.
    const gate = await runInProcess(['score', INCOMPLETE, '-f', 'json', '-q', '--fail-under', '1.7']);
    expect(gate.code).toBe(1);
    expect(gate.stderr.split('\n').filter((text) => text !== '')).toHaveLength(4);
    expect(gate.stderr).toMatch(/^cm-maturity: gate failed \(--fail-under 1\.7\): /);
    const both = await runInProcess(['score', INCOMPLETE, '--quiet', '--verbose']);
    expect(both.code).toBe(2);
    expect(both.stderr).toContain("option '-q, --quiet' cannot be used with option '--verbose'");
  });

  it('benchmark warns with the same summary line, and --verbose and --quiet work alike', async () => {
    const result = await runInProcess(['benchmark', INCOMPLETE, '-f', 'json']);
    expect(result.code).toBe(0);
    expect(result.stderr).toBe(SUMMARY);
    expect((await runInProcess(['benchmark', INCOMPLETE, '-f', 'json', '--verbose'])).stderr.split('\n')).toHaveLength(5);
    expect((await runInProcess(['benchmark', INCOMPLETE, '-f', 'json', '--quiet'])).stderr).toBe('');
  });

  it('benchmark --min-completeness leaves out the assessments below the share, says how many, and keeps one at the share', async () => {
    // Answered: a 4/4, b 2/4, c 3/4, d 1/4, e 2/4; overall scores a 1.66, c 1.83.
    const result = await runInProcess(['benchmark', INCOMPLETE, '-f', 'json', '--min-completeness', '0.75']);
    expect(result.code, result.stderr).toBe(0);
    const pool = benchmarkSchema.parse(JSON.parse(result.stdout));
    expect(pool.count).toBe(2);
    expect(pool.overall.distribution).toMatchObject({ count: 2, min: 1.66, max: 1.83, median: 1.74 });
    expect(result.stderr).toBe(
      SUMMARY +
        `cm-maturity: note: 3 of 5 assessments were left out of the statistics by --min-completeness 0.75: ${INCOMPLETE}/b.yaml (2 of 4 answered), ${INCOMPLETE}/d.yaml (1 of 4 answered), ${INCOMPLETE}/e.yaml (2 of 4 answered)\n`,
    );
    const stricter = await runInProcess(['benchmark', INCOMPLETE, '-f', 'json', '--min-completeness', '0.76', '--quiet']);
    expect(stricter.stderr).toBe('');
    expect(benchmarkSchema.parse(JSON.parse(stricter.stdout)).count).toBe(1);
    // 0 leaves every assessment in.
    expect(benchmarkSchema.parse(JSON.parse(await okInProcess(['benchmark', INCOMPLETE, '-f', 'json', '--min-completeness', '0']))).count).toBe(5);
  });

  it('benchmark --min-completeness refuses a share outside 0 to 1, and a pool it leaves empty (exit 2)', async () => {
    for (const value of ['1.5', '-0.1', 'most', '']) {
      const result = await runInProcess(['benchmark', INCOMPLETE, '--min-completeness', value]);
      expect(result.code).toBe(2);
      expect(result.stderr).toContain('expected a share of the indicators from 0 to 1, such as 0.8');
    }
    const empty = await runInProcess(['benchmark', `${INCOMPLETE}/b.yaml`, `${INCOMPLETE}/d.yaml`, '--min-completeness', '1', '-q']);
    expect(empty).toEqual({
      code: 2,
      stdout: '',
      stderr: 'cm-maturity: error: --min-completeness 1: all 2 assessments answer less than that share of their indicators; nothing is left to compare\n',
    });
  });
});

describe('the completeness column of a portfolio', () => {
  it('shows the share of indicators answered, truncated, in the table, markdown and CSV', async () => {
    const folder = tempDir();
    // 71 of 72 answered: 98.6%, shown as 98% (never rounded up towards 100%).
    writeFileSync(join(folder, 'almost.yaml'), readFileSync('examples/community@1.0/middle.yaml', 'utf8').replace(/^ {2}strategy\.purpose:.*\n/m, ''));
    const args = ['score', INCOMPLETE, join(folder, 'almost.yaml'), 'examples/community@1.0/partial.yaml', '--sort', 'name', '-q', '--width', '400'];
    // By name: Alder 4/4, Birch 2/4, Brightwater 29/72 (40.2%), Cedar 3/4, Dogwood 1/4, Elm 2/4, Larkspur 71/72.
    const expected = ['100%', '50%', '40%', '75%', '25%', '50%', '98%'];
    const table = boxRows(await okInProcess(args));
    expect(table[0]!.at(-1)).toBe('Answered');
    expect(table.slice(1).map((row) => row.at(-1))).toEqual(expected);
    const markdown = (await okInProcess([...args, '-f', 'markdown'])).split('\n').filter((line) => line.startsWith('| '));
    expect(markdownCells(markdown[0]!).at(-1)).toBe('Answered');
    expect(markdown.slice(2).map((line) => markdownCells(line).at(-1))).toEqual(expected);
    const csv = parseCsv(await okInProcess([...args, '-f', 'csv']), { columns: true }) as Record<string, string>[];
    expect(csv.map((row) => row.completeness)).toEqual(expected);
  });
});

describe('validate with folders and patterns', () => {
  it('validates every model, answers file and report found, and skips other YAML with one note', async () => {
    const result = await runInProcess(['validate', BESIDE, `${REPORT}/*`, CI]);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout.split('\n')).toEqual([
      `ok ${BESIDE}/acme.yaml: answers of Acme for model tiny 1 (4/4 answered)`,
      `ok ${BESIDE}/borealis.yaml: answers of Borealis for model tiny 1 (4/4 answered)`,
      `ok ${BESIDE}/tiny-model.yaml: model tiny 1 (2 stages, 2 competencies, 4 indicators)`,
      `ok ${REPORT}/larkspur-2026-09.json: JSON report of Larkspur Analytics for model community 1.0`,
      `ok ${REPORT}/larkspur.yaml: answers of Larkspur Analytics for model community 1.0 (72/72 answered)`,
      `ok ${CI}/fernwood.yaml: answers of Fernwood Regional Health for model community 1.0 (72/72 answered)`,
      '',
    ]);
    expect(result.stderr).toBe(
      `cm-maturity: note: skipped 1 of 7 files found (not models, answers files or JSON reports): 1 YAML file without organisation or answers (${CI}/workflows/maturity.yml)\n`,
    );
  });

  it('--quiet prints only errors: nothing for valid files', async () => {
    expect(await runInProcess(['validate', BESIDE, CI, '--quiet'])).toEqual({ code: 0, stdout: '', stderr: '' });
    const invalid = await runInProcess(['validate', CI, `${CI}/workflows/maturity.yml`, '-q']);
    expect(invalid.code).toBe(2);
    expect(invalid.stdout).toBe('');
    expect(invalid.stderr).toContain(`${CI}/workflows/maturity.yml:1:1: cannot tell whether this is a model`);
  });

  it('an invalid file found is reported with the others, and the count leaves out the files skipped', async () => {
    const folder = tempDir();
    copyFileSync('examples/community@1.0/early.yaml', join(folder, 'early.yaml'));
    copyFileSync(`${CI}/workflows/maturity.yml`, join(folder, 'ci.yml'));
    writeFileSync(join(folder, 'broken.yaml'), 'organisation: Broken\nanswers:\n  strategy.nope: "yes"\n');
    const result = await runInProcess(['validate', folder, '-q']);
    expect(result.code).toBe(2);
    expect(result.stderr.trimEnd().split('\n').at(-1)).toBe(`cm-maturity: error: 1 of 2 files is invalid: ${join(folder, 'broken.yaml')}`);
  });
});

describe('diff of two folders', () => {
  function folders(): { old: string; new: string } {
    const root = tempDir();
    const old = join(root, 'old');
    const current = join(root, 'new');
    mkdirSync(old);
    mkdirSync(current);
    copyFileSync('examples/community@1.0/early.yaml', join(old, 'fernwood.yaml'));
    copyFileSync('examples/community@1.0/middle.yaml', join(old, 'larkspur.yaml'));
    copyFileSync('examples/community@1.0/advanced.yaml', join(old, 'tessera.yaml'));
    writeFileSync(join(current, 'fernwood.yaml'), readFileSync('examples/community@1.0/early.yaml', 'utf8').replace(/^date: .*$/m, 'date: 2026-12-01').replace(/^( {2}strategy\.sponsor:).*$/m, '$1 "yes"'));
    copyFileSync('examples/community@1.0/middle.yaml', join(current, 'larkspur.yaml'));
    copyFileSync('examples/community@1.0/partial.yaml', join(current, 'brightwater.yaml'));
    copyFileSync('models/community@1.0.yaml', join(current, 'model.yaml'));
    return { old, new: current };
  }

  it('pairs the assessments by organisation: one diff each, in name order; those on one side only are named', async () => {
    const dirs = folders();
    const result = await runInProcess(['diff', dirs.old, dirs.new, '-f', 'json']);
    expect(result.code, result.stderr).toBe(0);
    const diffs = z.array(diffSchema).parse(JSON.parse(result.stdout));
    expect(diffs.map((diff) => diff.organisation)).toEqual(['Fernwood Regional Health', 'Larkspur Analytics']);
    // Each is the diff of its two files alone.
    for (const [index, name] of ['fernwood.yaml', 'larkspur.yaml'].entries()) {
      expect(diffs[index]).toEqual(diffSchema.parse(JSON.parse(await okInProcess(['diff', join(dirs.old, name), join(dirs.new, name), '-f', 'json']))));
    }
    expect(result.stderr.split('\n')).toEqual([
      `cm-maturity: note: skipped 1 of 7 files found (not answers files or JSON reports): 1 model (${join(dirs.new, 'model.yaml')})`,
      `cm-maturity: warning: 1 organisation only on the old side (${dirs.old}), not compared: "Tessera Industrial Group" (${join(dirs.old, 'tessera.yaml')})`,
      `cm-maturity: warning: 1 organisation only on the new side (${dirs.new}), not compared: "Brightwater City Council" (${join(dirs.new, 'brightwater.yaml')})`,
      '',
    ]);
    const table = await okInProcess(['diff', dirs.old, dirs.new, '-q']);
    expect(table.match(/^\S.* — Community Management Maturity changes /gm)).toEqual([expect.stringMatching(/^Fernwood Regional Health/), expect.stringMatching(/^Larkspur Analytics/)]);
    const markdown = await okInProcess(['diff', dirs.old, dirs.new, '-f', 'markdown', '-q']);
    expect(markdown.match(/^# .*$/gm)).toEqual(['# Community Management Maturity changes: Fernwood Regional Health', '# Community Management Maturity changes: Larkspur Analytics']);
  });

  it('refuses two assessments of one organisation on a side, at the organisation: line (exit 2)', async () => {
    const dirs = folders();
    copyFileSync('examples/community@1.0/middle.yaml', join(dirs.new, 'larkspur-again.yaml'));
    const result = await runInProcess(['diff', dirs.old, dirs.new, '-q']);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    // organisation: is line 3 of examples/community@1.0/middle.yaml.
    expect(result.stderr).toBe(
      `${join(dirs.new, 'larkspur.yaml')}:3:1: ${join(dirs.new, 'larkspur-again.yaml')} is also an assessment of "Larkspur Analytics" on the new side (${dirs.new}); diff pairs one assessment per organisation on each side\n`,
    );
  });

  it('pairs a named file with its organisation in a folder; no pair at all is an error', async () => {
    const dirs = folders();
    const result = await runInProcess(['diff', 'examples/community@1.0/middle.yaml', dirs.new, '-f', 'json', '-q']);
    expect(result.code, result.stderr).toBe(0);
    expect(z.array(diffSchema).parse(JSON.parse(result.stdout)).map((diff) => diff.organisation)).toEqual(['Larkspur Analytics']);
    const none = await runInProcess(['diff', 'examples/community@1.0/advanced.yaml', dirs.new, '-q']);
    expect(none.code).toBe(2);
    expect(none.stderr).toBe(`cm-maturity: error: no organisation has an assessment both in examples/community@1.0/advanced.yaml and in ${dirs.new}; nothing to compare\n`);
  });
});

describe('history of a folder or pattern', () => {
  function dated(folder: string, name: string, date: string, from = 'examples/community@1.0/middle.yaml'): string {
    const file = join(folder, name);
    writeFileSync(file, readFileSync(from, 'utf8').replace(/^date: .*$/m, `date: ${date}`));
    return file;
  }

  it("takes the dated answers files of one organisation, skipping other YAML with one note", async () => {
    const folder = tempDir();
    dated(folder, 'q3.yaml', '2026-09-15');
    dated(folder, 'q1.yaml', '2026-03-01');
    copyFileSync('models/community@1.0.yaml', join(folder, 'model.yaml'));
    const result = await runInProcess(['history', folder, '-f', 'json']);
    expect(result.code, result.stderr).toBe(0);
    expect(historySchema.parse(JSON.parse(result.stdout)).points.map((point) => point.date)).toEqual(['2026-03-01', '2026-09-15']);
    expect(result.stderr).toBe(`cm-maturity: note: skipped 1 of 3 files found (not answers files or JSON reports): 1 model (${join(folder, 'model.yaml')})\n`);
    expect((await runInProcess(['history', `${folder}/q*.yaml`, '-f', 'json'])).stdout).toBe(result.stdout);
  });

  it('refuses files of several organisations, naming them (exit 2)', async () => {
    const folder = tempDir();
    dated(folder, 'a.yaml', '2026-01-01', 'examples/community@1.0/early.yaml');
    dated(folder, 'b.yaml', '2026-02-01');
    dated(folder, 'c.yaml', '2026-03-01');
    const result = await runInProcess(['history', folder]);
    expect(result).toEqual({
      code: 2,
      stdout: '',
      stderr: `cm-maturity: error: the files found are assessments of 2 organisations: "Fernwood Regional Health" (${join(folder, 'a.yaml')}), "Larkspur Analytics" (${join(folder, 'b.yaml')} and 1 more); a history shows one organisation: name its files, its folder or a pattern matching only them\n`,
    });
  });

  it('refuses a file without a date, located at that file (exit 2)', async () => {
    const folder = tempDir();
    dated(folder, 'a.yaml', '2026-01-01');
    writeFileSync(join(folder, 'b.yaml'), readFileSync('examples/community@1.0/middle.yaml', 'utf8').replace(/^date: .*\n/m, ''));
    const result = await runInProcess(['history', folder]);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(`${join(folder, 'b.yaml')}:1:1: has no date: (add date: YYYY-MM-DD to place it in the history)\n`);
  });
});

describe('folders and several output files together', () => {
  // The model beside the answers is skipped; of the incomplete ones, 4 of 5 have unanswered indicators.
  const args = ['score', BESIDE, INCOMPLETE, '--sort', 'name'];
  const SKIPPED = `cm-maturity: note: skipped 1 of 8 files found (not answers files): 1 model (${BESIDE}/tiny-model.yaml)`;

  it('score writes every -o from one scoring, with the completeness column, and says each note once (--quiet: nothing)', async () => {
    const dir = tempDir();
    const targets = ['all.json', 'all.csv', 'all.md', 'all.jsonl'].map((name) => join(dir, name));
    const result = await runInProcess([...args, ...targets.flatMap((target) => ['-o', target])]);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toBe('');
    const warning = `cm-maturity: warning: 4 of 7 answers files have unanswered indicators, which count as 0; the most: ${INCOMPLETE}/d.yaml (3 of 4), ${INCOMPLETE}/b.yaml (2 of 4), ${INCOMPLETE}/e.yaml (2 of 4), …; --verbose shows every file, --strict makes this an error`;
    expect(result.stderr.split('\n')).toEqual([warning, SKIPPED, '']);
    // Each file holds what -f prints for it; jsonl keeps the order of the files, the others follow --sort.
    for (const [target, format] of targets.map((target, index) => [target, ['json', 'csv', 'markdown', 'jsonl'][index]!] as const)) {
      expect(readFileSync(target, 'utf8'), format).toBe(await okInProcess([...args, '-f', format, '-q']));
    }
    // By name: Acme 4/4, Alder 4/4, Birch 2/4, Borealis 4/4, Cedar 3/4, Dogwood 1/4, Elm 2/4.
    const expected = ['100%', '100%', '50%', '100%', '75%', '25%', '50%'];
    const csv = parseCsv(readFileSync(join(dir, 'all.csv'), 'utf8'), { columns: true }) as Record<string, string>[];
    expect(csv.map((row) => row.completeness)).toEqual(expected);
    const markdown = readFileSync(join(dir, 'all.md'), 'utf8').split('\n').filter((line) => line.startsWith('| '));
    expect(markdownCells(markdown[0]!).at(-1)).toBe('Answered');
    expect(markdown.slice(2).map((line) => markdownCells(line).at(-1))).toEqual(expected);
    expect(organisations(readFileSync(join(dir, 'all.json'), 'utf8'))).toEqual(['Acme', 'Alder', 'Birch', 'Borealis', 'Cedar', 'Dogwood', 'Elm']);

    const quiet = tempDir();
    const quietTargets = [join(quiet, 'all.json'), join(quiet, 'all.csv')];
    expect(await runInProcess([...args, '--quiet', ...quietTargets.flatMap((target) => ['-o', target])])).toEqual({ code: 0, stdout: '', stderr: '' });
    expect(readFileSync(quietTargets[0]!, 'utf8')).toBe(readFileSync(targets[0]!, 'utf8'));
    expect(readFileSync(quietTargets[1]!, 'utf8')).toBe(readFileSync(targets[1]!, 'utf8'));
  });

  it('score --verbose with several -o says every file once, whatever the number of outputs', async () => {
    const dir = tempDir();
    const result = await runInProcess([...args, '--verbose', '-o', join(dir, 'all.json'), '-o', '-', '-f', 'csv']);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toBe(await okInProcess([...args, '-f', 'csv', '-q']));
    const lines = result.stderr.trimEnd().split('\n');
    expect(lines.filter((line) => line === `cm-maturity: note: skipped ${BESIDE}/tiny-model.yaml: a model`)).toHaveLength(1);
    expect(lines.filter((line) => / indicators are unanswered and count as 0 /.test(line))).toHaveLength(4);
    expect(lines).toHaveLength(5);
  });

  it('validate --format json lists the files read; the note about a skipped file stays on standard error (--quiet: none)', async () => {
    const result = await runInProcess(['validate', CI, '--format', 'json']);
    expect(result.code, result.stderr).toBe(0);
    const validation = JSON.parse(result.stdout) as { valid: boolean; files: { path: string; kind: string; valid: boolean }[] };
    expect(validation.valid).toBe(true);
    expect(validation.files.map(({ path, kind, valid }) => ({ path, kind, valid }))).toEqual([{ path: `${CI}/fernwood.yaml`, kind: 'answers', valid: true }]);
    expect(result.stderr).toBe(`cm-maturity: note: skipped 1 of 2 files found (not models, answers files or JSON reports): 1 YAML file without organisation or answers (${CI}/workflows/maturity.yml)\n`);
    expect(await runInProcess(['validate', CI, '--format', 'json', '--quiet'])).toEqual({ code: 0, stdout: result.stdout, stderr: '' });
  });

  it('diff of two folders writes the list of diffs to every -o, each as -f prints it', async () => {
    const root = tempDir();
    const [old, current] = [join(root, 'old'), join(root, 'new')];
    mkdirSync(old);
    mkdirSync(current);
    copyFileSync('examples/community@1.0/early.yaml', join(old, 'fernwood.yaml'));
    copyFileSync('examples/community@1.0/middle.yaml', join(old, 'larkspur.yaml'));
    writeFileSync(join(current, 'fernwood.yaml'), readFileSync('examples/community@1.0/early.yaml', 'utf8').replace(/^( {2}strategy\.sponsor:).*$/m, '$1 "yes"'));
    copyFileSync('examples/community@1.0/middle.yaml', join(current, 'larkspur.yaml'));
    copyFileSync('models/community@1.0.yaml', join(current, 'model.yaml'));
    const out = tempDir();
    const result = await runInProcess(['diff', old, current, '-o', join(out, 'changes.json'), '-o', join(out, 'changes.md'), '-q']);
    expect(result).toEqual({ code: 0, stdout: '', stderr: '' });
    const json = readFileSync(join(out, 'changes.json'), 'utf8');
    expect(z.array(diffSchema).parse(JSON.parse(json)).map((diff) => diff.organisation)).toEqual(['Fernwood Regional Health', 'Larkspur Analytics']);
    expect(json).toBe(await okInProcess(['diff', old, current, '-f', 'json', '-q']));
    expect(readFileSync(join(out, 'changes.md'), 'utf8')).toBe(await okInProcess(['diff', old, current, '-f', 'markdown', '-q']));
    expect(readdirSync(out).sort()).toEqual(['changes.json', 'changes.md']);
  });
});

describe('--help', () => {
  it.each([
    ['score', ['--quiet', '--verbose']],
    ['benchmark', ['--quiet', '--verbose', '--min-completeness <ratio>']],
    ['validate', ['--quiet', '--verbose']],
    ['diff', ['--quiet', '--verbose']],
    ['history', ['--quiet', '--verbose']],
  ])('%s --help shows %j', async (command, options) => {
    const result = await runInProcess([command, '--help']);
    expect(result.code).toBe(0);
    for (const option of options) expect(result.stdout).toMatch(new RegExp(`^ {2}(-\\w, )?${option}`, 'm'));
  });
});
