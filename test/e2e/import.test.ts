import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT, runCli } from '../helpers/cli.js';

const DIR = join(ROOT, 'test/fixtures/import');
const temp = mkdtempSync(join(tmpdir(), 'cm-maturity-import-e2e-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

describe('cm-maturity import (built CLI)', () => {
  it('writes one answers file per row and exits 0', () => {
    const out = join(temp, 'responses');
    const result = runCli(['import', join(DIR, 'google.csv'), '-o', out, '--organisation', 'Acme Corp']);
    expect(result).toEqual({ code: 0, stdout: '', stderr: `wrote 3 answers files in ${out}: r01.yaml to r03.yaml\n` });
    expect(readdirSync(out).sort()).toEqual(['r01.yaml', 'r02.yaml', 'r03.yaml']);
  });

  it('exits 2 with every problem on standard error, no stack, and writes nothing', () => {
    const out = join(temp, 'refused');
    const file = join(DIR, 'bad/many.csv');
    const result = runCli(['import', file, '-o', out, '--organisation', 'Acme Corp']);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr.trim().split('\n').map((line) => line.slice(0, line.indexOf(': ')))).toEqual([`${file}:1:1`, `${file}:1:3`, `${file}:2:4`, `${file}:3:2`]);
    expect(result.stderr).not.toMatch(/\n\s+at /);
    expect(existsSync(out)).toBe(false);
  });

  it('exits 2 without -o', () => {
    const result = runCli(['import', join(DIR, 'google.csv')]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("required option '-o, --output <folder>' not specified");
  });
});
