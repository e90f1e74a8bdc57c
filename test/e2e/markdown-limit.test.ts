import { describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runInProcess, tempDir } from './support.js';

// Every run here is in this process (runInProcess): the size of a markdown report is the work of
// the code, not of the process.

const LIMIT = 1024 * 1024;

/** A model far larger than any real one: 20 competencies with 150 long indicators at the next stage each. */
function largeModel(): object {
  const long = (what: string, n: number) => `${what} ${n}: ${'Members & staff <agree> on | the plan, '.repeat(15)}`;
  return {
    id: 'large',
    name: 'Large model',
    version: '1',
    scale: [
      { id: 'yes', label: 'Yes', value: 1 },
      { id: 'no', label: 'No', value: 0 },
    ],
    stages: [
      { id: 's1', name: 'One' },
      { id: 's2', name: 'Two' },
      { id: 's3', name: 'Three' },
    ],
    competencies: Array.from({ length: 20 }, (_, c) => ({
      id: `c${c}`,
      name: `Competency ${c}`,
      indicators: [
        ...Array.from({ length: 150 }, (_, i) => ({ id: `c${c}.i${i}`, stage: 's2', text: long('Indicator', i), advice: long('Advice', i) })),
        { id: `c${c}.top`, stage: 's3', text: 'Top' },
      ],
    })),
  };
}

describe('markdown within GitHub\'s 1 MiB job-summary limit', () => {
  const dir = tempDir();
  writeFileSync(join(dir, 'model.json'), JSON.stringify(largeModel()));
  writeFileSync(join(dir, 'answers.yaml'), 'organisation: Big Org\nmodel: ./model.json\nanswers:\n  c0.i0: "no"\n');

  it('cuts next steps, never scores, with a note, when --all would go over', async () => {
    const result = await runInProcess(['score', join(dir, 'answers.yaml'), '-f', 'markdown', '--all']);
    expect(result.code).toBe(0);
    const bytes = Buffer.byteLength(result.stdout);
    expect(bytes).toBeLessThanOrEqual(LIMIT);
    expect(bytes).toBeGreaterThan(LIMIT / 2);
    for (let c = 0; c < 20; c++) expect(result.stdout).toContain(`| Competency ${c} | One | 1.00 | Two 0% |`);
    expect(result.stdout).toMatch(/\*The next steps of \d+ more competencies are left out to keep this report within GitHub's 1 MiB summary limit; `--format json` or `--format table` lists them all\.\*\n$/);
    // Whole competencies are cut: every section that is there is complete.
    const sections = result.stdout.split('\n### ').slice(1);
    for (const section of sections.slice(0, -1)) expect(section.match(/^- Indicator/gm)).toHaveLength(150);
  });

  it('leaves the default report (3 next steps per competency) whole', async () => {
    const result = await runInProcess(['score', join(dir, 'answers.yaml'), '-f', 'markdown']);
    expect(Buffer.byteLength(result.stdout)).toBeLessThan(LIMIT);
    expect(result.stdout).not.toContain('left out');
    expect(result.stdout.match(/^### /gm)).toHaveLength(20);
  });

  it('the built-in model with every next step listed is far below the limit', async () => {
    const result = await runInProcess(['score', 'examples/community@1.0/early.yaml', '-f', 'markdown', '--all', '--baseline', 'examples/community@1.0/advanced.yaml']);
    expect(Buffer.byteLength(result.stdout)).toBeLessThan(64 * 1024);
  });
});
