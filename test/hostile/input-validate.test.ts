import { copyFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runInProcess, tempDir } from '../e2e/support.js';

// Class 9 of the hardening issue: validate's 20-line cap applied to the whole run, so a file with
// many errors hid the others. The cap is per file, and a closing line names every invalid file.

const MANY = 'test/fixtures/hostile/input-many-errors.yaml';

describe('validate with several invalid files', () => {
  it('cuts each file at 20 lines, names the file in its cut, and closes naming every invalid file', async () => {
    const dir = tempDir();
    // A second file with as many errors, sorted after the first; a third with one; a valid one.
    const second = join(dir, 'zz-many.yaml');
    copyFileSync(MANY, second);
    const one = join(dir, 'zz-one.yaml');
    writeFileSync(one, 'organisation: One Error Ltd\nanswers:\n  strategy.purpose: maybe\n');
    const result = await runInProcess(['validate', MANY, 'examples/community@1.0/early.yaml', second, one]);
    expect(result.code).toBe(2);
    expect(result.stdout).toMatch(/^ok examples\/community@1\.0\/early\.yaml: /);
    const lines = result.stderr.trimEnd().split('\n');
    const of = (file: string) => lines.filter((line) => line.startsWith(`${file}:`));
    // The fixture's 25 unknown indicators are on lines 5 to 29.
    expect(of(MANY)).toEqual(Array.from({ length: 20 }, (_, index) => `${MANY}:${index + 5}:3: unknown indicator "unknown.indicator-${index + 1}" in model community`));
    expect(of(second)).toHaveLength(20);
    expect(of(one)).toEqual([`${one}:3:21: "maybe" is not an answer for strategy.purpose; allowed: yes, mostly, partly, no, n/a`]);
    // Files in the order of their names (the temporary folder's absolute path first), the closing line in the order given.
    expect(lines).toEqual([
      ...of(second),
      `… and 5 more in ${second}`,
      ...of(one),
      ...of(MANY),
      `… and 5 more in ${MANY}`,
      `cm-maturity: error: 3 of 4 files are invalid: ${MANY}, ${second}, ${one}`,
    ]);
  });

  it('one file: the same lines as before, "… and 5 more", no closing line', async () => {
    const result = await runInProcess(['validate', MANY]);
    expect(result.code).toBe(2);
    const lines = result.stderr.trimEnd().split('\n');
    expect(lines).toHaveLength(21);
    expect(lines.at(-1)).toBe('… and 5 more');
  });
});
