// Writing outputs: an output never replaces an input, a full or closed standard output is said
// plainly, a run stopped by a signal leaves no temporary file, and an output that cannot be
// written says why. The process-level cases (signals, /dev/full) run the built CLI.
import { spawn, spawnSync } from 'node:child_process';
import { closeSync, copyFileSync, existsSync, mkdirSync, openSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateAnswersFiles } from '../../bench/generate.mjs';
import { BIN } from '../helpers/cli.js';
import { ROOT, runInProcess, tempDir } from './support.js';

const NODE = process.env.CM_MATURITY_TEST_NODE || process.execPath;

describe('an output that is one of the inputs', () => {
  it('is refused before anything is read or written, and the input is left as it was', async () => {
    const folder = tempDir();
    const answers = join(folder, 'answers.yaml');
    copyFileSync(join(ROOT, 'examples/community@1.0/middle.yaml'), answers);
    const before = readFileSync(answers, 'utf8');
    const result = await runInProcess(['score', answers, '-o', answers, '-f', 'json']);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe(`cm-maturity: error: -o ${answers}: this is ${answers}, one of the inputs; write the output to another file\n`);
    expect(readFileSync(answers, 'utf8')).toBe(before);
  });

  it('is recognised through a symbolic link, among many files, as a baseline and as a --model file', async () => {
    const folder = tempDir();
    const answers = join(folder, 'answers.yaml');
    copyFileSync(join(ROOT, 'examples/community@1.0/middle.yaml'), answers);
    const model = join(folder, 'model.yaml');
    copyFileSync(join(ROOT, 'models/community@1.0.yaml'), model);
    const link = join(folder, 'link.yaml');
    symlinkSync(answers, link);
    const cases = [
      ['score', link, '-o', answers],
      ['score', folder, '-f', 'csv', '-o', answers],
      ['score', 'examples/community@1.0/early.yaml', '--baseline', answers, '-o', answers],
      ['score', 'examples/community@1.0/early.yaml', '-m', model, '-o', model],
      ['benchmark', 'examples/community@1.0/early.yaml', '--org', answers, '-o', answers],
      ['diff', 'examples/community@1.0/early.yaml', answers, '-o', answers],
      ['history', answers, '-o', link],
      ['schema', 'answers', '-m', model, '-o', model],
    ];
    for (const args of cases) {
      const result = await runInProcess(args);
      expect(result.code, args.join(' ')).toBe(2);
      expect(result.stderr, args.join(' ')).toMatch(/one of the inputs/);
    }
    expect(readFileSync(answers, 'utf8')).toBe(readFileSync(join(ROOT, 'examples/community@1.0/middle.yaml'), 'utf8'));
    expect(readFileSync(model, 'utf8')).toBe(readFileSync(join(ROOT, 'models/community@1.0.yaml'), 'utf8'));
  });
});

describe('an output that cannot be written', () => {
  it('says why: a missing folder, a directory, a path through a file', async () => {
    const folder = tempDir();
    const expectations: [string, string][] = [
      [join(folder, 'missing', 'report.json'), 'its folder does not exist'],
      [folder, 'it is a directory'],
      [join(ROOT, 'examples/community@1.0/middle.yaml', 'report.json'), 'a part of its path is not a folder'],
    ];
    for (const [target, reason] of expectations) {
      const result = await runInProcess(['score', 'examples/community@1.0/middle.yaml', '-f', 'json', '-o', target]);
      expect(result.code, target).toBe(2);
      expect(result.stderr).toBe(`cm-maturity: error: cannot write ${target}: ${reason}\n`);
    }
  });

  it('a full standard output is exit 2 with "cannot write standard output", not an internal error', () => {
    for (const format of ['json', 'table']) {
      const full = openSync('/dev/full', 'w');
      try {
        const result = spawnSync(NODE, [BIN, 'score', 'examples/community@1.0/middle.yaml', '-f', format], { cwd: ROOT, stdio: ['ignore', full, 'pipe'], encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
        expect(result.status, result.stderr).toBe(2);
        expect(result.stderr).toBe('cm-maturity: error: cannot write standard output: no space left on the device\n');
      } finally {
        closeSync(full);
      }
    }
  });
});

describe('a run stopped during -o', () => {
  /** Starts a JSON Lines run over many files and stops it with `signal` once its temporary file exists. */
  async function stopMidway(signal: NodeJS.Signals): Promise<{ folder: string; signal: NodeJS.Signals | null }> {
    const folder = tempDir();
    await generateAnswersFiles(join(folder, 'pool'), 2000);
    const child = spawn(NODE, [BIN, 'score', join(folder, 'pool'), '-f', 'jsonl', '-j', '1', '-o', join(folder, 'out.jsonl')], { cwd: ROOT, stdio: 'ignore' });
    const ended = new Promise<NodeJS.Signals | null>((resolve) => child.on('exit', (_code, received) => resolve(received)));
    const deadline = Date.now() + 20_000;
    while (!readdirSync(folder).some((name) => name.endsWith('.tmp'))) {
      if (Date.now() > deadline) throw new Error('the run never opened its temporary file');
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    child.kill(signal);
    return { folder, signal: await ended };
  }

  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    it(`by ${signal} removes its temporary file, writes no output and ends by that signal`, async () => {
      const { folder, signal: received } = await stopMidway(signal);
      expect(received).toBe(signal);
      expect(readdirSync(folder).sort()).toEqual(['pool']);
    });
  }

  it('by kill -9 leaves a temporary file that the next run to the same target removes', async () => {
    const folder = tempDir();
    mkdirSync(join(folder, 'keep'));
    const dead = spawnSync(process.execPath, ['-e', '0']).pid!;
    const abandoned = join(folder, `.out.jsonl.${dead}.abc.tmp`);
    const live = join(folder, `.out.jsonl.${process.pid}.abc.tmp`);
    const other = join(folder, `.other.jsonl.${dead}.abc.tmp`);
    for (const file of [abandoned, live, other]) writeFileSync(file, 'partial');
    const result = spawnSync(NODE, [BIN, 'score', 'examples/community@1.0/middle.yaml', 'examples/community@1.0/early.yaml', '-f', 'jsonl', '-o', join(folder, 'out.jsonl')], { cwd: ROOT, encoding: 'utf8' });
    expect(result.status, result.stderr).toBe(0);
    expect(existsSync(abandoned)).toBe(false);
    // A file of a process that still runs, or of another target, is not this run's to remove.
    expect(existsSync(live)).toBe(true);
    expect(existsSync(other)).toBe(true);
    expect(readFileSync(join(folder, 'out.jsonl'), 'utf8').split('\n')).toHaveLength(3);
  });
});
