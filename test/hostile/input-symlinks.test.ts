import { copyFileSync, mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { okInProcess, runInProcess, tempDir } from '../e2e/support.js';

// Class 10 (point 3) of the hardening issue: a folder reached twice through symbolic links was
// scored twice, and a link back to a folder it is in led the walk out of the folder named. Files
// are kept once by their real path, and a link that loops is not followed.

describe('folders reached through symbolic links', () => {
  it('scores each real file once, follows links elsewhere, and never leaves the folder through a loop', async () => {
    const dir = tempDir();
    const pool = join(dir, 'pool');
    mkdirSync(join(pool, 'a'), { recursive: true });
    mkdirSync(join(dir, 'elsewhere'));
    copyFileSync('examples/community@1.0/early.yaml', join(pool, 'a', 'early.yaml'));
    copyFileSync('examples/community@1.0/middle.yaml', join(dir, 'elsewhere', 'middle.yaml'));
    // Outside the pool, reachable only through the loop `up`: it must never be read.
    writeFileSync(join(dir, 'outside.yaml'), 'organisation: Outside Ltd\nanswers: {}\n');
    symlinkSync('a', join(pool, 'b')); // the same folder twice
    symlinkSync(join('a', 'early.yaml'), join(pool, 'early-link.yaml')); // the same file twice
    symlinkSync(join('..', '..', 'elsewhere'), join(pool, 'a', 'elsewhere')); // a folder elsewhere: followed
    symlinkSync('..', join(pool, 'a', 'loop')); // back to the pool
    symlinkSync(join('..', '..'), join(pool, 'a', 'up')); // back past the pool: out of it
    const result = await runInProcess(['score', pool, '-f', 'csv']);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toBe('');
    const files = result.stdout.trimEnd().split('\n').slice(1).map((row) => row.split(',')[0]).sort();
    expect(files).toEqual([join(pool, 'a', 'early.yaml'), join(pool, 'a', 'elsewhere', 'middle.yaml')]);
    // A file given twice, through a link and directly, is read once.
    const twice = await okInProcess(['score', join(pool, 'early-link.yaml'), join(pool, 'b', 'early.yaml'), join(pool, 'a', 'early.yaml'), '-f', 'csv']);
    expect(twice.trimEnd().split('\n')).toHaveLength(2);
  });
});
