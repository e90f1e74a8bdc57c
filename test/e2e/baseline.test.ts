import { describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { reportSchema, type Report } from '../../src/schema/report.js';
import { boxRows, markdownCells, okInProcess, runInProcess, tempDir } from './support.js';

// Every run here is in this process (runInProcess): baselines, deltas and --fail-on-regression
// are the work of the code. That a failed gate is exit 1 of a real process, and a bad input
// exit 2, is checked on spawned runs in gates.test.ts and errors.test.ts.

const EARLY = 'examples/community@1.0/early.yaml';
const MIDDLE = 'examples/community@1.0/middle.yaml';
const ADVANCED = 'examples/community@1.0/advanced.yaml';
const IDS = ['strategy', 'leadership', 'culture', 'management', 'content', 'governance', 'tools', 'metrics'];
// middle minus early, as printed: 3.44-1.66, 2.55-2.22, 2.88-1.88, 3.44-1.55, 4.00-1.66, 1.88-1.66, 2.88-2.44, 2.77-1.22; overall 2.98-1.79.
const MIDDLE_OVER_EARLY = [1.78, 0.33, 1, 1.89, 2.34, 0.22, 0.44, 1.55];

const dir = tempDir();
const earlyJson = join(dir, 'early.json');
writeFileSync(earlyJson, await okInProcess(['score', EARLY, '-f', 'json']));

async function scored(args: string[]): Promise<Report> {
  return reportSchema.parse(JSON.parse(await okInProcess(['score', ...args, '-f', 'json'])));
}

describe.each([
  ['a JSON report', earlyJson],
  ['an answers file', EARLY],
])('--baseline with %s', async (_kind, baseline) => {
  const report = await scored([MIDDLE, '--baseline', baseline]);

  it('adds the baseline and a delta on the overall score and every competency', () => {
    expect(report.baseline).toEqual({
      date: '2026-03-12',
      model: { id: 'community', version: '1.0' },
      overall: { level: 1, stage: 'hierarchy', score: 1.79 },
      competencies: IDS.map((id, index) => ({ id, ...[
        { level: 1, stage: 'hierarchy', score: 1.66 },
        { level: 2, stage: 'emergent', score: 2.22 },
        { level: 1, stage: 'hierarchy', score: 1.88 },
        { level: 1, stage: 'hierarchy', score: 1.55 },
        { level: 1, stage: 'hierarchy', score: 1.66 },
        { level: 1, stage: 'hierarchy', score: 1.66 },
        { level: 2, stage: 'emergent', score: 2.44 },
        { level: 1, stage: 'hierarchy', score: 1.22 },
      ][index]! })),
    });
    expect(report.overall.delta).toBe(1.19);
    expect(report.competencies.map((competency) => competency.delta)).toEqual(MIDDLE_OVER_EARLY);
  });

  it('keeps a fixed key order: delta right after score, baseline at the end', () => {
    expect(Object.keys(report.overall)).toEqual(['level', 'stage', 'stageName', 'score', 'delta']);
    expect(Object.keys(report.competencies[0]!)).toEqual(['id', 'name', 'weight', 'level', 'stage', 'stageName', 'score', 'delta', 'nextStage', 'attainment', 'next', 'indicators']);
    expect(Object.keys(report).at(-1)).toBe('baseline');
  });
});

describe('deltas in the table and markdown reports', () => {
  it('the table has a Change column with ▲/▼ and stage changes, and a baseline line', async () => {
    // Wide enough for a row a line.
    const table = await okInProcess(['score', MIDDLE, '--baseline', EARLY, '--width', '200']);
    const rows = boxRows(table);
    expect(rows[0]).toEqual(['Competency', 'Stage', 'Score', 'Change', 'Progress', 'Next stage']);
    expect(rows[1]!.slice(0, 4)).toEqual(['Strategy', 'Community', '3.44', '▲ +1.78 (Hierarchy → Community)']);
    expect(rows[2]!.slice(0, 4)).toEqual(['Leadership', 'Emergent Community', '2.55', '▲ +0.33']);
    expect(rows[9]!.slice(0, 4)).toEqual(['Overall (mean)', 'Emergent Community', '2.98', '▲ +1.19 (Hierarchy → Emergent Community)']);
    expect(table).toContain('Baseline 2026-03-12: overall 1.79 → 2.98 (▲ +1.19)');
  });

  it('a fall shows ▼ with a minus sign', async () => {
    const rows = boxRows(await okInProcess(['score', MIDDLE, '--baseline', ADVANCED, '--width', '200']));
    // advanced: strategy 4.00, overall 3.80.
    expect(rows[1]!.slice(0, 4)).toEqual(['Strategy', 'Community', '3.44', '▼ -0.56 (Network → Community)']);
    expect(rows[9]![3]).toBe('▼ -0.82 (Community → Emergent Community)');
  });

  it('the markdown table has a Change column', async () => {
    const markdown = await okInProcess(['score', MIDDLE, '--baseline', EARLY, '-f', 'markdown']);
    const lines = markdown.split('\n');
    const header = lines.findIndex((line) => line.startsWith('| Competency'));
    expect(markdownCells(lines[header]!)).toEqual(['Competency', 'Stage', 'Score', 'Change', 'Next stage']);
    expect(markdownCells(lines[header + 2]!)).toEqual(['Strategy', 'Community', '3.44', '▲ +1.78 (Hierarchy → Community)', 'Network 33%']);
    expect(markdown).toContain('Baseline 2026-03-12: overall 1.79 → 2.98 (▲ +1.19).');
  });

  it('without --baseline nothing changes', async () => {
    expect(await okInProcess(['score', MIDDLE])).not.toContain('Change');
  });
});

describe('--fail-on-regression', () => {
  it('passes when nothing went down, with one gate per competency and overall', async () => {
    const result = await runInProcess(['score', MIDDLE, '--baseline', earlyJson, '--fail-on-regression', '-f', 'json']);
    expect(result.code).toBe(0);
    const report = reportSchema.parse(JSON.parse(result.stdout));
    expect(report.gates!.map((gate) => [gate.subject, gate.passed])).toEqual([['overall', true], ...IDS.map((id) => [id, true])]);
  });

  it('passes against itself (no change is no regression)', async () => {
    expect((await runInProcess(['score', MIDDLE, '--baseline', MIDDLE, '--fail-on-regression'])).code).toBe(0);
  });

  it('fails when any score is lower, naming each', async () => {
    // The advanced example's answers, as if they were Larkspur's earlier assessment.
    const earlier = join(dir, 'larkspur-earlier.json');
    writeFileSync(earlier, JSON.stringify({ ...JSON.parse(await okInProcess(['score', ADVANCED, '-f', 'json'])), organisation: 'Larkspur Analytics' }, null, 2));
    const result = await runInProcess(['score', MIDDLE, '--baseline', earlier, '--fail-on-regression']);
    expect(result.code).toBe(1);
    const lines = result.stderr.trimEnd().split('\n');
    expect(lines[0]).toBe('cm-maturity: gate failed (--fail-on-regression): overall score fell from 3.80 to 2.98 (-0.82) since the baseline');
    expect(lines[1]).toBe('cm-maturity: gate failed (--fail-on-regression): strategy score fell from 4.00 to 3.44 (-0.56) since the baseline');
    // content went up (3.88 → 4.00): 7 competencies fell, plus the overall score.
    expect(lines).toHaveLength(8);
    expect(result.stderr).not.toContain('content score');
  });
});

describe('a baseline of another organisation', () => {
  it('is compared, with a warning naming both organisations, so that a wrong file does not pass a gate unnoticed', async () => {
    const result = await runInProcess(['score', MIDDLE, '--baseline', EARLY, '--fail-on-regression', '-f', 'json']);
    expect(result.code).toBe(0);
    expect(result.stderr).toBe(
      `cm-maturity: warning: ${EARLY}: the baseline is an assessment of "Fernwood Regional Health", not of "Larkspur Analytics"; its scores are compared as they are\n`,
    );
    expect(reportSchema.parse(JSON.parse(result.stdout)).baseline!.overall.score).toBe(1.79);
  });

  it('the same organisation gives no warning', async () => {
    expect((await runInProcess(['score', MIDDLE, '--baseline', MIDDLE])).stderr).toBe('');
  });
});

describe('baseline errors', async () => {
  const report = JSON.parse(await okInProcess(['score', EARLY, '-f', 'json'])) as Record<string, unknown> & Pick<Report, 'model' | 'competencies' | 'completeness'>;

  it('a baseline of another model version is an input error (exit 2)', async () => {
    const file = join(dir, 'other-version.json');
    writeFileSync(file, JSON.stringify({ ...report, model: { ...report.model, version: '0.9' } }, null, 2));
    const result = await runInProcess(['score', MIDDLE, '--baseline', file]);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe(`${file}:1:1: the baseline was made with model community 0.9, this report with community 1.0; --allow-model-change compares the competencies both have\n`);
  });

  it('--allow-model-change compares only the competencies both have', async () => {
    const file = join(dir, 'fewer.json');
    // The report of a model without `tools`: its completeness counts only the indicators it has.
    const competencies = report.competencies.filter((competency) => competency.id !== 'tools');
    const unanswered = report.completeness.unanswered.filter((id) => !id.startsWith('tools.'));
    const total = competencies.reduce((sum, competency) => sum + competency.indicators.length, 0);
    const completeness = { answered: total - unanswered.length, total, unanswered };
    writeFileSync(file, JSON.stringify({ ...report, model: { ...report.model, version: '0.9' }, competencies, completeness }, null, 2));
    const result = await runInProcess(['score', MIDDLE, '--baseline', file, '--allow-model-change', '--fail-on-regression', '-f', 'json']);
    expect(result.code).toBe(0);
    const scoredReport = reportSchema.parse(JSON.parse(result.stdout));
    expect(scoredReport.competencies.find((competency) => competency.id === 'tools')!.delta).toBeNull();
    expect(scoredReport.gates!.map((gate) => gate.subject)).not.toContain('tools');
    expect(scoredReport.baseline!.model).toEqual({ id: 'community', version: '0.9' });
    expect(await okInProcess(['score', MIDDLE, '--baseline', file, '--allow-model-change', '--width', '200'])).toMatch(/│ Tools +│ Emergent Community │ +2\.88 │ new /);
  });

  it('a damaged JSON report is located like any input error', async () => {
    const file = join(dir, 'damaged.json');
    const text = JSON.stringify({ ...report, overall: { level: 1, stage: 'hierarchy', stageName: 'Hierarchy', score: 'high' } }, null, 2);
    writeFileSync(file, text);
    const line = text.split('\n').findIndex((row) => row.includes('"high"')) + 1;
    const result = await runInProcess(['score', MIDDLE, '--baseline', file]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(new RegExp(`^${file.replace(/[.]/g, '\\.')}:${line}:\\d+: .*score`));
  });

  it('a JSON syntax error is located', async () => {
    const file = join(dir, 'broken.json');
    writeFileSync(file, '{\n  "schemaVersion": 1,\n  "model": {\n}');
    const result = await runInProcess(['score', MIDDLE, '--baseline', file]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/broken\.json:\d+:\d+: /);
  });

  it('a missing baseline file is an input error', async () => {
    const result = await runInProcess(['score', MIDDLE, '--baseline', 'nope.json']);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe('nope.json:1:1: no such file\n');
  });
});
