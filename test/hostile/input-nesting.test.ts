import { copyFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateAnswersFiles } from '../../bench/generate.mjs';
import { MAX_NESTING_DEPTH } from '../../src/parse/plain-yaml.js';
import { runCli, runInProcess, tempDir } from '../e2e/support.js';

// Class 1 of the hardening issue: a file nested thousands of levels deep exhausted the call stack
// (exit 3), at a depth that differed between the main thread and worker threads. Nesting is now
// counted from the parser's tokens before anything recursive runs: past the limit, the file is
// refused at the collection that goes too deep, with exit 2, the same on every thread.

const FIXTURE = 'test/fixtures/hostile/input-deep-nesting.yaml';
const TOO_DEEP = `YAML nesting too deep: mappings and lists are nested more than ${MAX_NESTING_DEPTH} levels deep here; the limit is ${MAX_NESTING_DEPTH}`;

/** Line 5 of the fixture is `  - - - …`: the root mapping and `answers:` are levels 1 and 2, each `- ` opens one more. */
const FIXTURE_AT = `${FIXTURE}:5:${3 + 2 * (MAX_NESTING_DEPTH - 2)}`;

describe('deep nesting', () => {
  for (const command of ['score', 'validate', 'benchmark']) {
    it(`${command}: the 2,500-level fixture is refused at the list that goes past the limit, exit 2`, async () => {
      const result = await runInProcess([command, FIXTURE]);
      expect(result.code, result.stderr).toBe(2);
      expect(result.stdout).toBe('');
      const lines = result.stderr.trimEnd().split('\n');
      expect(lines[0]).toBe(`${FIXTURE_AT}: ${TOO_DEEP}`);
      // benchmark adds its closing line; nothing else is said, and no stack.
      expect(lines.length).toBeLessThanOrEqual(2);
      expect(result.stderr).not.toMatch(/internal error|^\s+at /m);
    });
  }

  it('counts block mappings, block lists and flow collections alike, and allows exactly the limit', async () => {
    const dir = tempDir();
    /** An `answers:` value `inner` collections deep, the root mapping being one more. */
    const shapes: Record<string, (inner: number) => string> = {
      'block mappings': (inner) => Array.from({ length: inner }, (_, index) => `${' '.repeat(2 * (index + 1))}k${index}:`).join('\n') + ' x',
      'block lists': (inner) => `  ${'- '.repeat(inner)}x`,
      'flow lists': (inner) => `  ${'['.repeat(inner)}x${']'.repeat(inner)}`,
      'flow mappings': (inner) => `  ${'{a: '.repeat(inner)}x${'}'.repeat(inner)}`,
    };
    for (const [name, shape] of Object.entries(shapes)) {
      for (const depth of [MAX_NESTING_DEPTH, MAX_NESTING_DEPTH + 1, 3000]) {
        const file = join(dir, `${name.replace(' ', '-')}-${depth}.yaml`);
        writeFileSync(file, `organisation: Deep Ltd\nanswers:\n${shape(depth - 1)}\nmodel: community\n`);
        const result = await runInProcess(['validate', file]);
        expect(result.code, `${name}, ${depth}: ${result.stderr}`).toBe(2);
        expect(result.stderr).not.toMatch(/internal error|^\s+at /m);
        // At the limit the file is only wrong as answers (its shape); one level more, it is too deep.
        if (depth === MAX_NESTING_DEPTH) expect(result.stderr, name).not.toContain('nesting too deep');
        else expect(result.stderr, `${name}, ${depth}`).toMatch(new RegExp(`^${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:\\d+:\\d+: YAML nesting too deep`));
      }
    }
  });

  it('a pool with one deeply nested file: the same stderr and exit code with -j 1 and -j 2, and the valid files reported', async () => {
    const folder = tempDir();
    // Over 200 files, so that -j 2 scores them in a worker thread too.
    const files = await generateAnswersFiles(folder, 230);
    const deep = join(folder, '000-deep.yaml');
    copyFileSync(FIXTURE, deep);
    const one = runCli(['score', folder, '-f', 'jsonl', '-j', '1'], { timeout: 120_000 });
    const two = runCli(['score', folder, '-f', 'jsonl', '-j', '2'], { timeout: 120_000 });
    expect(one.code, one.stderr).toBe(2);
    expect(one.stderr.split('\n')).toContain(`${deep}:5:${3 + 2 * (MAX_NESTING_DEPTH - 2)}: ${TOO_DEEP}`);
    expect(one.stderr).toMatch(new RegExp(`cm-maturity: error: 1 of ${files.length + 1} answers files is invalid \\(see above\\); the other ${files.length} are reported\n$`));
    expect(one.stderr).not.toMatch(/internal error|^\s+at /m);
    expect(one.stdout.trimEnd().split('\n')).toHaveLength(files.length);
    expect(two.code).toBe(one.code);
    expect(two.stderr).toBe(one.stderr);
    expect(two.stdout).toBe(one.stdout);
  }, 240_000);
});
