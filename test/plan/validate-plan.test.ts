import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv } from 'ajv';
import addFormats from 'ajv-formats';
import { parse } from 'yaml';
import { runInProcess } from '../helpers/in-process.js';
import { EDITOR_KEYWORDS, jsonSchemaText, planJsonSchema } from '../../src/schema/json-schema.js';

const DIR = 'test/fixtures/plan';
const BAD = `${DIR}/bad`;

/** One fixture per error class, with the one error it must give (line:col: message). */
const BAD_PLANS: Record<string, string> = {
  'bad-date.yaml': '23:10: actions[1].due must be a real date written YYYY-MM-DD, not "2027-02-30"',
  'bad-status.yaml': '24:13: actions[1].status must be one of todo, in-progress, done, dropped, not "started"',
  'before-baseline.yaml': "8:9: phase h1-2027 is due 2026-09-01, not after the baseline's date 2026-09-15",
  'dates-out-of-order.yaml': '11:9: phase h2-2027 is due 2027-01-31, not after phase h1-2027 before it (2027-06-30); list phases in the order they are due',
  'duplicate-action.yaml': '25:16: a second action for indicator "governance.moderation"; one action per indicator (first defined at line 14)',
  'missing-baseline.yaml': `4:11: baseline file "nowhere.yaml" does not exist (looked for ${join(BAD, 'nowhere.yaml')})`,
  'other-organisation.yaml': '2:15: the plan is for "Other Corp", but its baseline is of "Acme Corp"',
  'out-of-range.yaml': '9:68: target of overall: score 4.5 is out of range: a score is between 1 and 4',
  'unknown-competency.yaml': '12:16: unknown competency "governence" (did you mean governance?); targets are for strategy, governance, overall',
  'unknown-indicator.yaml': '20:16: unknown indicator "strategy.reveiw" (did you mean strategy.review?)',
  'unknown-key.yaml': '22:5: unknown key "ownr" in actions[1] (did you mean owner?); allowed keys: indicator, phase, owner, due, status, advice, note',
  'unknown-phase.yaml': '26:12: unknown phase "h3-2027" (did you mean h1-2027?); phases: h1-2027, h2-2027',
  'unknown-stage.yaml': '9:49: target of governance: "emerging" is not a stage of the model (did you mean emergent?); stages: ad-hoc, emergent, community, leader',
};

describe('validate recognises plan files', () => {
  it('accepts the plan, naming its organisation, model, phases and actions', async () => {
    const result = await runInProcess(['validate', `${DIR}/plan.yaml`]);
    expect(result).toMatchObject({ code: 0, stderr: '' });
    expect(result.stdout).toBe(`ok ${DIR}/plan.yaml: plan of Acme Corp for model track 2.0 (2 phases, 3 actions)\n`);
  });

  it('warns of a target below the baseline score; --strict makes it an error', async () => {
    const file = `${DIR}/warn-below-baseline.yaml`;
    const warning = `${file}:12:49: warning: target 2 of strategy in phase h2-2027 is below its baseline score 2.33`;
    const result = await runInProcess(['validate', file]);
    expect(result).toMatchObject({ code: 0, stderr: `${warning}\n` });
    expect(result.stdout).toContain('(2 phases, 3 actions), 1 warning');
    const strict = await runInProcess(['validate', '--strict', file]);
    expect(strict.code).toBe(2);
    expect(strict.stderr).toContain(`${file}:12:49: target 2 of strategy in phase h2-2027 is below its baseline score 2.33 (--strict)`);
  });

  for (const [name, error] of Object.entries(BAD_PLANS)) {
    it(`refuses ${name} with exit 2 and one located error`, async () => {
      const result = await runInProcess(['validate', `${BAD}/${name}`]);
      expect(result.code).toBe(2);
      expect(result.stdout).toBe('');
      expect(result.stderr).toBe(`${BAD}/${name}:${error}\n`);
    });
  }

  it('reports every error at once: a duplicate phase also leaves an action without its phase', async () => {
    const result = await runInProcess(['validate', `${BAD}/duplicate-phase.yaml`]);
    expect(result.code).toBe(2);
    expect(result.stderr.trimEnd().split('\n')).toEqual([
      `${BAD}/duplicate-phase.yaml:10:9: duplicate phase id "h1-2027" (first defined at line 6)`,
      `${BAD}/duplicate-phase.yaml:26:12: unknown phase "h2-2027" (did you mean h1-2027?); phases: h1-2027`,
    ]);
  });

  it('refuses a plan for another model than its baseline was scored with, at its model: line', async () => {
    const result = await runInProcess(['validate', `${BAD}/other-model.yaml`]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`${BAD}/other-model.yaml:4:11: the baseline was scored with model track 2.0, the plan is for track 1.0`);
  });

  it('lists a plan as kind "plan" in the JSON of validate', async () => {
    const result = await runInProcess(['validate', `${DIR}/plan.yaml`, '--format', 'json']);
    expect(JSON.parse(result.stdout).files[0]).toMatchObject({ path: `${DIR}/plan.yaml`, kind: 'plan', valid: true });
  });

  it('a plan passed where answers are expected is named as a plan', async () => {
    const result = await runInProcess(['score', `${DIR}/plan.yaml`]);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(`${DIR}/plan.yaml:1:1: this is a plan, not an answers file; pass it to score or history with --plan\n`);
  });
});

describe('the plan JSON Schema', () => {
  const schema = JSON.parse(readFileSync('schema/plan.schema.json', 'utf8')) as Record<string, unknown>;
  const ajv = new Ajv({ strict: true, allErrors: true });
  ajv.addVocabulary(EDITOR_KEYWORDS);
  addFormats.default(ajv);
  const validate = ajv.compile(schema);

  it('is the committed file, equal to fresh output, and printed by schema plan', async () => {
    expect(readFileSync('schema/plan.schema.json', 'utf8')).toBe(jsonSchemaText(planJsonSchema()));
    expect((await runInProcess(['schema', 'plan'])).stdout).toBe(jsonSchemaText(planJsonSchema()));
  });

  it('accepts the plan and rejects the shape errors among the bad plans', () => {
    expect(validate(parse(readFileSync(`${DIR}/plan.yaml`, 'utf8')))).toBe(true);
    for (const name of ['bad-status.yaml', 'bad-date.yaml', 'unknown-key.yaml']) {
      expect(validate(parse(readFileSync(`${BAD}/${name}`, 'utf8'))), name).toBe(false);
    }
  });
});
