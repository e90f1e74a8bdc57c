import { describe, expect, it } from 'vitest';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { diffSchema } from '../../src/schema/diff.js';
import { markdownCells, ok, okInProcess, runCli, runInProcess, tempDir } from './support.js';

// Runs are in this process (runInProcess), but for reading standard input, checked on a spawned
// CLI: one of the two assessments from the real standard input, and not both.

const dir = tempDir();
/** The same organisation at two dates: small, hand-checked changes against examples/community@1.0/middle.yaml. */
const before = join(dir, 'before.yaml');
const after = join(dir, 'after.yaml');
const middle = readFileSync('examples/community@1.0/middle.yaml', 'utf8');
writeFileSync(before, middle);
// governance.moderation partly → yes: emergent (1 + 1 + 0.5) / 3 = 0.83 is met, community
// (0.5 + 0.75 + 0) / 3 = 0.41 → 2 + 0.41 / 0.75 = 2.55 (was 1.88). tools.sso partly → no: community
// (1 + 0 + 0.5) / 3 = 0.5 → 2 + 0.5 / 0.75 = 2.66 (was 2.88). Overall: 2.98 + (2.555 - 1.888 + 2.666 - 2.888) / 8
// = 3.04, into Community. A note is added to strategy.purpose.
const changed = middle
  .replace(/^date: .*$/m, 'date: 2026-12-01')
  .replace(/^( {2}governance\.moderation:).*$/m, '$1 "yes"')
  .replace(/^( {2}tools\.sso:).*$/m, '$1 "no"')
  .replace(/^( {2}strategy\.purpose:).*$/m, '$1 { answer: "yes", note: "Charter <v2> & more" }');
writeFileSync(after, changed);

describe('cm-maturity diff', async () => {
  const json = diffSchema.parse(JSON.parse(await okInProcess(['diff', before, after, '-f', 'json'])));

  it('lists every changed answer with its competency, old and new answer and notes', () => {
    expect(json.answers).toEqual([
      { indicator: 'strategy.purpose', competency: 'strategy', old: { answer: 'yes', note: null }, new: { answer: 'yes', note: 'Charter <v2> & more' } },
      { indicator: 'governance.moderation', competency: 'governance', old: { answer: 'partly', note: 'Moderation rules exist only as a team wiki page without examples; removals are not logged' }, new: { answer: 'yes', note: null } },
      { indicator: 'tools.sso', competency: 'tools', old: { answer: 'partly', note: 'Customer SSO live; partner accounts still use separate passwords' }, new: { answer: 'no', note: null } },
    ]);
  });

  it('gives score deltas and the stages gained and lost', async () => {
    expect(json.competencies.map((competency) => [competency.id, competency.old!.score, competency.new!.score, competency.delta])).toEqual([
      ['strategy', 3.44, 3.44, 0],
      ['leadership', 2.55, 2.55, 0],
      ['culture', 2.88, 2.88, 0],
      ['management', 3.44, 3.44, 0],
      ['content', 4, 4, 0],
      ['governance', 1.88, 2.55, 0.67],
      ['tools', 2.88, 2.66, -0.22],
      ['metrics', 2.77, 2.77, 0],
    ]);
    expect(json.overall).toEqual({ old: { level: 2, stage: 'emergent', score: 2.98 }, new: { level: 3, stage: 'community', score: 3.04 }, delta: 0.06 });
    expect(json.stageChanges).toEqual([
      { subject: 'governance', from: 'hierarchy', to: 'emergent', change: 'gained' },
      { subject: 'overall', from: 'emergent', to: 'community', change: 'gained' },
    ]);
    const lost = diffSchema.parse(JSON.parse(await okInProcess(['diff', after, before, '-f', 'json'])));
    expect(lost.stageChanges.map((change) => change.change)).toEqual(['lost', 'lost']);
    expect(json.old).toEqual({ file: before, date: '2026-09-15' });
    expect(json.new).toEqual({ file: after, date: '2026-12-01' });
  });

  it('the table and markdown formats say the same', async () => {
    const table = await okInProcess(['diff', before, after, '--width', '200']);
    expect(table).toContain('Larkspur Analytics — Community Management Maturity changes 2026-09-15 → 2026-12-01');
    expect(table).toContain('▲ gained Policies & Governance: Hierarchy → Emergent Community');
    expect(table).toMatch(/│ tools\.sso +│ Tools +│ partly → no +│/);
    const markdown = await okInProcess(['diff', before, after, '-f', 'markdown']);
    const row = markdown.split('\n').find((line) => line.startsWith('| strategy.purpose'))!;
    expect(markdownCells(row)).toEqual(['strategy.purpose', 'Strategy', 'yes → yes', 'Charter &lt;v2&gt; & more']);
    expect(markdown).toContain('- ▲ gained Policies & Governance: Hierarchy → Emergent Community');
  });

  it('exits 0 whether or not anything changed; no change says so', async () => {
    const same = await runInProcess(['diff', before, before]);
    expect(same.code).toBe(0);
    expect(same.stdout).toContain('Stages: no change.');
    expect(same.stdout).toContain('Answers: no change.');
    expect((await runInProcess(['diff', before, after])).code).toBe(0);
  });

  it('--fail-on-regression exits 1 when a score went down, 0 when none did', async () => {
    const result = await runInProcess(['diff', before, after, '--fail-on-regression']);
    expect(result.code).toBe(1);
    expect(result.stderr).toBe('cm-maturity: regression (--fail-on-regression): tools score fell from 2.88 to 2.66 (-0.22)\n');
    expect((await runInProcess(['diff', after, after, '--fail-on-regression'])).code).toBe(0);
  });

  it('compares JSON reports as well as answers files, and mixes of both', async () => {
    const report = join(dir, 'before.json');
    writeFileSync(report, await okInProcess(['score', before, '-f', 'json']));
    expect(diffSchema.parse(JSON.parse(await okInProcess(['diff', report, after, '-f', 'json'])))).toEqual({ ...json, old: { ...json.old, file: report } });
  });

  it('compares assessments of differently named organisations with a warning, and refuses other models (exit 2)', async () => {
    const other = await runInProcess(['diff', 'examples/community@1.0/early.yaml', after, '-f', 'json']);
    expect(other.code).toBe(0);
    expect(other.stderr).toBe(`cm-maturity: warning: ${after}: this is an assessment of "Larkspur Analytics", but examples/community@1.0/early.yaml is of "Fernwood Regional Health"; they are compared as they are\n`);
    expect(diffSchema.parse(JSON.parse(other.stdout)).organisation).toBe('Larkspur Analytics');
    expect((await runInProcess(['diff', 'examples/community@1.0/early.yaml', after, '--quiet'])).stderr).toBe('');
    const report = JSON.parse(await okInProcess(['score', before, '-f', 'json'])) as { model: { version: string } };
    const oldModel = join(dir, 'old-model.json');
    writeFileSync(oldModel, JSON.stringify({ ...report, model: { ...report.model, version: '0.9' } }));
    const mismatch = await runInProcess(['diff', oldModel, after]);
    expect(mismatch.code).toBe(2);
    expect(mismatch.stderr).toContain('scored with model community 1.0, but');
    expect((await runInProcess(['diff', oldModel, after, '--allow-model-change'])).code).toBe(0);
  });

  it('reads one of the two from standard input, but not both', () => {
    const text = readFileSync(before, 'utf8');
    expect(diffSchema.parse(JSON.parse(ok(['diff', '-', after, '-f', 'json'], { input: text }))).new.file).toBe(after);
    const both = runCli(['diff', '-', '-'], { input: text });
    expect(both.code).toBe(2);
    expect(both.stdout).toBe('');
    expect(both.stderr).toBe('cm-maturity: error: standard input (-) can be read once: give at most one of the two assessments as -\n');
  });
});
