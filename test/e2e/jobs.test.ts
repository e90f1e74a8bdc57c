import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateAnswersFiles } from '../../bench/generate.mjs';
import { ROOT, runCli, tempDir } from './support.js';

/** Enough files for worker threads to start (PARALLEL_MIN_FILES is 200), a few of them invalid. */
async function portfolio(): Promise<string> {
  const folder = tempDir();
  const files: string[] = await generateAnswersFiles(folder, 230);
  writeFileSync(files[3]!, 'organisation: Broken\nanswers:\n  strategy.purpose: maybe\n');
  writeFileSync(files[150]!, 'organisation: "unclosed\n');
  writeFileSync(join(dirname(files[0]!), 'zz-unknown.yaml'), 'organisation: Typo\nanswers:\n  strategy.purpos: "yes"\n');
  return folder;
}

describe('score --jobs', () => {
  it('gives byte-identical output, errors and exit codes with one thread or several, in every list format and with gates', async () => {
    const folder = await portfolio();
    for (const args of [['-f', 'jsonl'], ['-f', 'csv'], ['-f', 'json', '--sort', 'name'], ['-f', 'table', '--fail-under', '2', '--require', 'tools=community'], ['-f', 'jsonl', '--stale-after', '12m', '--fail-on-stale']]) {
      const one = runCli(['score', folder, ...args, '--jobs', '1'], { timeout: 120_000 });
      const two = runCli(['score', folder, ...args, '--jobs', '2'], { timeout: 120_000 });
      const three = runCli(['score', folder, ...args, '-j', '3'], { timeout: 120_000 });
      expect(one.code, args.join(' ')).toBe(2);
      expect(one.stdout.length).toBeGreaterThan(1000);
      expect(one.stderr).toMatch(/3 of 231 answers files are invalid/);
      expect(one.stderr).toMatch(/zz-unknown\.yaml:3:3: unknown indicator "strategy\.purpos" .*did you mean strategy\.purpose\?/);
      // The worker threads judge stale answers too: every line has its report's stale answers.
      if (args.includes('--stale-after')) expect(one.stdout.split('\n').filter((line) => line !== '').every((line) => line.includes('"stale":{"after":"12m","checkedBefore":'))).toBe(true);
      for (const other of [two, three]) {
        expect(other.code, args.join(' ')).toBe(one.code);
        expect(other.stdout, args.join(' ')).toBe(one.stdout);
        expect(other.stderr, args.join(' ')).toBe(one.stderr);
      }
    }
  }, 600_000);

  it('stops every thread at a usage error that concerns every file', async () => {
    const folder = await portfolio();
    const result = runCli(['score', folder, '-f', 'jsonl', '--jobs', '2', '--model', 'comunity'], { timeout: 120_000 });
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
    const one = runCli([...args, '--jobs', '1'], { timeout: 120_000 });
    const two = runCli([...args, '--jobs', '2'], { timeout: 120_000 });
    expect(one.code).toBe(2);
    expect(one.stderr).toMatch(/--require: .*strategy/);
    expect(one.stdout.split('\n').length).toBeGreaterThan(90);
    expect(two).toEqual(one);
  }, 240_000);

  it('reads - (standard input) among many files on one thread, as --jobs 1 does', async () => {
    const folder = await portfolio();
    const input = readFileSync(join(ROOT, 'examples/community@1.0/middle.yaml'), 'utf8');
    const one = runCli(['score', '-', folder, '-f', 'csv', '--jobs', '1'], { input, timeout: 120_000 });
    const two = runCli(['score', '-', folder, '-f', 'csv', '--jobs', '2'], { input, timeout: 120_000 });
    expect(one.stdout).toMatch(/Larkspur Analytics/);
    expect(two).toEqual(one);
  }, 240_000);

  it('refuses a --jobs that is not a whole number of threads', () => {
    for (const value of ['0', '-1', '1.5', 'many', '']) {
      const result = runCli(['score', 'examples/community@1.0/middle.yaml', '--jobs', value]);
      expect(result.code, value).toBe(2);
      expect(result.stderr, value).toMatch(/--jobs.*expected a whole number of threads, 1 or more/);
    }
  });
});
