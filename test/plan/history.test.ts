import { describe, expect, it } from 'vitest';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { historySchema } from '../../src/schema/history.js';
import { runInProcess } from '../helpers/in-process.js';
import { boxRows, tempDir } from '../e2e/support.js';

const DIR = 'test/fixtures/plan';
const ARGS = ['history', `${DIR}/answers.yaml`, `${DIR}/later.yaml`, '--plan', `${DIR}/plan.yaml`];

// The plan: h1-2027 (2027-06-30) strategy community (3), governance emergent (2), overall 2.5;
// h2-2027 (2027-12-31) governance community (3), the others held from h1-2027.

describe('history --plan', () => {
  it('table: a target row per phase among the assessments, by date', async () => {
    const result = await runInProcess(ARGS);
    expect(result).toMatchObject({ code: 0, stderr: '' });
    expect(boxRows(result.stdout)).toEqual([
      ['Date', 'strategy', 'governance', 'overall'],
      ['2026-09-15', '2.33', '1.83', '2.08'],
      ['2027-06-30 target', '3.00', '2.00', '2.50'],
      ['2027-07-15', '3.00', '1.99', '2.49'],
      ['2027-12-31 target', '3.00', '3.00', '2.50'],
      ['trend', '▄▆', '▃▃', '▄▄'],
    ]);
  });

  it('csv: a target line per phase after the assessments, with its phase', async () => {
    const result = await runInProcess([...ARGS, '-f', 'csv']);
    expect(result.stdout).toBe(['date,overall,strategy,governance,phase', '2026-09-15,2.08,2.33,1.83,', '2027-07-15,2.49,3.00,1.99,', '2027-06-30,2.50,3.00,2.00,h1-2027', '2027-12-31,2.50,3.00,3.00,h2-2027', ''].join('\n'));
  });

  it('json: the targets held by each phase, as scores; markdown has the target rows', async () => {
    const history = historySchema.parse(JSON.parse((await runInProcess([...ARGS, '-f', 'json'])).stdout));
    expect(history.targets).toEqual([
      { phase: 'h1-2027', by: '2027-06-30', scores: { strategy: 3, governance: 2 }, overall: 2.5 },
      { phase: 'h2-2027', by: '2027-12-31', scores: { strategy: 3, governance: 3 }, overall: 2.5 },
    ]);
    expect((await runInProcess([...ARGS, '-f', 'markdown'])).stdout).toContain('| 2027-12-31 target | 3\\.00 | 3\\.00 | 2\\.50 |\n');
  });

  it('without --plan, no target rows and no targets key', async () => {
    const result = await runInProcess(ARGS.slice(0, 3).concat(['-f', 'json']));
    expect(JSON.parse(result.stdout)).not.toHaveProperty('targets');
  });

  it("refuses a plan of another organisation at its organisation: line", async () => {
    const dir = tempDir();
    for (const name of ['track.model.yaml', 'answers.yaml']) writeFileSync(join(dir, name), readFileSync(join(DIR, name)));
    writeFileSync(join(dir, 'plan.yaml'), readFileSync(join(DIR, 'plan.yaml'), 'utf8'));
    writeFileSync(join(dir, 'other.yaml'), readFileSync(join(DIR, 'later.yaml'), 'utf8').replace('Acme Corp', 'Other Corp').replace('./track.model.yaml', `${join(process.cwd(), DIR, 'track.model.yaml')}`));
    const result = await runInProcess(['history', join(dir, 'other.yaml'), '--plan', join(dir, 'plan.yaml')]);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(`${join(dir, 'plan.yaml')}:2:15: the plan is for "Acme Corp", but the assessments are of "Other Corp"\n`);
  });
});
