import { existsSync, readdirSync, readFileSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import module from 'node:module';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, tempDir } from './support.js';

const args = ['score', 'examples/middle.yaml', '--format', 'json'];

/** Runs with the code cache in `folder`, checking that the run itself is as usual. */
function run(folder: string, env: Record<string, string> = {}) {
  const result = runCli(args, { env: { NODE_COMPILE_CACHE: folder, NODE_DISABLE_COMPILE_CACHE: undefined, NODE_OPTIONS: undefined, ...env } });
  expect(result.code).toBe(0);
  expect(result.stderr).toBe('');
  return result.stdout;
}

function cacheFiles(folder: string): string[] {
  const ours = join(folder, 'cm-maturity');
  return existsSync(ours) ? readdirSync(ours).map((name) => join(ours, name)) : [];
}

// Node 22.1+ keeps its own compile cache; bin/code-cache.cjs is what Node 20 uses.
describe.skipIf(typeof (module as { enableCompileCache?: unknown }).enableCompileCache === 'function')('the code cache on Node 20', () => {
  it('is written by the first run of a command and used, unchanged, by the next, with the same output', () => {
    const folder = tempDir();
    const first = run(folder);
    const [cache, ...others] = cacheFiles(folder);
    expect(others).toEqual([]);
    expect(cache).toMatch(/[0-9a-f]{32}-v\d+\.\d+\.\d+-[a-z0-9]+-[0-9a-f]{8}-score\.bin$/);
    const written = statSync(cache!).mtimeMs;
    expect(run(folder)).toBe(first);
    expect(statSync(cache!).mtimeMs).toBe(written);
    // Another command gets a cache of its own, one per bundle file it loads: `validate` needs the
    // yaml library and zod, which are in dist/cold.cjs. A second run uses both as they are.
    const validate = () => runCli(['validate', 'examples/middle.yaml', 'models/community.yaml'], { env: { NODE_COMPILE_CACHE: folder, NODE_OPTIONS: undefined } });
    const checked = validate();
    expect(checked.code).toBe(0);
    expect(cacheFiles(folder).map((file) => file.replace(/.*-/, '')).sort()).toEqual(['score.bin', 'validate.bin', 'validate.cold.bin']);
    const times = new Map(cacheFiles(folder).map((file) => [file, statSync(file).mtimeMs]));
    expect(validate()).toEqual(checked);
    for (const [file, time] of times) expect(statSync(file).mtimeMs).toBe(time);
  });

  it('is not written by a run that stops early (a bad file, help), whose cache would lack what the command runs', () => {
    const folder = tempDir();
    const env = { NODE_COMPILE_CACHE: folder, NODE_DISABLE_COMPILE_CACHE: undefined, NODE_OPTIONS: undefined };
    expect(runCli(['score', 'examples/no-such-file.yaml'], { env }).code).toBe(2);
    expect(runCli(['score', '--help'], { env }).code).toBe(0);
    expect(cacheFiles(folder)).toEqual([]);
    run(folder);
    expect(cacheFiles(folder).map((file) => file.replace(/.*-/, ''))).toEqual(['score.bin']);
  });

  it('ignores a damaged cache, gives the same output and replaces it', () => {
    const folder = tempDir();
    const expected = run(folder);
    const [cache] = cacheFiles(folder);
    writeFileSync(cache!, 'not a code cache');
    expect(run(folder)).toBe(expected);
    expect(readFileSync(cache!, 'utf8')).not.toBe('not a code cache');
  });

  it('removes caches of other builds unused for a week when it writes one, and keeps recent ones', () => {
    const folder = tempDir();
    run(folder);
    const [cache] = cacheFiles(folder);
    const old = join(folder, 'cm-maturity', `${'0'.repeat(32)}-v20.0.0-x64-00000000-score.bin`);
    const recent = join(folder, 'cm-maturity', `${'1'.repeat(32)}-v20.0.0-x64-00000000-score.bin`);
    const leftover = join(folder, 'cm-maturity', `${'2'.repeat(32)}-v20.0.0-x64-00000000-score.bin.123.tmp`);
    for (const file of [old, recent, leftover]) writeFileSync(file, 'another build');
    const eightDaysAgo = new Date(Date.now() - 8 * 24 * 60 * 60 * 1000);
    utimesSync(old, eightDaysAgo, eightDaysAgo);
    utimesSync(leftover, eightDaysAgo, eightDaysAgo);
    writeFileSync(cache!, 'damaged, so this run writes a new one');
    run(folder);
    expect(cacheFiles(folder).sort()).toEqual([cache, recent].sort());
  });

  it('is not written with NODE_DISABLE_COMPILE_CACHE, and a folder that cannot be written only costs speed', () => {
    const folder = tempDir();
    const expected = run(folder, { NODE_DISABLE_COMPILE_CACHE: '1' });
    expect(cacheFiles(folder)).toEqual([]);
    const file = join(folder, 'a-file');
    writeFileSync(file, '');
    expect(run(join(file, 'cache'))).toBe(expected);
  });
});
