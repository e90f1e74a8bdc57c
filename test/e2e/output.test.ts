import { describe, expect, it } from 'vitest';
import { spawn, spawnSync } from 'node:child_process';
import { closeSync, cpSync, existsSync, mkdirSync, openSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { BIN } from '../helpers/cli.js';
import { ESC, ROOT, runCli, tempDir } from './support.js';
import { generateAnswersFiles } from '../../bench/generate.mjs';
import { PARALLEL_MIN_FILES } from '../../src/pipeline/score-files.js';

// Every test here stays end-to-end, on the spawned CLI: each is about the process, not about what
// it computes (the files it writes or leaves alone, its standard output as a pipe, a full device,
// a reader gone away, colour as decided from its environment and terminal).

const MIDDLE = 'examples/community@1.0/middle.yaml';

describe('score --output', () => {
  const dir = tempDir();
  const stdoutJson = runCli(['score', MIDDLE, '-f', 'json']).stdout;

  it('writes the report to the file, the same bytes as on stdout, and nothing on stdout', () => {
    const path = join(dir, 'report.json');
    const result = runCli(['score', MIDDLE, '-f', 'json', '-o', path]);
    expect(result.code).toBe(0);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe('');
    expect(readFileSync(path, 'utf8')).toBe(stdoutJson);
  });

  it('writes every format, and --output works like -o', () => {
    for (const format of ['table', 'markdown']) {
      const path = join(dir, `report.${format}`);
      expect(runCli(['score', MIDDLE, '--format', format, '--output', path]).code).toBe(0);
      expect(readFileSync(path, 'utf8')).toBe(runCli(['score', MIDDLE, '--format', format]).stdout);
    }
  });

  it('replaces an existing file and leaves no temporary files behind', () => {
    const sub = join(dir, 'replace');
    mkdirSync(sub);
    const path = join(sub, 'report.json');
    writeFileSync(path, 'old contents that are longer than nothing\n'.repeat(2000));
    expect(runCli(['score', MIDDLE, '-f', 'json', '-o', path]).code).toBe(0);
    expect(readFileSync(path, 'utf8')).toBe(stdoutJson);
    expect(readdirSync(sub)).toEqual(['report.json']);
  });

  it('still warns about unanswered indicators on stderr when writing a file', () => {
    const path = join(dir, 'partial.json');
    const result = runCli(['score', 'examples/community@1.0/partial.yaml', '-f', 'json', '-o', path]);
    expect(result.code).toBe(0);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain('cm-maturity: warning: 43 of 72 indicators are unanswered');
    expect(JSON.parse(readFileSync(path, 'utf8'))).toMatchObject({ organisation: 'Brightwater City Council' });
  });

  it('writes to stdout with -o -', () => {
    const result = runCli(['score', MIDDLE, '-f', 'json', '-o', '-']);
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(stdoutJson);
    expect(existsSync(join(ROOT, '-'))).toBe(false);
  });

  it('exits 2 with a clear message and no stack when the folder does not exist', () => {
    const path = join(dir, 'missing', 'report.json');
    const result = runCli(['score', MIDDLE, '-o', path]);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe(`cm-maturity: error: cannot write ${path}: its folder does not exist\n`);
    expect(existsSync(join(dir, 'missing'))).toBe(false);
  });

  it('exits 2 with a clear message when the output is a folder', () => {
    const result = runCli(['score', MIDDLE, '-o', dir]);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(`cm-maturity: error: cannot write ${dir}: it is a directory\n`);
  });

  it.skipIf(process.platform === 'win32')('writes into a named pipe in place instead of replacing it', async () => {
    const fifo = join(dir, 'report.pipe');
    expect(spawnSync('mkfifo', [fifo]).status).toBe(0);
    const reader = spawn('cat', [fifo]);
    const chunks: Buffer[] = [];
    reader.stdout.on('data', (chunk: Buffer) => chunks.push(chunk));
    const closed = new Promise<void>((resolve) => reader.on('close', () => resolve()));
    try {
      const result = runCli(['score', MIDDLE, '-f', 'json', '-o', fifo]);
      expect(result.stderr).toBe('');
      expect(result.code).toBe(0);
      expect(statSync(fifo).isFIFO()).toBe(true);
      await closed;
      expect(Buffer.concat(chunks).toString('utf8')).toBe(stdoutJson);
    } finally {
      reader.kill();
    }
  });
});

describe('score writing to standard output', () => {
  it.runIf(existsSync('/bin/bash'))('is not disturbed by a reader that goes away (| true)', () => {
    // `true` exits without reading, so the write usually fails with EPIPE.
    const result = spawnSync('/bin/bash', ['-c', '"$0" "$1" score examples/community@1.0/middle.yaml --all -f json | true; echo "${PIPESTATUS[0]}"', process.execPath, BIN], {
      cwd: ROOT,
      encoding: 'utf8',
      env: { ...process.env, NO_COLOR: '1' },
    });
    expect(result.stderr).toBe('');
    expect(result.stdout).toBe('0\n');
  });

  it.skipIf(process.platform === 'win32')('exits 0 without a stack when the reader closes the pipe early', async () => {
    const child = spawn(process.execPath, [BIN, 'score', 'examples/community@1.0/partial.yaml', '--all', '-f', 'json'], { cwd: ROOT, env: { ...process.env, NO_COLOR: '1' } });
    child.stdout.destroy();
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    const code = await new Promise<number | null>((resolve) => child.on('close', (status) => resolve(status)));
    expect(stderr).not.toMatch(/^\s+at /m);
    expect(stderr).not.toContain('Unhandled');
    expect(code).toBe(0);
  });

  it.skipIf(process.platform === 'win32')('writes every byte to a non-blocking pipe that fills up before it is read', async () => {
    // A Node parent that writes to its piped standard output after starting the tool makes the
    // pipe non-blocking (libuv does), for the tool too, as they share it: once the pipe's buffer is
    // full, writes are refused with EAGAIN until the reader catches up. Both a whole report and
    // streamed lines must arrive complete and in order.
    const dir = tempDir();
    for (let copy = 0; copy < 30; copy++) writeFileSync(join(dir, `org-${String(copy).padStart(2, '0')}.yaml`), readFileSync(join(ROOT, MIDDLE)));
    for (const format of ['json', 'jsonl']) {
      const args = [BIN, 'score', dir, '-f', format];
      const expected = runCli(args.slice(1)).stdout;
      expect(expected.length).toBeGreaterThan(500_000);
      const relay = `require('node:child_process').spawn(process.execPath, ${JSON.stringify(args)}, { stdio: ['ignore', 'inherit', 'inherit'] }).on('exit', (code) => { process.exitCode = code; }); process.stdout.write('');`;
      const parent = spawn(process.execPath, ['-e', relay], { cwd: ROOT, env: { ...process.env, NO_COLOR: '1' } });
      const closed = new Promise<number | null>((resolve) => parent.on('close', (status) => resolve(status)));
      let stderr = '';
      parent.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
      parent.stdout.pause();
      await new Promise((resolve) => setTimeout(resolve, 1500));
      const chunks: Buffer[] = [];
      parent.stdout.on('data', (chunk: Buffer) => chunks.push(chunk));
      parent.stdout.resume();
      expect(await closed).toBe(0);
      expect(stderr).toBe('');
      expect(Buffer.concat(chunks).toString('utf8')).toBe(expected);
    }
  });

  // Exit code 3 (internal failure) cannot be provoked through input, which is the point; an
  // installation missing a file of its own is a failure outside the user's files that reaches it.
  it.each(['score-worker.cjs', 'list-worker.cjs'])('exits 3 with a one-line internal error when the installation is broken (no %s), the stack with --debug', async (missing) => {
    const dir = tempDir();
    for (const part of ['bin', 'locales', 'models', 'schema', 'package.json']) cpSync(join(ROOT, part), join(dir, part), { recursive: true });
    mkdirSync(join(dir, 'dist'));
    for (const part of ['cli.cjs', 'score-worker.cjs', 'list-worker.cjs', 'models']) if (part !== missing) cpSync(join(ROOT, 'dist', part), join(dir, 'dist', part), { recursive: true });
    await generateAnswersFiles(join(dir, 'pool'), PARALLEL_MIN_FILES);
    for (const extra of [[], ['--debug']]) {
      const result = spawnSync(process.env.CM_MATURITY_TEST_NODE || process.execPath, [join(dir, 'bin', 'cm-maturity.cjs'), 'score', join(dir, 'pool'), '-f', 'jsonl', '-j', '2', '-o', join(dir, 'out.jsonl'), ...extra], {
        cwd: ROOT,
        encoding: 'utf8',
        env: { ...process.env, NO_COLOR: '1' },
      });
      expect(result.status).toBe(3);
      const errors = result.stderr.split('\n').filter((line) => line !== '' && !line.startsWith('cm-maturity: warning: '));
      if (extra.length === 0) {
        expect(errors).toEqual([`cm-maturity: internal error: Cannot find module '${join(dir, 'dist', missing)}' (run with --debug for details)`]);
      } else {
        expect(errors[0]).toBe(`cm-maturity: internal error: Cannot find module '${join(dir, 'dist', missing)}'`);
        expect(result.stderr).toMatch(/^\s+at /m);
      }
      // Nothing written, no temporary file left.
      expect(readdirSync(dir).sort()).toEqual(['bin', 'dist', 'locales', 'models', 'package.json', 'pool', 'schema']);
    }
  });
});

describe('colour', () => {
  const dir = tempDir();
  const colourEnv = { NO_COLOR: undefined, FORCE_COLOR: '1' };
  /** The table as printed without colour (NO_COLOR=1), made once. */
  let plainTable: string | undefined;
  const plain = () => (plainTable ??= runCli(['score', MIDDLE]).stdout);

  it('is off with NO_COLOR=1, even when FORCE_COLOR is set', () => {
    expect(plain()).not.toContain(ESC);
    const result = runCli(['score', MIDDLE], { env: { NO_COLOR: '1', FORCE_COLOR: '1' } });
    expect(result.code).toBe(0);
    expect(result.stdout).not.toContain(ESC);
  });

  it('is on in the table with FORCE_COLOR=1 and no NO_COLOR', () => {
    const coloured = runCli(['score', MIDDLE], { env: colourEnv });
    expect(coloured.code).toBe(0);
    expect(coloured.stdout).toContain(`${ESC}[`);
    // The same text once the escapes are taken out.
    expect(coloured.stdout.replace(/\u001b\[\d+m/g, '')).toBe(plain());
  });

  it('is treated as unset when NO_COLOR is empty', () => {
    expect(runCli(['score', MIDDLE], { env: { NO_COLOR: '', FORCE_COLOR: '1' } }).stdout).toContain(ESC);
  });

  it('is off with FORCE_COLOR=0 on a pipe', () => {
    expect(runCli(['score', MIDDLE], { env: { NO_COLOR: undefined, FORCE_COLOR: '0' } }).stdout).not.toContain(ESC);
  });

  it('is off with --no-color even when FORCE_COLOR=1', () => {
    const result = runCli(['score', MIDDLE, '--no-color'], { env: colourEnv });
    expect(result.code).toBe(0);
    expect(result.stdout).not.toContain(ESC);
    expect(result.stdout).toBe(plain());
  });

  it('never appears in JSON or markdown, nor in the warning on stderr', () => {
    for (const format of ['json', 'markdown']) {
      const result = runCli(['score', 'examples/community@1.0/partial.yaml', '-f', format], { env: colourEnv });
      expect(result.code).toBe(0);
      expect(result.stdout).not.toContain(ESC);
      expect(result.stderr).not.toContain(ESC);
      expect(result.stdout).toBe(runCli(['score', 'examples/community@1.0/partial.yaml', '-f', format]).stdout);
    }
  });

  it('never appears in a file written with -o', () => {
    const path = join(dir, 'report.txt');
    const result = runCli(['score', MIDDLE, '-o', path], { env: colourEnv });
    expect(result.code).toBe(0);
    expect(readFileSync(path, 'utf8')).not.toContain(ESC);
    expect(readFileSync(path, 'utf8')).toBe(plain());
  });

  it('follows the same rules in the models and validate output, where it changes no text, and never appears in their JSON', () => {
    for (const args of [['models'], ['validate', 'models/community@1.0.yaml', MIDDLE]]) {
      const coloured = runCli(args, { env: colourEnv }).stdout;
      expect(coloured).toContain(`${ESC}[`);
      expect(coloured.replace(/\u001b\[\d+m/g, '')).toBe(runCli(args).stdout);
      expect(runCli([...args, '--no-color'], { env: colourEnv }).stdout).not.toContain(ESC);
    }
    for (const args of [['models', '-f', 'json'], ['validate', 'models/community@1.0.yaml', MIDDLE, '-f', 'json']]) {
      expect(runCli(args, { env: colourEnv }).stdout).not.toContain(ESC);
    }
  });
});
