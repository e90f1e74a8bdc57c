import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { BIN } from '../helpers/cli.js';
import { ROOT, runCli, runInProcess } from './support.js';

// Help texts and usage errors are checked on runs in this process (runInProcess). Spawned, as
// they are about the built program: help written to a reader that goes away, and --version, which
// prints the version the build writes into the bundle (run from the sources, it is 0.0.0-dev).

const SCORE_OPTIONS = ['--model', '--format', '--output', '--strict', '--all', '--no-color', '--fail-on-regression', '--regression-tolerance', '--stale-after', '--fail-on-stale'];

describe('help', () => {
  it('--help lists every command, the examples and the exit codes', async () => {
    for (const args of [['--help'], ['-h'], ['help']]) {
      const result = await runInProcess(args);
      expect(result.code).toBe(0);
      expect(result.stderr).toBe('');
      expect(result.stdout).toMatch(/^Usage: cm-maturity /);
      for (const command of ['score', 'validate', 'models']) expect(result.stdout).toMatch(new RegExp(`^  ${command} `, 'm'));
      for (const option of ['--version', '--debug', '--help']) expect(result.stdout).toContain(option);
      expect(result.stdout).toContain('Examples:\n  $ cm-maturity score examples/middle.yaml');
      expect(result.stdout).toContain('Exit codes: 0 ok, 1 a gate failed, 2 invalid input or usage, 3 internal failure.');
    }
  });

  it('score --help lists every option with its short form, the formats and examples', async () => {
    const result = await runInProcess(['score', '--help']);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^Usage: cm-maturity score \[options\] <answers>/);
    for (const option of SCORE_OPTIONS) expect(result.stdout).toMatch(new RegExp(`^  (-\\w, )?${option}\\b`, 'm'));
    expect(result.stdout).toMatch(/^ {2}-m, --model /m);
    expect(result.stdout).toMatch(/^ {2}-f, --format /m);
    expect(result.stdout).toMatch(/^ {2}-o, --output /m);
    expect(result.stdout).toContain('"table", "json", "markdown"');
    // Help wraps its descriptions to the width of the option column.
    const words = result.stdout.replace(/\s+/g, ' ');
    expect(words).toContain('first 3 per');
    expect(words).toMatch(/in the format its extension names \(\.json, \.jsonl, \.csv, \.md markdown, \.html, \.xml junit, \.txt table(, [^)]*)?\); repeatable/);
    expect(result.stdout).toContain('Examples:\n  $ cm-maturity score examples/middle.yaml');
    expect((await runInProcess(['help', 'score'])).stdout).toBe(result.stdout);
  });

  it('validate --help and models --help describe their options and exit 0', async () => {
    const validate = await runInProcess(['validate', '--help']);
    expect(validate.code).toBe(0);
    expect(validate.stdout).toContain('--model');
    expect(validate.stdout).toContain('Examples:');
    const models = await runInProcess(['models', '--help']);
    expect(models.code).toBe(0);
    expect(models.stdout).toContain('--format');
  });

  it('every command lists --no-color; validate and models list --format json; init says -o creates folders', async () => {
    for (const command of ['score', 'validate', 'models', 'diff', 'history', 'benchmark', 'init', 'assess', 'migrate', 'schema']) {
      expect((await runInProcess([command, '--help'])).stdout, command).toMatch(/^ {2}--no-color /m);
    }
    for (const command of ['validate', 'models']) {
      const help = (await runInProcess([command, '--help'])).stdout;
      expect(help, command).toMatch(/^ {2}-f, --format <format> /m);
      expect(help.replace(/\s+/g, ' '), command).toContain('"json"');
    }
    expect((await runInProcess(['init', '--help'])).stdout.replace(/\s+/g, ' ')).toContain('creating its folder if missing');
  });

  it('survives a reader that stops early (--help | head -1)', () => {
    const result = spawnSync('/bin/sh', ['-c', '"$0" "$1" --help | head -1; "$0" "$1" score --help | true', process.execPath, BIN], { cwd: ROOT, encoding: 'utf8' });
    expect(result.stdout).toMatch(/^Usage: cm-maturity /);
    expect(result.stderr).toBe('');
  });
});

describe('--version', () => {
  const { version } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string };

  it.each([['--version'], ['-V']])('%s prints the package.json version', (flag) => {
    const result = runCli([flag]);
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(`${version}\n`);
    expect(result.stderr).toBe('');
  });
});

describe('usage errors exit 2', () => {
  it.each([
    [['bogus'], "unknown command 'bogus'"],
    [['scor', 'examples/community@1.0/middle.yaml'], 'Did you mean score?'],
    [['score', 'examples/community@1.0/middle.yaml', '--bogus'], "unknown option '--bogus'"],
    [['score', 'examples/community@1.0/middle.yaml', '--formt', 'json'], '--format'],
    [['score'], "missing required argument 'answers'"],
    [['score', 'examples/community@1.0/middle.yaml', '--format', 'pdf'], 'Allowed choices are table, json, markdown, junit, html'],
    [['score', 'examples/community@1.0/middle.yaml', '--model'], "option '-m, --model <id|path>' argument missing"],
    [['score', 'examples/community@1.0/middle.yaml', '--stale-after', '12'], `option '--stale-after <duration>' argument '12' is invalid. "12" is not a duration: expected a whole number from 1 to 9999 and a unit: d (days), w (weeks), m (months) or y (years), e.g. 90d, 2w, 12m, 1y`],
    [['score', 'examples/community@1.0/middle.yaml', '--stale-after', '0m'], '"0m" is not a duration'],
    [['score', 'examples/community@1.0/middle.yaml', '--stale-after', '12M'], '"12M" is not a duration'],
    [['score', 'examples/community@1.0/middle.yaml', '--fail-on-stale'], 'cm-maturity: error: --fail-on-stale needs --stale-after <duration>'],
    [['validate'], "missing required argument 'file'"],
    [['models', 'extra'], 'too many arguments'],
  ])('cm-maturity %j', async (args, message) => {
    const result = await runInProcess(args);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain(message);
    expect(result.stderr).not.toMatch(/^\s+at /m);
  });

  it('with no command at all, shows the help on stderr', async () => {
    const result = await runInProcess([]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('Usage: cm-maturity');
  });

  it('the bin script exists and is what runCli runs', () => {
    expect(existsSync(BIN)).toBe(true);
  });
});

describe('help of the CI options and commands', () => {
  it('score --help lists the gate and baseline options with examples', async () => {
    const { stdout, code } = await runInProcess(['score', '--help']);
    expect(code).toBe(0);
    for (const option of ['--fail-under', '--require', '--baseline', '--fail-on-regression', '--allow-model-change']) expect(stdout).toMatch(new RegExp(`^  ${option}\\b`, 'm'));
    expect(stdout.replace(/\s+/g, ' ')).toContain('"junit"');
    expect(stdout).toContain('$ cm-maturity score answers.yaml --fail-under community --require strategy=2.5');
  });

  it.each([
    ['diff', ['--format', '--fail-on-regression', '--regression-tolerance', '--allow-model-change', '--model', '--output'], '$ cm-maturity diff examples/early.yaml examples/middle.yaml'],
    ['history', ['--git', '--format', '--model', '--output'], '$ cm-maturity history --git community/maturity.yaml'],
    ['migrate', ['--output', '--force', '--to', '--quiet'], '$ cm-maturity migrate acme.yaml -o acme.yaml --force'],
  ])('%s --help describes its options with examples', async (command, options, example) => {
    const { stdout, code } = await runInProcess([command, '--help']);
    expect(code).toBe(0);
    for (const option of options) expect(stdout).toContain(option);
    expect(stdout).toContain(example);
  });

  it('the root help lists diff, history and migrate', async () => {
    const { stdout } = await runInProcess(['--help']);
    for (const command of ['diff', 'history', 'migrate']) expect(stdout).toMatch(new RegExp(`^  ${command} `, 'm'));
  });
});
