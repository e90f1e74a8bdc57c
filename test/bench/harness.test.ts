import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import { answersText, builtinModel, generateAnswersFiles } from '../../bench/generate.mjs';
import { reportSchema } from '../../src/schema/report.js';
import { ROOT, runCli } from '../helpers/cli.js';

/** A temporary folder, removed when the test that asked for it ends. */
function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'cm-maturity-bench-test-'));
  onTestFinished(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/** The environment of a process started from a test, without the test runner's own variables. */
function cleanEnv(): NodeJS.ProcessEnv {
  const env = { ...process.env };
  for (const key of Object.keys(env)) if (key.startsWith('VITEST') || key === 'TEST' || key === 'NODE_ENV') delete env[key];
  return env;
}

describe('the benchmark harness', () => {
  it(
    'runs every measure on small inputs, prints a row for each, writes nothing and leaves no temporary folder',
    () => {
      const before = existsSync(join(ROOT, 'BENCHMARKS.md')) ? readFileSync(join(ROOT, 'BENCHMARKS.md'), 'utf8') : undefined;
      const result = spawnSync(process.execPath, ['bench/run.mjs', '--quick', '--no-write'], { cwd: ROOT, env: cleanEnv(), encoding: 'utf8', timeout: 170_000 });
      // 1 is a missed budget, which depends on the machine; 2 and 3 are the harness's own failures.
      expect([0, 1], result.stderr).toContain(result.status);
      const rows = result.stdout.split('\n');
      const row = (measure: string) => rows.find((line) => line.startsWith(measure));
      for (const measure of ['start-up: score --format json', 'throughput: score 200 files, jsonl', 'memory: score 300 files, jsonl', 'memory: benchmark 300 files ']) {
        expect(row(measure), measure).toMatch(/\s(yes|no)$/);
      }
      for (const measure of ['start-up: --version', 'memory: score 300 files, wall time', 'memory: benchmark 300 files, wall time']) {
        expect(row(measure), measure).toMatch(/reported\s+—$/);
      }
      expect(row('core: scoreAssessment, in-process')).toMatch(/[\d,]+ assessments\/s/);
      expect(row('core: YAML text to JSON report, in-process')).toMatch(/[\d,]+ assessments\/s/);
      expect(result.status === 1).toBe(rows.some((line) => / no$/.test(line)));

      const folder = /temporary folder (\S+)/.exec(result.stderr)?.[1];
      expect(folder).toBeDefined();
      expect(existsSync(folder!)).toBe(false);
      expect(existsSync(join(ROOT, 'BENCHMARKS.md')) ? readFileSync(join(ROOT, 'BENCHMARKS.md'), 'utf8') : undefined).toBe(before);
    },
    180_000,
  );

  it('refuses unknown flags and measures with exit 2, before measuring anything', () => {
    for (const args of [['--fast'], ['--only', 'speed'], ['--only']]) {
      const result = spawnSync(process.execPath, ['bench/run.mjs', ...args], { cwd: ROOT, env: cleanEnv(), encoding: 'utf8' });
      expect(result.status, args.join(' ')).toBe(2);
      expect(result.stderr).toContain('usage: node bench/run.mjs');
    }
  });
});

describe('the generated answers files', () => {
  it('are valid for the built-in model and hold every answer, n/a, unanswered indicators and notes', async () => {
    const folder = tempDir();
    const files = await generateAnswersFiles(folder, 60);
    const validated = runCli(['validate', ...files]);
    expect(validated.code, validated.stderr).toBe(0);
    expect(validated.stdout.split('\n').filter((line) => line.startsWith('ok ')).length).toBe(60);

    const out = join(tempDir(), 'reports.jsonl');
    const scored = runCli(['score', folder, '--format', 'jsonl', '-o', out]);
    expect(scored.code, scored.stderr).toBe(0);
    const reports = readFileSync(out, 'utf8').trimEnd().split('\n').map((line) => reportSchema.parse(JSON.parse(line)));
    expect(reports.length).toBe(60);
    const indicators = reports.flatMap((report) => report.competencies.flatMap((competency) => competency.indicators));
    expect(new Set(indicators.map((indicator) => indicator.answer))).toEqual(new Set(['yes', 'mostly', 'partly', 'no', 'n/a', null]));
    expect(indicators.some((indicator) => indicator.note !== null)).toBe(true);
    expect(new Set(reports.map((report) => report.overall.stage)).size).toBeGreaterThan(1);
    expect(new Set(reports.map((report) => report.organisation)).size).toBe(60);
  });

  it('are the same bytes for the same seed, whatever the number of files, and differ for another seed', async () => {
    const model = await builtinModel();
    const [a, b, c] = [tempDir(), tempDir(), tempDir()];
    const first = await generateAnswersFiles(a, 30, { seed: 7, model });
    const second = await generateAnswersFiles(b, 30, { seed: 7, model });
    const other = await generateAnswersFiles(c, 30, { seed: 8, model });
    expect(second.map((file) => relative(b, file))).toEqual(first.map((file) => relative(a, file)));
    first.forEach((file, index) => {
      const bytes = readFileSync(file);
      expect(readFileSync(second[index]!).equals(bytes)).toBe(true);
      expect(bytes.toString('utf8')).toBe(answersText(model, index, 7));
    });
    expect(other.filter((file, index) => readFileSync(file).equals(readFileSync(first[index]!))).length).toBe(0);
  });
});

describe('the peak memory preload', () => {
  it.each(['0', 'process.exitCode = 1', 'process.exit(2)'])('records the peak RSS when the process ends with %s', (code) => {
    const file = join(tempDir(), 'rss');
    const result = spawnSync(process.execPath, ['--require', './bench/peak-rss.cjs', '-e', code], { cwd: ROOT, env: { ...cleanEnv(), CM_BENCH_PEAK_RSS_FILE: file } });
    expect(result.error).toBeUndefined();
    expect(Number(readFileSync(file, 'utf8'))).toBeGreaterThan(1000);
  });
});
