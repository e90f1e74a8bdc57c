import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { okInProcess, runInProcess, tempDir } from './support.js';

// Every run here is in this process (runInProcess): how a JSON report given as input is refused
// or read is the work of the code. That a usage error is exit 2 of a real process is checked on
// spawned runs in errors.test.ts.

describe('a JSON report where answers or a model are expected', async () => {
  const folder = tempDir();
  const report = join(folder, 'report.json');
  writeFileSync(report, await okInProcess(['score', 'examples/community@1.0/middle.yaml', '--format', 'json']));

  it('is explained when scored, not mistaken for a model', async () => {
    const result = await runInProcess(['score', report]);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(`${report}:1:1: this is a JSON report written by --format json, not an answers file; reports are read by --baseline, diff and history\n`);
  });

  it('is explained when given as --model', async () => {
    const result = await runInProcess(['score', 'examples/community@1.0/middle.yaml', '--model', report]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('this is a JSON report written by --format json, not a model');
  });

  it('is recognised and checked by validate', async () => {
    expect(await okInProcess(['validate', report])).toBe(`ok ${report}: JSON report of Larkspur Analytics for model community 1.0\n`);
  });
});

describe('usage errors are said once, with the tool name', () => {
  it('a bad --model in validate and benchmark is one line, not one per file', async () => {
    for (const command of ['validate', 'benchmark']) {
      const result = await runInProcess([command, 'examples/community@1.0/early.yaml', 'examples/community@1.0/middle.yaml', '--model', 'nope']);
      expect(result.code).toBe(2);
      expect(result.stderr).toBe('cm-maturity: error: --model: "nope" is not a built-in model and no file of that name exists; built-in models: community, community@1.0, community@2.0\n');
    }
  });

  it('commander usage errors carry the cm-maturity prefix', async () => {
    const result = await runInProcess(['score', 'examples/community@1.0/middle.yaml', '--bogus']);
    expect(result.code).toBe(2);
    expect(result.stderr.startsWith("cm-maturity: error: unknown option '--bogus'")).toBe(true);
  });
});
