import { describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { historySchema } from '../../src/schema/history.js';
import { boxRows, ok, okInProcess, runCli, runInProcess, tempDir } from './support.js';

// The history of files is checked on runs in this process (runInProcess). Spawned, as they are
// about the process: the runs of history --git from a working folder (cwd) in a repository, or
// outside one.

const ORG = 'organisation: Larkspur Analytics';
const early = readFileSync('examples/community@1.0/early.yaml', 'utf8').replace(/^organisation: .*$/m, ORG);
const middle = readFileSync('examples/community@1.0/middle.yaml', 'utf8');
// tools.sso partly → yes: tools community attainment (1 + 1 + 0.5) / 3 = 0.83, met; network
// (partly, mostly, no) = 1.25 / 3 = 0.41 → 3 + 0.41 / 0.75 = 3.55.
const later = middle.replace(/^date: .*$/m, 'date: 2026-12-01').replace(/^( {2}tools\.sso:).*$/m, '$1 "yes"');

// Hand-checked: early 1.66 2.22 1.88 1.55 1.66 1.66 2.44 1.22 (1.79); middle 3.44 2.55 2.88 3.44 4.00 1.88 2.88 2.77 (2.98).
const EARLY_ROW = ['2026-03-12', '1.66', '2.22', '1.88', '1.55', '1.66', '1.66', '2.44', '1.22', '1.79'];
const MIDDLE_ROW = ['2026-09-15', '3.44', '2.55', '2.88', '3.44', '4.00', '1.88', '2.88', '2.77', '2.98'];
// The overall score gains (3.55 - 2.88) / 8 = 0.083: 2.98 + 0.08 = 3.06 (from the untruncated mean).
const LATER_ROW = ['2026-12-01', '3.44', '2.55', '2.88', '3.44', '4.00', '1.88', '3.55', '2.77', '3.06'];
// ▁ = 1 … █ = 4 in 8 steps: round((score - 1) / 3 × 7). strategy 1.66 → 2 ▃, 3.44 → 6 ▇; tools 2.44 → 3 ▄, 2.88 → 4 ▅, 3.55 → 6 ▇.
const TREND_ROW = ['trend', '▃▇▇', '▄▅▅', '▃▅▅', '▂▇▇', '▃██', '▃▃▃', '▄▅▇', '▂▅▅', '▃▆▆'];

describe('history of files', () => {
  const dir = tempDir();
  const files = { later: join(dir, 'q4.yaml'), early: join(dir, 'q1.yaml'), middle: join(dir, 'q3.yaml') };
  writeFileSync(files.early, early);
  writeFileSync(files.middle, middle);
  writeFileSync(files.later, later);
  const args = ['history', files.later, files.early, files.middle];

  it('sorts by date: a row per date, a column per competency and overall, a sparkline per column', async () => {
    // Wide enough for one table (at 80 columns the columns are split over two).
    const table = await okInProcess([...args, '--width', '200']);
    const rows = boxRows(table);
    expect(rows[0]).toEqual(['Date', 'strategy', 'leadership', 'culture', 'management', 'content', 'governance', 'tools', 'metrics', 'overall']);
    expect(rows.slice(1)).toEqual([EARLY_ROW, MIDDLE_ROW, LATER_ROW, TREND_ROW]);
    expect(table).toContain('Larkspur Analytics — Community Management Maturity over time');
    expect(table).toContain('3 assessments, 2026-03-12 → 2026-12-01');
  });

  it('--format json gives the points oldest first, with their files and trends', async () => {
    const history = historySchema.parse(JSON.parse(await okInProcess([...args, '-f', 'json'])));
    expect(history.points.map((point) => [point.date, point.source, point.commit, point.overall.score])).toEqual([
      ['2026-03-12', files.early, null, 1.79],
      ['2026-09-15', files.middle, null, 2.98],
      ['2026-12-01', files.later, null, 3.06],
    ]);
    expect(history.points[2]!.overall).toEqual({ level: 3, stage: 'community', score: 3.06 });
    expect(history.points[2]!.scores.tools).toBe(3.55);
    expect(history.trends).toEqual({ strategy: '▃▇▇', leadership: '▄▅▅', culture: '▃▅▅', management: '▂▇▇', content: '▃██', governance: '▃▃▃', tools: '▄▅▇', metrics: '▂▅▅', overall: '▃▆▆' });
  });

  it('--format csv has a header and a row per date, overall first', async () => {
    expect(await okInProcess([...args, '-f', 'csv'])).toBe(
      [
        'date,overall,strategy,leadership,culture,management,content,governance,tools,metrics',
        '2026-03-12,1.79,1.66,2.22,1.88,1.55,1.66,1.66,2.44,1.22',
        '2026-09-15,2.98,3.44,2.55,2.88,3.44,4.00,1.88,2.88,2.77',
        '2026-12-01,3.06,3.44,2.55,2.88,3.44,4.00,1.88,3.55,2.77',
        '',
      ].join('\n'),
    );
  });

  it('--format markdown is a table with competency names and a trend row', async () => {
    const markdown = await okInProcess([...args, '-f', 'markdown']);
    expect(markdown).toContain('| Date | Strategy | Leadership | Culture | Community Management | Content & Programming | Policies & Governance | Tools | Metrics & Measurement | Overall |');
    expect(markdown).toContain(`| ${TREND_ROW.join(' | ')} |`);
  });

  it('refuses a file without a date, another organisation, another model, or a date twice (exit 2)', async () => {
    const undated = join(dir, 'undated.yaml');
    writeFileSync(undated, middle.replace(/^date: .*\n/m, ''));
    const other = join(dir, 'other.yaml');
    writeFileSync(other, readFileSync('examples/community@1.0/early.yaml', 'utf8'));
    const report = JSON.parse(await okInProcess(['score', files.early, '-f', 'json'])) as { model: object; date: string };
    const otherModel = join(dir, 'other-model.json');
    writeFileSync(otherModel, JSON.stringify({ ...report, date: '2025-01-01', model: { ...report.model, version: '0.9' } }));
    // A file named twice is read once: the same date twice takes a copy.
    const again = join(dir, 'again.yaml');
    writeFileSync(again, middle);
    const result = await runInProcess(['history', files.middle, undated, other, otherModel, again]);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr.trimEnd().split('\n').sort()).toEqual(
      [
        `${undated}:1:1: has no date: (add date: YYYY-MM-DD to place it in the history)`,
        // At the organisation: line, the third of examples/community@1.0/early.yaml.
        `${other}:3:1: is an assessment of "Fernwood Regional Health", not of "Larkspur Analytics" (${files.middle})`,
        `${otherModel}:1:1: was scored with model community 0.9, not community 1.0 (${files.middle})`,
        `${again}:1:1: has the same date 2026-09-15 as ${files.middle}`,
      ].sort(),
    );
  });

  it('a JSON report counts as an assessment too', async () => {
    const report = join(dir, 'q1.json');
    writeFileSync(report, await okInProcess(['score', files.early, '-f', 'json']));
    const history = historySchema.parse(JSON.parse(await okInProcess(['history', report, files.middle, '-f', 'json'])));
    expect(history.points.map((point) => point.source)).toEqual([report, files.middle]);
  });
});

describe('history --git', () => {
  const repo = tempDir();
  const env = { ...process.env, GIT_CONFIG_NOSYSTEM: '1', GIT_CONFIG_GLOBAL: '/dev/null', HOME: repo, GIT_AUTHOR_NAME: 'Test', GIT_AUTHOR_EMAIL: 'test@example.org', GIT_COMMITTER_NAME: 'Test', GIT_COMMITTER_EMAIL: 'test@example.org' };
  const git = (args: string[], date = '2026-01-01T12:00:00Z') =>
    execFileSync('git', args, { cwd: repo, env: { ...env, GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date }, encoding: 'utf8' }).trim();
  git(['init', '-q', '-b', 'main']);
  git(['config', 'user.name', 'Test']);
  git(['config', 'user.email', 'test@example.org']);
  mkdirSync(join(repo, 'community'));
  const write = (path: string, text: string) => writeFileSync(join(repo, path), text);

  // 1. Q1 without a date: dated by its commit (2026-03-30).
  write('community/answers.yaml', early.replace(/^date: .*\n/m, ''));
  git(['add', '-A']);
  git(['commit', '-q', '-m', 'Q1'], '2026-03-30T09:00:00Z');
  const q1 = git(['rev-parse', 'HEAD']);
  // 2. A broken edit, fixed in the next commit: skipped with a warning.
  write('community/answers.yaml', 'organisation: [unclosed\n');
  git(['commit', '-q', '-a', '-m', 'broken'], '2026-06-01T09:00:00Z');
  const broken = git(['rev-parse', 'HEAD']);
  // 3. Q3, then renamed: the same date twice, the newer commit counts.
  write('community/answers.yaml', middle);
  git(['commit', '-q', '-a', '-m', 'Q3'], '2026-09-16T09:00:00Z');
  git(['mv', 'community/answers.yaml', 'community/maturity.yaml']);
  git(['commit', '-q', '-m', 'rename'], '2026-09-17T09:00:00Z');
  const renamed = git(['rev-parse', 'HEAD']);
  // 4. Q4, and an unrelated commit.
  write('community/maturity.yaml', later);
  git(['commit', '-q', '-a', '-m', 'Q4'], '2026-12-02T09:00:00Z');
  const q4 = git(['rev-parse', 'HEAD']);
  write('README.md', 'hello\n');
  git(['add', 'README.md']);
  git(['commit', '-q', '-m', 'other file'], '2026-12-03T09:00:00Z');

  it('reads every committed version, following the rename, dated by date: or else by the commit', () => {
    const result = runCli(['history', '--git', 'community/maturity.yaml', '-f', 'json'], { cwd: repo });
    expect(result.code).toBe(0);
    expect(result.stderr.split('\n')).toHaveLength(2);
    expect(result.stderr).toMatch(new RegExp(`^cm-maturity: warning: skipped community/answers\\.yaml@${broken.slice(0, 7)}: 1:\\d+: YAML syntax error`));
    const history = historySchema.parse(JSON.parse(result.stdout));
    expect(history.points.map((point) => [point.date, point.commit, point.source, point.overall.score])).toEqual([
      ['2026-03-30', q1, `community/answers.yaml@${q1.slice(0, 7)}`, 1.79],
      ['2026-09-15', renamed, `community/maturity.yaml@${renamed.slice(0, 7)}`, 2.98],
      ['2026-12-01', q4, `community/maturity.yaml@${q4.slice(0, 7)}`, 3.06],
    ]);
  });

  it('works from a subfolder, and shows short commit ids in the table and full ones in CSV', async () => {
    const rows = boxRows(ok(['history', '--git', 'maturity.yaml'], { cwd: join(repo, 'community') }));
    expect(rows[0]!.slice(0, 3)).toEqual(['Date', 'Commit', 'strategy']);
    expect(rows.slice(1, 4).map((row) => row.slice(0, 2))).toEqual([
      ['2026-03-30', q1.slice(0, 7)],
      ['2026-09-15', renamed.slice(0, 7)],
      ['2026-12-01', q4.slice(0, 7)],
    ]);
    const csv = (await okInProcess(['history', '--git', join(repo, 'community/maturity.yaml'), '-f', 'csv'])).split('\n');
    expect(csv[0]).toBe('date,commit,overall,strategy,leadership,culture,management,content,governance,tools,metrics');
    expect(csv[3]).toBe(`2026-12-01,${q4},3.06,3.44,2.55,2.88,3.44,4.00,1.88,3.55,2.77`);
  });

  it('says plainly when the file is outside a repository or was never committed', () => {
    const outside = tempDir();
    writeFileSync(join(outside, 'answers.yaml'), middle);
    const result = runCli(['history', '--git', 'answers.yaml'], { cwd: outside, env: { GIT_CEILING_DIRECTORIES: outside } });
    expect(result.code).toBe(2);
    expect(result.stderr).toBe('cm-maturity: error: --git answers.yaml: not inside a git repository\n');

    write('community/new.yaml', middle);
    const uncommitted = runCli(['history', '--git', 'community/new.yaml'], { cwd: repo });
    expect(uncommitted.code).toBe(2);
    expect(uncommitted.stderr).toBe('cm-maturity: error: --git community/new.yaml: has no committed version in its git repository\n');
  });

  it('skips a committed version too large to read, with a warning, and reports the others', () => {
    const big = tempDir();
    const inBig = (args: string[]) => execFileSync('git', args, { cwd: big, env: { ...env, HOME: big, GIT_AUTHOR_DATE: '2026-01-01T12:00:00Z', GIT_COMMITTER_DATE: '2026-01-01T12:00:00Z' }, encoding: 'utf8' }).trim();
    inBig(['init', '-q', '-b', 'main']);
    // Past twice the 10 MiB input limit, where git's output is cut off rather than read whole.
    writeFileSync(join(big, 'answers.yaml'), `${middle}# ${'x'.repeat(21 * 1024 * 1024)}\n`);
    inBig(['add', '-A']);
    inBig(['commit', '-q', '-m', 'huge']);
    const huge = inBig(['rev-parse', 'HEAD']);
    writeFileSync(join(big, 'answers.yaml'), middle);
    inBig(['commit', '-q', '-a', '-m', 'fixed']);
    const result = runCli(['history', '--git', 'answers.yaml', '-f', 'json'], { cwd: big });
    expect(result.code).toBe(0);
    expect(result.stderr).toBe(`cm-maturity: warning: skipped answers.yaml@${huge.slice(0, 7)}: 1:1: this version is over the input size limit\n`);
    expect(historySchema.parse(JSON.parse(result.stdout)).points).toHaveLength(1);
  });

  it('--git takes exactly one file', () => {
    const result = runCli(['history', '--git', 'a.yaml', 'b.yaml'], { cwd: repo });
    expect(result.code).toBe(2);
    expect(result.stderr).toBe('cm-maturity: error: --git takes one answers file, not 2\n');
  });

  it('--git refuses standard input and a folder, before asking git', () => {
    const stdin = runCli(['history', '--git', '-'], { cwd: repo, input: 'organisation: X\n' });
    expect(stdin.code).toBe(2);
    expect(stdin.stderr).toBe('cm-maturity: error: --git reads the committed versions of an answers file; standard input (-) has none\n');
    const folder = runCli(['history', '--git', 'community'], { cwd: repo });
    expect(folder.code).toBe(2);
    expect(folder.stdout).toBe('');
    expect(folder.stderr).toBe('cm-maturity: error: --git community: this is a folder; --git takes one answers file\n');
  });
});
