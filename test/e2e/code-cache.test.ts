import { afterEach, describe, expect, it } from 'vitest';
import { chmodSync, cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { ROOT, runCli } from '../helpers/cli.js';

/** The code cache of bin/code-cache.cjs: where it is kept, who may write it, when it is used. */

const temporary: string[] = [];
afterEach(() => {
  for (const folder of temporary.splice(0)) {
    chmodSync(folder, 0o700);
    rmSync(folder, { recursive: true, force: true });
  }
});

function cacheRoot(): string {
  const folder = mkdtempSync(join(tmpdir(), 'cm-code-cache-'));
  temporary.push(folder);
  return folder;
}

/** Every file under `folder`, relative, with its mode. */
function files(folder: string): { path: string; mode: number }[] {
  return readdirSync(folder, { recursive: true, encoding: 'utf8' })
    .filter((path) => statSync(join(folder, path)).isFile())
    .map((path) => ({ path, mode: statSync(join(folder, path)).mode & 0o777 }));
}

const SCORE = ['score', 'examples/community@1.0/middle.yaml', '--format', 'json'];
const expected = runCli(SCORE, { env: { NODE_DISABLE_COMPILE_CACHE: '1' } }).stdout;
const build = /^\/\/ build ([0-9a-f]+)\n/.exec(readFileSync(join(ROOT, 'dist/cli.cjs'), 'utf8'))?.[1];

describe('the code cache', () => {
  it('is written by a first run that did its work, in a private folder of its own, and used by the next runs', () => {
    const root = cacheRoot();
    const env = { NODE_COMPILE_CACHE: root };
    expect(runCli(['score', '--help'], { env }).code).toBe(0);
    expect(files(join(root, 'cm-maturity')).filter((file) => file.path.endsWith('.bin'))).toEqual([]);

    const first = runCli(SCORE, { env });
    expect(first.code).toBe(0);
    expect(first.stdout).toBe(expected);
    const caches = files(join(root, 'cm-maturity'));
    expect(caches).toHaveLength(1);
    // Named for the installation, then the build, Node's version, the architecture, the flags and the command.
    expect(caches[0]!.path).toMatch(new RegExp(`^[0-9a-f]{8}/${build}-v\\d+\\.\\d+\\.\\d+-${process.arch}-[0-9a-f]{8}-score\\.bin$`));
    expect(caches[0]!.mode).toBe(0o600);
    expect(statSync(join(root, 'cm-maturity')).mode & 0o777).toBe(0o700);
    const cache = join(root, 'cm-maturity', caches[0]!.path);
    const written = readFileSync(cache);

    const second = runCli(SCORE, { env });
    expect(second.stdout).toBe(expected);
    // Used as it is, not made again.
    expect(readFileSync(cache).equals(written)).toBe(true);
  });

  it('that V8 refuses (damaged, or from another Node) costs nothing but speed, and is made again', () => {
    const root = cacheRoot();
    const env = { NODE_COMPILE_CACHE: root };
    runCli(SCORE, { env });
    const [cache] = files(join(root, 'cm-maturity'));
    const path = join(root, 'cm-maturity', cache!.path);
    writeFileSync(path, Buffer.alloc(4096, 0x5a), { mode: 0o600 });
    const run = runCli(SCORE, { env });
    expect(run).toMatchObject({ code: 0, stdout: expected, stderr: '' });
    expect(readFileSync(path).equals(Buffer.alloc(4096, 0x5a))).toBe(false);
  });

  it('is not read from, or written to, a folder others can write to', () => {
    const root = cacheRoot();
    const folder = join(root, 'cm-maturity');
    mkdirSync(folder, { mode: 0o700 });
    chmodSync(folder, 0o777);
    const run = runCli(SCORE, { env: { NODE_COMPILE_CACHE: root } });
    expect(run).toMatchObject({ code: 0, stdout: expected, stderr: '' });
    expect(files(folder)).toEqual([]);
  });

  it('is not read through a symbolic link', () => {
    const root = cacheRoot();
    const elsewhere = cacheRoot();
    symlinkSync(elsewhere, join(root, 'cm-maturity'));
    const run = runCli(SCORE, { env: { NODE_COMPILE_CACHE: root } });
    expect(run).toMatchObject({ code: 0, stdout: expected });
    expect(files(elsewhere)).toEqual([]);
  });

  it('is never shared between two installations', () => {
    const root = cacheRoot();
    const copy = cacheRoot();
    for (const part of ['bin', 'dist', 'locales', 'models', 'package.json']) cpSync(join(ROOT, part), join(copy, part), { recursive: true });
    const env = { NODE_COMPILE_CACHE: root };
    runCli(SCORE, { env });
    const other = spawnSync(process.env.CM_MATURITY_TEST_NODE || process.execPath, [join(copy, 'bin/cm-maturity.cjs'), ...SCORE], {
      cwd: ROOT,
      env: { ...process.env, ...env },
      encoding: 'utf8',
    });
    expect(other.stdout).toBe(expected);
    const folders = readdirSync(join(root, 'cm-maturity'));
    expect(folders).toHaveLength(2);
  });

  it('is left alone with NODE_DISABLE_COMPILE_CACHE, as Node does its own', () => {
    const root = cacheRoot();
    const run = runCli(SCORE, { env: { NODE_COMPILE_CACHE: root, NODE_DISABLE_COMPILE_CACHE: '1' } });
    expect(run).toMatchObject({ code: 0, stdout: expected });
    expect(readdirSync(root)).toEqual([]);
  });

  it('of an older build is removed when the new build saves its own', () => {
    const root = cacheRoot();
    const env = { NODE_COMPILE_CACHE: root };
    runCli(SCORE, { env });
    const [cache] = files(join(root, 'cm-maturity'));
    const folder = join(root, 'cm-maturity', cache!.path.split('/')[0]!);
    const old = join(folder, `${'f'.repeat(32)}-v0.0.0-x64-00000000-score.bin`);
    writeFileSync(old, 'old', { mode: 0o600 });
    runCli(['validate', 'examples/community@1.0/middle.yaml'], { env });
    const names = readdirSync(folder);
    expect(names).toHaveLength(2);
    expect(names).toContain(cache!.path.split('/')[1]!);
    expect(names.find((name) => name !== cache!.path.split('/')[1])).toMatch(new RegExp(`^${build}-.*-validate\\.bin$`));
  });
});
