import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
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

/** Budgets are judged on Node 22 and later; on older versions every row is only reported. */
const NODE_MAJOR = Number(process.versions.node.split('.')[0]);
const JUDGED = NODE_MAJOR >= 22;

describe('the benchmark harness', () => {
  it(
    'runs every measure on small inputs, prints a row for each, writes nothing and leaves nothing in the temporary folder',
    () => {
      const before = existsSync(join(ROOT, 'BENCHMARKS.md')) ? readFileSync(join(ROOT, 'BENCHMARKS.md'), 'utf8') : undefined;
      // A temporary folder of its own, so that whatever the run leaves there is seen.
      const temp = tempDir();
      const result = spawnSync(process.execPath, ['bench/run.mjs', '--quick', '--no-write'], {
        cwd: ROOT,
        env: { ...cleanEnv(), TMPDIR: temp },
        encoding: 'utf8',
        timeout: 170_000,
      });
      // 1 is a missed budget, which depends on the machine; 2 and 3 are the harness's own failures.
      expect([0, 1], result.stderr).toContain(result.status);
      const rows = result.stdout.split('\n');
      expect(rows[0]).toBe(
        `Results on Node ${NODE_MAJOR} (Node.js ${process.version}, ${process.execPath}): ` +
          (JUDGED ? 'budgets judged' : 'no budget judged (budgets are judged on Node 22 and later): every row is reported'),
      );
      const row = (measure: string) => rows.find((line) => line.startsWith(measure));
      const budgets: [string, string][] = [
        ['start-up: score --format json', '≤ 2.50×'],
        ['throughput: score 200 files, jsonl', '≤ 1.50×'],
        ['memory: score 200 files, jsonl', '< 250 MB'],
        ['memory: benchmark 200 files ', '< 250 MB'],
      ];
      for (const [measure, budget] of budgets) {
        if (JUDGED) expect(row(measure), measure).toMatch(new RegExp(`\\s${budget.replace('.', '\\.')}\\s+(yes|no)$`));
        else expect(row(measure), measure).toMatch(/\sreported\s+—$/);
      }
      for (const measure of ['start-up: --version', 'throughput: score 200 files, jsonl, --jobs 1', 'memory: score 200 files, wall time', 'memory: benchmark 200 files, wall time']) {
        expect(row(measure), measure).toMatch(/reported\s+—$/);
      }
      expect(row('core: scoreAssessment, in-process')).toMatch(/[\d,]+ assessments\/s/);
      expect(row('core: YAML text to JSON report, in-process')).toMatch(/[\d,]+ assessments\/s/);
      expect(rows.some((line) => line.endsWith(`; Node.js ${process.version}`)), 'the machine line').toBe(true);
      // Only a budget missed on a version where budgets are judged makes the exit status 1.
      expect(result.status === 1).toBe(rows.some((line) => / no$/.test(line)));
      if (!JUDGED) expect(result.status).toBe(0);

      const folder = /temporary folder (\S+)/.exec(result.stderr)?.[1];
      expect(folder).toBeDefined();
      expect(folder!.startsWith(temp)).toBe(true);
      expect(existsSync(folder!)).toBe(false);
      expect(readdirSync(temp)).toEqual([]);
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

interface BenchRow {
  measure: string;
  figure: string;
  baseline: string;
  ratio: string;
  budget: string;
  within?: boolean;
}

/** What bench/run.mjs exports for writing BENCHMARKS.md (imported, it measures nothing). */
interface BenchRun {
  resultSections(markdown: string): Map<number, string>;
  benchmarksMarkdown(options: {
    rows: BenchRow[];
    sizes: { warmupRounds: number; startupRounds: number; throughputFiles: number; throughputRuns: number; memoryFiles: number; coreAssessments: number };
    totalMs: number;
    existing?: string;
    version?: string;
    runPhases?: [string, number][];
    commands?: string[];
  }): string;
}

const bench = (await import(pathToFileURL(join(ROOT, 'bench/run.mjs')).href)) as BenchRun;

describe('BENCHMARKS.md as a full run writes it', () => {
  const sizes = { warmupRounds: 2, startupRounds: 20, throughputFiles: 10_000, throughputRuns: 5, memoryFiles: 100_000, coreAssessments: 100 };
  const startup = (figure: string, judged: boolean): BenchRow => ({
    measure: 'start-up: score --format json',
    figure,
    baseline: 'node -e 0: 40.0 ms',
    ratio: '1.50×',
    budget: judged ? '≤ 2.50×' : 'reported',
    ...(judged ? { within: true } : {}),
  });
  const write = (existing: string, version: string, figure: string) =>
    bench.benchmarksMarkdown({ rows: [startup(figure, Number(version.slice(1).split('.')[0]) >= 22)], sizes, totalMs: 1000, existing, version, runPhases: [['start-up', 1000]], commands: ['node -e 0'] });

  it('has one results section per Node major version, each rewritten only by a run on that version', () => {
    const on24 = write('', 'v24.22.3', '61.0 ms');
    expect([...bench.resultSections(on24).keys()]).toEqual([24]);
    const both = write(on24, 'v20.20.2', '52.0 ms');
    const sections = bench.resultSections(both);
    expect([...sections.keys()]).toEqual([24, 20]);
    expect(sections.get(24)).toBe(bench.resultSections(on24).get(24));
    expect(sections.get(20)).toContain('| start-up: score --format json | 52.0 ms | node -e 0: 40.0 ms | 1.50× | reported | — |');
    expect(sections.get(20)).toContain('on Node 20 every row is reported');
    expect(sections.get(20)).toMatch(/^Machine: .*; Node\.js v20\.20\.2\.$/m);
    expect(sections.get(20)).toMatch(/^MB are 10⁶ bytes\. Run on \d{4}-\d\d-\d\d \d\d:\d\d UTC in 1\.0 s: start-up 1\.0 s\.$/m);

    const again = write(both, 'v24.1.0', '58.0 ms');
    const rewritten = bench.resultSections(again);
    expect([...rewritten.keys()]).toEqual([24, 20]);
    expect(rewritten.get(20)).toBe(sections.get(20));
    expect(rewritten.get(24)).toContain('| start-up: score --format json | 58.0 ms | node -e 0: 40.0 ms | 1.50× | ≤ 2.50× | yes |');
    expect(rewritten.get(24)).not.toContain('61.0 ms');
    expect(rewritten.get(24)).toMatch(/^Machine: .*; Node\.js v24\.1\.0\.$/m);
    // Written again on the same version, the file is the same but for the run's own section.
    expect(write(again, 'v24.1.0', '58.0 ms').replace(/Run on [^:]+:\d\d UTC/g, '')).toBe(again.replace(/Run on [^:]+:\d\d UTC/g, ''));
  });

  it('says how to get the Node 24 figures, and what is measured against which budget', () => {
    const text = write('', 'v24.22.3', '61.0 ms');
    expect(text).toContain('`npm run bench` on Node 24');
    expect(text).toContain('"$(bash scripts/lts-node.sh)" bench/run.mjs');
    const measured = text.slice(text.indexOf('## What is measured'), text.indexOf('## Commands')).replace(/\s+/g, ' ');
    expect(measured).toContain('judged on Node 22 and later');
    expect(measured).toContain('Budget: at most 2.50× `node -e 0`');
    expect(measured).toContain('Budget: at most 1.50× the baseline');
    expect(measured).toContain('the `yaml` package');
    expect(measured).not.toContain('js-yaml');
    expect(measured.match(/budget under 250 MB/g)).toHaveLength(2);
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
