import { describe, expect, it } from 'vitest';
import { copyFileSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { runInProcess } from '../helpers/in-process.js';
import { tempDir } from '../e2e/support.js';

const FIXTURES = 'test/fixtures/plan';

/** A folder holding the fixture model and answers, as an organisation's repository would. */
function repository(): string {
  const dir = tempDir();
  for (const name of ['track.model.yaml', 'answers.yaml']) copyFileSync(join(FIXTURES, name), join(dir, name));
  return dir;
}

async function plan(args: string[]) {
  const result = await runInProcess(['plan', ...args]);
  if (result.code !== 0) throw new Error(`plan exited ${result.code}: ${result.stderr}`);
  return result;
}

/** The lines of `before`, each found in `after` in the same order: nothing removed or changed, only lines added. */
function onlyAdded(before: string, after: string): string[] {
  const lines = after.split('\n');
  let at = 0;
  const missing: string[] = [];
  for (const line of before.split('\n')) {
    const found = lines.indexOf(line, at);
    if (found === -1) missing.push(line);
    else at = found + 1;
  }
  return missing;
}

describe('plan', () => {
  it('writes a plan with its baseline, model, phases with targets and the actions with owners, dates and advice', async () => {
    const dir = repository();
    const file = join(dir, 'plan.yaml');
    await plan([join(dir, 'answers.yaml'), '--target', 'community', '--by', '2027-12-31', '-o', file]);
    const written = parse(readFileSync(file, 'utf8'));
    expect(written).toMatchObject({
      organisation: 'Acme Corp',
      model: 'track.model.yaml',
      baseline: 'answers.yaml',
      phases: [
        { id: 'phase-1', name: 'Phase 1', by: '2027-05-09', targets: { strategy: 'community', governance: 'emergent' } },
        { id: 'phase-2', name: 'Phase 2', by: '2027-12-31', targets: { strategy: 'community', governance: 'community', overall: 'community' } },
      ],
    });
    // Strategy: budget (emergent), review (community, key), metrics; governance: moderation (key), code, roles.
    expect(written.actions.map((action: { indicator: string; phase: string }) => `${action.indicator} ${action.phase}`)).toEqual([
      'strategy.budget phase-1',
      'strategy.review phase-1',
      'governance.moderation phase-1',
      'governance.code phase-1',
      'strategy.metrics phase-2',
      'governance.roles phase-2',
    ]);
    expect(written.actions[0]).toEqual({ indicator: 'strategy.budget', phase: 'phase-1', owner: 'Director', due: '2027-05-09', status: 'todo', advice: 'Ask for a budget line.' });
    expect(readFileSync(file, 'utf8')).toContain('  # Strategy: A budget is set\n  - indicator: strategy.budget\n');
    // Outside the project, the editor modeline names the shipped schema by its absolute path.
    expect(readFileSync(file, 'utf8').split('\n')[0]).toBe(`# yaml-language-server: $schema=${join(process.cwd(), 'schema', 'plan.schema.json')}`);
    expect((await runInProcess(['validate', file])).stdout).toBe(`ok ${file}: plan of Acme Corp for model track 2.0 (2 phases, 6 actions)\n`);
  });

  it('round-trips a human edit: owners, statuses, notes and comments stay; only what is missing is added', async () => {
    const dir = repository();
    const file = join(dir, 'plan.yaml');
    await plan([join(dir, 'answers.yaml'), '--target', 'community', '--by', '2027-12-31', '-o', file]);
    const edited = readFileSync(file, 'utf8')
      .replace('# The plan:', '# Reviewed by the steering group on 2026-10-01.\n# The plan:')
      .replace('    owner: Director\n    due: 2027-05-09\n    status: todo', '    owner: Jane Doe # the CFO\n    due: 2027-03-01\n    status: in-progress\n    note: Waiting for the board.')
      .replace('    owner: Head of Community\n    due: 2027-05-09\n    status: todo\n  # Governance: A code', '    owner: Sam Lee\n    due: 2027-05-09\n    status: done\n  # Governance: A code')
      .replace('targets: { strategy: community, governance: emergent }', 'targets: { strategy: community } # governance waits for the new hire')
      .replace(/ {2}# Governance: Roles are documented\n(?: {4}.*\n| {2}- .*\n)+$/, '');
    for (const made of ['steering group', 'Jane Doe # the CFO', 'status: done', 'waits for the new hire']) expect(edited).toContain(made);
    expect(edited).not.toContain('governance.roles');
    writeFileSync(file, edited);
    const again = await runInProcess(['plan', join(dir, 'answers.yaml'), '--target', 'community', '--target', 'governance=leader', '--by', '2028-06-30', '--phases', '3', '-o', file]);
    expect(again).toMatchObject({ code: 0, stdout: '' });
    expect(again.stderr).toBe(`cm-maturity: note: ${file}: added 2 actions and 1 phase; everything already in it is kept\n`);
    const updated = readFileSync(file, 'utf8');
    expect(onlyAdded(edited, updated)).toEqual([]);
    const data = parse(updated);
    expect(data.phases.map((phase: { id: string; by: string }) => `${phase.id} ${phase.by}`)).toEqual(['phase-1 2027-05-09', 'phase-2 2027-12-31', 'phase-3 2028-06-30']);
    // The dropped action comes back in the existing phase due on or after its proposed date; the new one in the new phase.
    expect(data.actions.slice(-2)).toEqual([
      { indicator: 'governance.roles', phase: 'phase-2', owner: 'Head of Community', due: '2027-11-25', status: 'todo' },
      { indicator: 'governance.elections', phase: 'phase-3', owner: 'Head of Community', due: '2028-06-30', status: 'todo' },
    ]);
    expect((await runInProcess(['validate', file])).code).toBe(0);
    // Run once more with the same request: nothing to add, and the file is left byte for byte.
    const third = await runInProcess(['plan', join(dir, 'answers.yaml'), '--target', 'community', '--target', 'governance=leader', '--by', '2028-06-30', '--phases', '3', '-o', file]);
    expect(third.stderr).toBe(`cm-maturity: note: ${file}: nothing to add; everything already in it is kept\n`);
    expect(readFileSync(file, 'utf8')).toBe(updated);
  });

  it('same input, same plan: byte for byte', async () => {
    const dir = repository();
    const args = [join(dir, 'answers.yaml'), '--target', 'community', '--target', 'strategy=3.5'];
    expect((await plan(args)).stdout).toBe((await plan(args)).stdout);
  });

  it('a plan from each example, of model 2.0 and 1.0, validates without a warning and shows in every format', { timeout: 120_000 }, async () => {
    const examples = [
      ...readdirSync('examples').filter((name) => name.endsWith('.yaml')).map((name) => [`examples/${name}`, 'community@2.0']),
      ...readdirSync('examples/community@1.0').map((name) => [`examples/community@1.0/${name}`, 'community@1.0']),
    ];
    expect(examples.length).toBeGreaterThan(4);
    for (const [example, model] of examples) {
      const dir = tempDir();
      const file = join(dir, 'plan.yaml');
      await plan([example!, '--target', 'community', '-o', file]);
      const result = await runInProcess(['validate', file]);
      expect(result, example).toMatchObject({ code: 0, stderr: '' });
      expect(parse(readFileSync(file, 'utf8')).model).toBe(model);
      // Every format, for one example of each model version (the formats are tested in formats.test.ts).
      if (!example!.endsWith('/middle.yaml')) continue;
      for (const format of ['table', 'json', 'markdown', 'html', 'junit', 'csv-actions']) {
        const scored = await runInProcess(['score', example!, '--plan', file, '-f', format, '--fail-behind-plan', '--fail-on-stale-actions']);
        expect(scored, `${example} ${format}`).toMatchObject({ code: 0 });
      }
    }
  });

  it('refuses answers without a date, bad targets and a --by before the answers, with exit 2', async () => {
    const dir = repository();
    const answers = join(dir, 'answers.yaml');
    const undated = join(dir, 'undated.yaml');
    writeFileSync(undated, readFileSync(answers, 'utf8').replace('date: 2026-09-15\n', ''));
    const cases: [string[], string][] = [
      [[undated, '-t', 'community'], `${undated}:1:1: the answers have no date:, which the plan starts from; add date: YYYY-MM-DD`],
      [[answers, '-t', 'communty'], '--target communty: "communty" is not a stage of the model (did you mean community?); stages: ad-hoc, emergent, community, leader'],
      [[answers, '-t', 'strategy=9'], '--target strategy=9: score 9 is out of range: a score is between 1 and 4'],
      [[answers, '-t', 'tools=2'], '--target tools=2: unknown competency "tools"; targets are for strategy, governance, overall'],
      [[answers, '-t', '2', '-t', '3'], '--target: give one target for every competency, not 2 (2, 3); --target <competency>=<target> sets one'],
      [[answers, '-t', '3', '--by', '2026-01-01'], "--by 2026-01-01 is not after the answers' date 2026-09-15"],
      [['-', '-t', '3'], 'plan reads the answers from a file, not standard input: the plan names that file as its baseline'],
    ];
    for (const [args, message] of cases) {
      const result = await runInProcess(['plan', ...args]);
      expect(result.code, args.join(' ')).toBe(2);
      expect(result.stderr).toContain(message);
    }
    expect((await runInProcess(['plan', answers])).stderr).toContain("required option '-t, --target <target>' not specified");
    expect((await runInProcess(['plan', answers, '-t', '3', '--by', '2027-02-30'])).code).toBe(2);
  });

  it('refuses to update a plan of another organisation', async () => {
    const dir = repository();
    const file = join(dir, 'plan.yaml');
    await plan([join(dir, 'answers.yaml'), '-t', 'community', '-o', file]);
    const other = join(dir, 'other.yaml');
    writeFileSync(other, readFileSync(join(dir, 'answers.yaml'), 'utf8').replace('Acme Corp', 'Other Corp'));
    const before = readFileSync(file, 'utf8');
    const result = await runInProcess(['plan', other, '-t', 'community', '-o', file]);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(`${other}:1:1: these answers are of "Other Corp", but ${file} is a plan for "Acme Corp"\n`);
    expect(readFileSync(file, 'utf8')).toBe(before);
  });

  it('--help shows every option with examples', async () => {
    const help = (await runInProcess(['plan', '--help'])).stdout;
    for (const option of ['--target', '--by', '--phases', '--model', '--output', '--quiet']) expect(help).toContain(option);
    expect(help).toContain('$ cm-maturity plan answers.yaml --target community -o plan.yaml');
  });
});

describe('a plan across model versions', () => {
  it('a plan made for model 1.0 tracks answers of 2.0 through the migration: an old indicator id finds the new one', async () => {
    const dir = tempDir();
    const file = join(dir, 'plan.yaml');
    await plan(['examples/community@1.0/early.yaml', '--target', 'community', '-o', file]);
    expect(readFileSync(file, 'utf8')).toContain('indicator: leadership.regular\n');
    const result = await runInProcess(['score', 'examples/early.yaml', '--plan', file, '-f', 'json']);
    expect(result).toMatchObject({ code: 0, stderr: '' });
    const report = JSON.parse(result.stdout);
    // 1.0's leadership.regular became 2.0's leadership.executive.
    const regular = report.plan.actions.find((action: { indicator: string }) => action.indicator === 'leadership.regular');
    const executive = report.competencies.flatMap((competency: { indicators: { id: string; text: string }[] }) => competency.indicators).find((indicator: { id: string }) => indicator.id === 'leadership.executive');
    expect(regular).toMatchObject({ competency: 'leadership', text: executive.text });
  });

  it('a plan for another model is refused at its model: line', async () => {
    const dir = tempDir();
    const file = join(dir, 'plan.yaml');
    await plan(['examples/community@1.0/early.yaml', '--target', 'community', '-o', file]);
    const result = await runInProcess(['score', `${FIXTURES}/later.yaml`, '--plan', file]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`${file}:8:8: the plan is for model community 1.0, which is not model track 2.0 nor a version it migrates from`);
  });
});
