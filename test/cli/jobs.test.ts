import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { builtinModel, generateAnswersFiles } from '../../bench/generate.mjs';
import { ROOT, runInProcess, tempDir } from '../e2e/support.js';

// Every run here is in this process (runInProcess), with real worker threads: what is checked is
// that the threads give the same bytes, errors and exit codes as one thread or the main thread.
// That a spawned run over many files exits and writes as run() says is checked end to end in
// test/e2e/output.test.ts and test/e2e/folders.test.ts.

/** The files are of the smaller model: what is compared is the threads' work, not the model's size. */
const MODEL = await builtinModel('community@1.0');

/** Enough files for worker threads to start (PARALLEL_MIN_FILES is 200), a few of them invalid. */
async function portfolio(): Promise<string> {
  const folder = tempDir();
  const files: string[] = await generateAnswersFiles(folder, 230, { model: MODEL });
  writeFileSync(files[3]!, 'organisation: Broken\nanswers:\n  strategy.purpose: maybe\n');
  writeFileSync(files[150]!, 'organisation: "unclosed\n');
  writeFileSync(join(dirname(files[0]!), 'zz-unknown.yaml'), 'organisation: Typo\nanswers:\n  strategy.purpos: "yes"\n');
  return folder;
}

describe('score --jobs', () => {
  it('gives byte-identical output, errors and exit codes with one thread or several, in every list format and with gates', async () => {
    const folder = await portfolio();
    // Each case against one thread with two or three threads, in turn; the streamed JSON Lines with both.
    const cases: [args: string[], several: string[]][] = [
      [['-f', 'jsonl'], ['2']],
      [['-f', 'csv'], ['3']],
      [['-f', 'json', '--sort', 'name'], ['2']],
      [['-f', 'table', '--fail-under', '2', '--require', 'tools=community'], ['3']],
      [['-f', 'jsonl', '--stale-after', '12m', '--fail-on-stale'], ['2']],
    ];
    for (const [args, several] of cases) {
      const one = await runInProcess(['score', folder, ...args, '--jobs', '1']);
      expect(one.code, args.join(' ')).toBe(2);
      expect(one.stdout.length).toBeGreaterThan(1000);
      expect(one.stderr).toMatch(/3 of 231 answers files are invalid/);
      expect(one.stderr).toMatch(/zz-unknown\.yaml:3:3: unknown indicator "strategy\.purpos" .*did you mean strategy\.purpose\?/);
      // The worker threads judge stale answers too: every line has its report's stale answers.
      if (args.includes('--stale-after')) expect(one.stdout.split('\n').filter((line) => line !== '').every((line) => line.includes('"stale":{"after":"12m","checkedBefore":'))).toBe(true);
      for (const jobs of several) {
        const other = await runInProcess(['score', folder, ...args, jobs === '3' ? '-j' : '--jobs', jobs]);
        expect(other.code, `${args.join(' ')} -j ${jobs}`).toBe(one.code);
        expect(other.stdout, `${args.join(' ')} -j ${jobs}`).toBe(one.stdout);
        expect(other.stderr, `${args.join(' ')} -j ${jobs}`).toBe(one.stderr);
      }
    }
  }, 600_000);

  it('stops every thread at a usage error that concerns every file', async () => {
    const folder = await portfolio();
    const result = await runInProcess(['score', folder, '-f', 'jsonl', '--jobs', '2', '--model', 'comunity']);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^cm-maturity: error: --model: "comunity" is not a built-in model \(did you mean community\?\)/);
    expect(result.stdout).toBe('');
  }, 120_000);

  it('stops where one thread would at a usage error met midway, after the same output', async () => {
    const folder = await portfolio();
    // A file of another model, sorted among the first batches: --require strategy means nothing for it.
    const other = join(folder, readdirSync(folder)[0]!, 'org-000100x.yaml');
    writeFileSync(other, `model: ${join(ROOT, 'test/fixtures/weak-models/weak.yaml')}\norganisation: Other\nanswers:\n  goals.written: "yes"\n`);
    const args = ['score', folder, '-f', 'jsonl', '--require', 'strategy=1'];
    // Standard input after the folder, never reached, keeps every file on the main thread.
    const main = await runInProcess([...args, '-'], { input: '' });
    expect(main.code).toBe(2);
    expect(main.stderr).toMatch(/--require: .*strategy/);
    expect(main.stdout.split('\n').length).toBeGreaterThan(90);
    for (const jobs of ['1', '2']) expect(await runInProcess([...args, '--jobs', jobs]), `-j ${jobs}`).toEqual(main);
  }, 240_000);

  it('reads - (standard input) among many files on the main thread, whatever --jobs says', async () => {
    const folder = await portfolio();
    const input = readFileSync(join(ROOT, 'examples/community@1.0/middle.yaml'), 'utf8');
    const one = await runInProcess(['score', '-', folder, '-f', 'csv', '--jobs', '1'], { input });
    const two = await runInProcess(['score', '-', folder, '-f', 'csv', '--jobs', '2'], { input });
    expect(one.stdout).toMatch(/Larkspur Analytics/);
    expect(two).toEqual(one);
  }, 240_000);

  it('writes the same JSON Lines from worker threads, to standard output or a file, as the main thread writes', async () => {
    const folder = await portfolio();
    const out = join(tempDir(), 'out.jsonl');
    const input = readFileSync(join(ROOT, 'examples/community@1.0/middle.yaml'), 'utf8');
    // Standard input among the files keeps every file on the main thread; the same file named, and the folder, go to worker threads.
    const main = await runInProcess(['score', '-', folder, '-f', 'jsonl'], { input });
    expect(main.code).toBe(2);
    // 232 files, 3 of them invalid: 229 lines, each ended by a line break.
    expect(main.stdout.split('\n')).toHaveLength(229 + 1);
    expect(main.stderr).toMatch(/3 of 232 answers files are invalid/);
    for (const jobs of ['1', '2']) {
      expect(await runInProcess(['score', 'examples/community@1.0/middle.yaml', folder, '-f', 'jsonl', '-j', jobs]), `-j ${jobs}`).toEqual(main);
      const written = await runInProcess(['score', 'examples/community@1.0/middle.yaml', folder, '-o', out, '-j', jobs]);
      expect(written, `-o, -j ${jobs}`).toEqual({ ...main, stdout: '' });
      expect(readFileSync(out, 'utf8'), `-o, -j ${jobs}`).toBe(main.stdout);
    }
  }, 600_000);

  it('refuses a --jobs that is not a whole number of threads', async () => {
    // A usage error like any other: checked in this process, with the exit code and message a run gives.
    for (const command of ['score', 'benchmark']) {
      for (const value of ['0', '-1', '1.5', 'many', '']) {
        const result = await runInProcess([command, 'examples/community@1.0/middle.yaml', '--jobs', value]);
        expect(result.code, `${command} ${value}`).toBe(2);
        expect(result.stderr, `${command} ${value}`).toMatch(/--jobs.*expected a whole number of threads, 1 or more/);
      }
    }
  });
});

describe('benchmark --jobs', () => {
  // The same pool two ways: examples/community@1.0/middle.yaml (of the model the files are generated for) and
  // the folder, scored by worker threads; and the same file read from standard input, which keeps
  // every file on the main thread.
  const input = readFileSync(join(ROOT, 'examples/community@1.0/middle.yaml'), 'utf8');
  const inWorkers = (folder: string, args: string[], last = false) => runInProcess(['benchmark', ...(last ? [folder, 'examples/community@1.0/middle.yaml'] : ['examples/community@1.0/middle.yaml', folder]), ...args]);
  const onMainThread = (folder: string, args: string[], last = false) => runInProcess(['benchmark', ...(last ? [folder, '-'] : ['-', folder]), ...args], { input });

  it('gives the same statistics from worker threads, one or several, as from the main thread', async () => {
    const folder = tempDir();
    await generateAnswersFiles(folder, 230, { model: MODEL });
    for (const args of [['-f', 'json', '--quiet'], ['-f', 'csv', '--min-completeness', '0.9', '--quiet']]) {
      const main = await onMainThread(folder, args);
      expect(main.code, main.stderr).toBe(0);
      expect(JSON.stringify(main.stdout).length).toBeGreaterThan(500);
      for (const jobs of ['1', '2']) expect(await inWorkers(folder, [...args, '-j', jobs]), `${args.join(' ')} -j ${jobs}`).toEqual(main);
    }
    // The warnings name the files, in the same order whatever the number of threads.
    const verbose = ['-f', 'json', '--verbose'];
    const one = await inWorkers(folder, [...verbose, '-j', '1']);
    expect(one.stderr.split('\n').filter((line) => line.startsWith('cm-maturity: warning: ')).length).toBeGreaterThan(200);
    expect(await inWorkers(folder, [...verbose, '-j', '2'])).toEqual(one);
  }, 600_000);

  it('reports every invalid file of the pool, a file of another model among them, as the main thread does, and writes nothing', async () => {
    const folder = await portfolio();
    const other = join(folder, readdirSync(folder)[0]!, 'org-000100x.yaml');
    writeFileSync(other, `model: ${join(ROOT, 'test/fixtures/weak-models/weak.yaml')}\norganisation: Other\nanswers:\n  goals.written: "yes"\n`);
    // The file given two ways comes last, so that the pool's model is named by a file of the folder.
    const main = await onMainThread(folder, ['--quiet'], true);
    expect(main.code).toBe(2);
    expect(main.stdout).toBe('');
    expect(main.stderr).toMatch(/zz-unknown\.yaml:3:3: unknown indicator "strategy\.purpos" .*did you mean strategy\.purpose\?/);
    expect(main.stderr).toMatch(/org-000100x\.yaml:1:1: uses model weak .*, but the pool uses community \S+ \(as in \S+org-000000\.yaml\)/);
    expect(main.stderr.split('\n').filter((line) => line !== '')).toHaveLength(4);
    for (const jobs of ['1', '2']) expect(await inWorkers(folder, ['--quiet', '-j', jobs], true), `-j ${jobs}`).toEqual(main);
  }, 600_000);

  it('stops every thread at a usage error that concerns every file', async () => {
    const folder = await portfolio();
    const result = await runInProcess(['benchmark', folder, '--jobs', '2', '--model', 'comunity']);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^cm-maturity: error: --model: "comunity" is not a built-in model \(did you mean community\?\)/);
    expect(result.stdout).toBe('');
  }, 120_000);
});
