import { describe, expect, it } from 'vitest';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseCsv } from 'csv-parse/sync';
import { XMLParser } from 'fast-xml-parser';
import { reportSchema } from '../../src/schema/report.js';
import { runInProcess } from '../helpers/in-process.js';
import { parseHtml, select } from '../helpers/html.js';
import { readWorkbook, values } from '../helpers/xlsx.js';
import { boxRows, tempDir } from '../e2e/support.js';

const DIR = 'test/fixtures/plan';
const LATER = `${DIR}/later.yaml`;
const PLAN = `${DIR}/plan.yaml`;

// The later answers (2027-07-15) against the plan: strategy 3.00 (goal Community), governance
// 1.99 (goal Community, its key indicator moderation still partly), overall 2.49 (goal 2.50);
// phase h1-2027 (due 2027-06-30) is past, h2-2027 is due next. See test/plan/progress.test.ts
// for the formulas; the figures here are from the JSON report below.

async function score(args: string[]) {
  return runInProcess(['score', LATER, '--plan', PLAN, ...args]);
}

describe('score --plan in every format', () => {
  it('json: an additive plan key, hand-checked, that the report schema reads back', async () => {
    const result = await score(['-f', 'json']);
    expect(result).toMatchObject({ code: 0, stderr: '' });
    const report = reportSchema.parse(JSON.parse(result.stdout));
    expect(report.plan).toMatchObject({ baseline: { file: 'answers.yaml', date: '2026-09-15' }, phase: 'h2-2027', goal: 'h2-2027' });
    // governance: gap 3 − 1.99 = 1.01; 1 − 1.01 / 3 = 0.6633; (1.99 − 1.83) / (3 − 1.83) = 0.1368; the line from 2 (2027-06-30) to 3 (2027-12-31) is above 1.99.
    expect(report.plan!.competencies[1]).toEqual({ id: 'governance', name: 'Governance', score: 1.99, baseline: 1.83, target: 3, phaseTarget: 3, gap: 1.01, percentToTarget: 0.6633, progressToDate: 0.1368, onTrack: false });
    // Overall: 1 − (0 + 1.01) / (3 + 3) = 0.8316; own target 2.5: (2.49 − 2.08) / (2.5 − 2.08) = 0.9761.
    expect(report.plan!.overall).toMatchObject({ target: 2.5, gap: 0.01, percentToTarget: 0.8317, progressToDate: 0.9762, onTrack: false });
    expect(report.plan!.actions.map((action) => [action.indicator, action.stale ?? false])).toEqual([
      ['governance.moderation', true],
      ['strategy.review', true],
      ['governance.roles', false],
    ]);
  });

  it('json without --plan has no plan key: the report stays as it was', async () => {
    const report = JSON.parse((await runInProcess(['score', LATER, '-f', 'json'])).stdout);
    expect(report).not.toHaveProperty('plan');
  });

  it('table: the progress per competency and overall, then the actions of the phase due next and the overdue ones', async () => {
    const { stdout } = await score(['--width', '120']);
    const plan = stdout.slice(stdout.indexOf('\nPlan\n'));
    expect(plan).toContain('Goal: h2-2027, due 2027-12-31; due next: h2-2027, due 2027-12-31; from the baseline answers.yaml of 2026-09-15.');
    expect(boxRows(plan).slice(0, 4)).toEqual([
      ['Competency', 'Score', 'Phase', 'Goal', 'Gap', 'To goal', 'Progress', 'On track'],
      ['Strategy', '3.00', 'Community', 'Community', '0.00', '100%', '100%', 'yes'],
      ['Governance', '1.99', 'Community', 'Community', '1.01', '66%', '13%', 'behind'],
      ['Overall (mean)', '2.49', '2.50', '2.50', '0.01', '83%', '97%', 'behind'],
    ]);
    expect(plan).toContain('Actions (h2-2027, due 2027-12-31)\n  • Moderation is staffed [governance.moderation]\n    Head of Community · due 2027-03-31 · in-progress · h1-2027\n    ! overdue since 2027-03-31\n');
    expect(plan).toContain('  • Roles are documented [governance.roles]\n    Head of Community · due 2027-10-31 · todo\n');
  });

  it('markdown: a Plan section with its table and actions', async () => {
    const { stdout } = await score(['-f', 'markdown']);
    expect(stdout).toContain('## Plan\n');
    expect(stdout).toContain('| Governance | 1.99 | Community | Community | 1.01 | 66% | 13% | behind |\n');
    expect(stdout).toContain('- Moderation is staffed (`governance.moderation`): Head of Community · due 2027-03-31 · in-progress · h1-2027 **overdue since 2027-03-31**\n  - Note: Two moderators hired in March.\n');
  });

  it('html: the goal drawn on the radar in its own style, and the roadmap with one column per phase', async () => {
    const dir = tempDir();
    // Three competencies are needed for a radar: the plan sets a goal for each.
    const model = readFileSync(join(DIR, 'track.model.yaml'), 'utf8').concat(
      '  - id: tools\n    name: Tools\n    indicators:\n      - { id: tools.forum, stage: emergent, text: A forum exists }\n      - { id: tools.search, stage: community, text: It can be searched }\n      - { id: tools.api, stage: leader, text: It has an API }\n',
    );
    writeFileSync(join(dir, 'track.model.yaml'), model);
    for (const name of ['answers.yaml', 'later.yaml']) writeFileSync(join(dir, name), readFileSync(join(DIR, name), 'utf8').concat('  tools.forum: \'yes\'\n'));
    writeFileSync(join(dir, 'plan.yaml'), readFileSync(PLAN, 'utf8').replace('targets: { governance: community }', 'targets: { governance: community, tools: community }'));
    const result = await runInProcess(['score', join(dir, 'later.yaml'), '--plan', join(dir, 'plan.yaml'), '-f', 'html']);
    expect(result.code).toBe(0);
    const page = parseHtml(result.stdout);
    const target = select(page, 'g', 'series-target').filter((group) => !group.attrs.class!.includes('legend-item'));
    expect(select(page, 'g', 'legend-item').map((item) => item.text)).toContain('Plan goal, 2027-12-31');
    expect(target).toHaveLength(1);
    expect(select(target[0]!, 'polygon')[0]!.text).toBe('Plan goal, 2027-12-31');
    const phases = select(page, 'div', 'phase');
    expect(phases.map((phase) => select(phase, 'h3')[0]!.text)).toEqual(['First half 2027', 'h2-2027']);
    expect(select(phases[0]!, 'li', 'action').map((item) => item.text)).toEqual([
      expect.stringContaining('Moderation is staffed'),
      expect.stringContaining('The strategy is reviewed yearly'),
    ]);
    expect(select(phases[0]!, 'li', 'action')[0]!.text).toContain('Head of Community · due 2027-03-31 · in-progress overdue');
    expect(select(page, 'table', 'plan-progress')).toHaveLength(1);
  });

  it('xlsx: a Plan sheet and an Actions sheet', async () => {
    const dir = tempDir();
    const file = join(dir, 'report.xlsx');
    expect((await score(['-o', file])).code).toBe(0);
    const sheets = readWorkbook(readFileSync(file));
    expect(sheets.map((sheet) => sheet.name)).toEqual(['Assessment', 'Scores', 'Stage grid', 'Next steps', 'Answers', 'Plan', 'Actions']);
    expect(values(sheets[5]!)[2]).toEqual(['Governance', 1.99, 1.83, 3, 3, 1.01, 0.6633, 0.1368, 'behind']);
    expect(values(sheets[6]!)[1]).toEqual(['h1-2027', '2027-06-30', 'governance.moderation', 'governance', 'Moderation is staffed', 'Head of Community', '2027-03-31', 'in-progress', 'partly', 'overdue since 2027-03-31', 'Two moderators hired in March.']);
  });

  it('csv-actions: one row per action, for project tools; refused without --plan', async () => {
    const { stdout } = await score(['-f', 'csv-actions']);
    const rows = parseCsv(stdout, { columns: true }) as Record<string, string>[];
    expect(rows.map((row) => [row.indicator, row.phase, row.owner, row.due, row.status, row.attention])).toEqual([
      ['governance.moderation', 'h1-2027', 'Head of Community', '2027-03-31', 'in-progress', 'overdue since 2027-03-31'],
      ['strategy.review', 'h1-2027', 'Community lead', '2027-05-31', 'todo', 'overdue since 2027-05-31'],
      ['governance.roles', 'h2-2027', 'Head of Community', '2027-10-31', 'todo', ''],
    ]);
    const refused = await runInProcess(['score', LATER, '-f', 'csv-actions']);
    expect(refused).toMatchObject({ code: 2, stdout: '' });
    expect(refused.stderr).toContain("csv-actions lists a plan's actions: add --plan <file>");
  });

  it('flags an action marked done whose indicator is still below the threshold', async () => {
    const dir = tempDir();
    for (const name of ['track.model.yaml', 'answers.yaml', 'later.yaml']) writeFileSync(join(dir, name), readFileSync(join(DIR, name)));
    writeFileSync(join(dir, 'plan.yaml'), readFileSync(PLAN, 'utf8').replace('status: in-progress', 'status: done'));
    const result = await runInProcess(['score', join(dir, 'later.yaml'), '--plan', join(dir, 'plan.yaml')]);
    expect(result.stdout).toContain('! marked done, but still answered partly');
  });
});

describe('gates on the plan', () => {
  it('--fail-behind-plan: exit 1, one line per target missed of a phase due by the answers\' date', async () => {
    const result = await score(['--fail-behind-plan', '-f', 'json']);
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(
      [
        'cm-maturity: gate failed (--fail-behind-plan): governance is Ad hoc (1.99), the plan wanted Emergent by 2027-06-30 (phase h1-2027)',
        'cm-maturity: gate failed (--fail-behind-plan): overall is Emergent (2.49), the plan wanted 2.50 by 2027-06-30 (phase h1-2027)',
        '',
      ].join('\n'),
    );
    expect(JSON.parse(result.stdout).gates).toEqual([
      { gate: 'behind-plan', subject: 'strategy', target: 3, actual: 3, passed: true, phase: 'h1-2027', by: '2027-06-30' },
      { gate: 'behind-plan', subject: 'governance', target: 2, actual: 1.99, passed: false, phase: 'h1-2027', by: '2027-06-30' },
      { gate: 'behind-plan', subject: 'overall', target: 2.5, actual: 2.49, passed: false, phase: 'h1-2027', by: '2027-06-30' },
    ]);
  });

  it('--fail-on-stale-actions: exit 1 for actions due before the answers\' date and not done; in JUnit on their competency', async () => {
    const result = await score(['--fail-on-stale-actions', '-f', 'junit']);
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(
      [
        'cm-maturity: gate failed (--fail-on-stale-actions): the action on governance.moderation was due 2027-03-31 and is in-progress (phase h1-2027)',
        'cm-maturity: gate failed (--fail-on-stale-actions): the action on strategy.review was due 2027-05-31 and is todo (phase h1-2027)',
        '',
      ].join('\n'),
    );
    const xml = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '' }).parse(result.stdout);
    const cases = xml.testsuites.testsuite.testcase as { classname: string; failure?: { message: string; type: string } }[];
    expect(cases.map((testCase) => [testCase.classname, testCase.failure?.message ?? null])).toEqual([
      ['track.strategy', 'stale-action: the action on strategy.review was due 2027-05-31 and is todo (phase h1-2027)'],
      ['track.governance', 'stale-action: the action on governance.moderation was due 2027-03-31 and is in-progress (phase h1-2027)'],
      ['track.overall', null],
    ]);
  });

  it('passes on the plan\'s own baseline: nothing is due yet', async () => {
    const result = await runInProcess(['score', `${DIR}/answers.yaml`, '--plan', PLAN, '--fail-behind-plan', '--fail-on-stale-actions']);
    expect(result).toMatchObject({ code: 0, stderr: '' });
  });

  it('refuses the gates without --plan or without a date, and a plan of another organisation, with exit 2', async () => {
    expect((await runInProcess(['score', LATER, '--fail-behind-plan'])).stderr).toContain('--fail-behind-plan and --fail-on-stale-actions need --plan <file>');
    const dir = tempDir();
    for (const name of ['track.model.yaml', 'answers.yaml']) writeFileSync(join(dir, name), readFileSync(join(DIR, name)));
    writeFileSync(join(dir, 'plan.yaml'), readFileSync(PLAN));
    const undated = join(dir, 'undated.yaml');
    writeFileSync(undated, readFileSync(LATER, 'utf8').replace('date: 2027-07-15\n', ''));
    const noDate = await runInProcess(['score', undated, '--plan', join(dir, 'plan.yaml'), '--fail-behind-plan']);
    expect(noDate.code).toBe(2);
    expect(noDate.stderr).toContain(`${undated}:1:1: the answers have no date:`);
    const other = join(dir, 'other.yaml');
    writeFileSync(other, readFileSync(LATER, 'utf8').replace('Acme Corp', 'Other Corp'));
    const otherOrganisation = await runInProcess(['score', other, '--plan', join(dir, 'plan.yaml')]);
    expect(otherOrganisation.code).toBe(2);
    expect(otherOrganisation.stderr).toBe(`${join(dir, 'plan.yaml')}:2:15: the plan is for "Acme Corp", but the answers are of "Other Corp"\n`);
    const many = await runInProcess(['score', LATER, `${DIR}/answers.yaml`, '--plan', PLAN]);
    expect(many.stderr).toContain('--plan takes one answers file, not several');
  });
});
