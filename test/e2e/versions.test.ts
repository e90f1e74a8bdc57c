import { describe, expect, it } from 'vitest';
import { localeOf } from '../../src/cli/language.js';
import { readFileSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { diffSchema, type Diff } from '../../src/schema/diff.js';
import { historySchema } from '../../src/schema/history.js';
import { reportSchema } from '../../src/schema/report.js';
import { migrateHint } from '../../src/report/notices.js';
import { readWorkbook, values } from '../helpers/xlsx.js';
import { EXAMPLES, okInProcess, ROOT, runInProcess, tempDir } from './support.js';

// Results of two versions of one model, compared through the migrations that link them (diff,
// score --baseline, history), validate's check of migrations, and the hint to migrate a file
// that fits only an earlier version. In this process (runInProcess): none of it is about the process.

const FIXTURES = 'test/fixtures/versions';
const fixture = (name: string) => `${FIXTURES}/${name}`;
const CLUB_2025 = fixture('club-2025.yaml');
const CLUB_2026 = fixture('club-2026.yaml');
const CLUB_2027 = fixture('club-2027.yaml');

// club 1 (2025): Welcome: Member (1 + 0.75) / 2 = 0.875, met; Leader 0.5: 2 + 0.5 / 0.75 = 2.66.
// Events: Member 1, Leader (1 + 0.5) / 2 = 0.75, met: 3. Overall (2.66… + 3) / 2 = 2.83.
// club 2 (2026): Welcome: Member (1 + 1 + 0.5) / 3, met; Leader 0.75, met: 3. Events: Member 1;
// Leader (1 + 0) / 2 = 0.5: 2.66. Overall 2.83.
const OLD_SCORES = { welcome: { level: 2, stage: 'member', score: 2.66 }, events: { level: 3, stage: 'leader', score: 3 }, overall: { level: 2, stage: 'member', score: 2.83 } };
const NEW_SCORES = { welcome: { level: 3, stage: 'leader', score: 3 }, events: { level: 2, stage: 'member', score: 2.66 }, overall: { level: 2, stage: 'member', score: 2.83 } };

/** The answers of 2025 carried over to version 2 and compared with those of 2026. */
const CLUB_ANSWERS: Diff['answers'] = [
  { indicator: 'welcome.guide', competency: 'welcome', old: { answer: 'mostly', note: 'Guide drafted' }, new: { answer: 'yes', note: null }, carriedFrom: ['welcome.guide'] },
  // New in version 2: nothing feeds it.
  { indicator: 'welcome.buddy', competency: 'welcome', old: null, new: { answer: 'partly', note: null } },
  { indicator: 'welcome.mentor', competency: 'welcome', old: { answer: 'partly', note: null }, new: { answer: 'mostly', note: null }, carriedFrom: ['welcome.mentor'] },
  // events.plan (yes) and events.launch (partly): the lowest, with both notes.
  {
    indicator: 'events.calendar',
    competency: 'events',
    old: { answer: 'partly', note: 'events.plan: Calendar online; events.launch: Launch late' },
    new: { answer: 'yes', note: null },
    carriedFrom: ['events.plan', 'events.launch'],
  },
  { indicator: 'events.stream', competency: 'events', old: null, new: { answer: 'no', note: null } },
];

async function diffJson(args: string[]): Promise<Diff> {
  return diffSchema.parse(JSON.parse(await okInProcess(['diff', ...args, '-f', 'json'])));
}

describe('diff across versions', () => {
  it('compares competency by competency and the older answers carried over to the newer indicators', async () => {
    const diff = await diffJson([CLUB_2025, CLUB_2026]);
    expect(diff.model).toEqual({ id: 'club', name: 'Club Maturity', old: '1', new: '2' });
    expect(diff.crossesVersions).toEqual({ from: '1', to: '2' });
    expect(diff.competencies).toEqual([
      { id: 'welcome', name: 'Welcome', old: OLD_SCORES.welcome, new: NEW_SCORES.welcome, delta: 0.34 },
      { id: 'events', name: 'Events', old: OLD_SCORES.events, new: NEW_SCORES.events, delta: -0.34 },
    ]);
    expect(diff.overall).toEqual({ old: OLD_SCORES.overall, new: NEW_SCORES.overall, delta: 0 });
    expect(diff.stageChanges).toEqual([
      { subject: 'welcome', from: 'member', to: 'leader', change: 'gained' },
      { subject: 'events', from: 'leader', to: 'member', change: 'lost' },
    ]);
    expect(diff.answers).toEqual(CLUB_ANSWERS);
  });

  it('with the newer version first, carries the later file over and compares it on the first one indicators', async () => {
    const diff = await diffJson([CLUB_2026, CLUB_2025]);
    expect(diff.crossesVersions).toEqual({ from: '1', to: '2' });
    expect(diff.answers).toEqual(CLUB_ANSWERS.map((change) => ({ ...change, old: change.new, new: change.old })));
  });

  it('a JSON report of the older version is linked by the model the newer answers name, found beside it', async () => {
    const dir = tempDir();
    const report = join(dir, 'club-2025.json');
    writeFileSync(report, await okInProcess(['score', CLUB_2025, '-f', 'json']));
    const diff = await diffJson([report, CLUB_2026]);
    expect(diff.crossesVersions).toEqual({ from: '1', to: '2' });
    expect(diff.answers).toEqual(CLUB_ANSWERS);
  });

  it('every text format says the comparison crosses versions, and names the older indicators', async () => {
    const table = await okInProcess(['diff', CLUB_2025, CLUB_2026, '--width', '200']);
    expect(table).toContain('\nCompared across model versions 1 → 2, competency by competency; the answers of version 1 carried over to the indicators of version 2\n');
    expect(table).toMatch(/│ events\.calendar \(from events\.plan, events\.launch\) +│ Events +│ partly → yes +│/);
    const markdown = await okInProcess(['diff', CLUB_2025, CLUB_2026, '-f', 'markdown']);
    expect(markdown).toContain('\nCompared across model versions 1 → 2, competency by competency; the answers of version 1 carried over to the indicators of version 2.\n');
    expect(markdown).toContain('| events.calendar (from events.plan, events.launch) | Events | partly → yes |');
  });

  it('versions no migration links are refused, unless --allow-model-change, which compares them as two models', async () => {
    const refused = await runInProcess(['diff', CLUB_2025, CLUB_2027]);
    expect(refused).toEqual({ code: 2, stdout: '', stderr: `${CLUB_2027}:1:1: scored with model club 3, but ${CLUB_2025} with club 1; --allow-model-change compares them anyway\n` });
    const allowed = await diffJson([CLUB_2025, CLUB_2027, '--allow-model-change']);
    expect(allowed.crossesVersions).toBeUndefined();
    expect(allowed.answers.map((change) => change.indicator)).toEqual(['welcome.guide', 'welcome.mentor', 'events.meet', 'events.plan', 'events.launch']);
  });
});

describe('score --baseline across versions', () => {
  const BASELINE = {
    date: '2025-06-01',
    model: { id: 'club', version: '1' },
    overall: OLD_SCORES.overall,
    competencies: [
      { id: 'welcome', ...OLD_SCORES.welcome },
      { id: 'events', ...OLD_SCORES.events },
    ],
    crossesVersions: { from: '1', to: '2' },
  };

  it('compares competency by competency without --allow-model-change, and the JSON says it crosses versions', async () => {
    const report = reportSchema.parse(JSON.parse(await okInProcess(['score', CLUB_2026, '--baseline', CLUB_2025, '-f', 'json'])));
    expect(report.baseline).toEqual(BASELINE);
    expect(report.overall.delta).toBe(0);
    expect(report.competencies.map((competency) => [competency.id, competency.delta])).toEqual([
      ['welcome', 0.34],
      ['events', -0.34],
    ]);
    // A gate on it works as on one version: events fell.
    expect((await runInProcess(['score', CLUB_2026, '--baseline', CLUB_2025, '--fail-on-regression', '-q'])).code).toBe(1);
  });

  it('every format that shows the baseline says the comparison crosses versions', async () => {
    const line = 'Baseline 2025-06-01: overall 2.83 → 2.83 (= 0.00); across model versions 1 → 2, competency by competency';
    expect(await okInProcess(['score', CLUB_2026, '--baseline', CLUB_2025, '--width', '200'])).toContain(`\n${line}\n`);
    expect(await okInProcess(['score', CLUB_2026, '--baseline', CLUB_2025, '-f', 'markdown'])).toContain(`\n${line}.\n`);
    expect(await okInProcess(['score', CLUB_2026, '--baseline', CLUB_2025, '-f', 'html'])).toContain(line);
    expect(await okInProcess(['score', CLUB_2026, '--baseline', CLUB_2025, '-f', 'junit'])).toContain('<property name="baseline.crossesVersions" value="1 → 2"/>');
    const dir = tempDir();
    const workbook = join(dir, 'report.xlsx');
    expect((await runInProcess(['score', CLUB_2026, '--baseline', CLUB_2025, '-o', workbook])).code).toBe(0);
    const assessment = readWorkbook(readFileSync(workbook)).find((sheet) => sheet.name === 'Assessment')!;
    expect(values(assessment)).toContainEqual(['Baseline', 'club 1: across model versions 1 → 2, competency by competency']);
  });

  it('a newer baseline is compared the same way; versions no migration links are refused as before', async () => {
    const report = reportSchema.parse(JSON.parse(await okInProcess(['score', CLUB_2025, '--baseline', CLUB_2026, '-f', 'json'])));
    expect(report.baseline?.crossesVersions).toEqual({ from: '1', to: '2' });
    expect(report.competencies.map((competency) => competency.delta)).toEqual([-0.34, 0.34]);
    const refused = await runInProcess(['score', CLUB_2027, '--baseline', CLUB_2025]);
    expect(refused).toEqual({
      code: 2,
      stdout: '',
      stderr: `${CLUB_2025}:1:1: the baseline was made with model club 1, this report with club 3; --allow-model-change compares the competencies both have\n`,
    });
    const allowed = reportSchema.parse(JSON.parse(await okInProcess(['score', CLUB_2027, '--baseline', CLUB_2025, '--allow-model-change', '-f', 'json'])));
    expect(allowed.baseline?.crossesVersions).toBeUndefined();
  });
});

describe('history across versions', () => {
  it('shows assessments of linked versions in one series, each scored with its own version, and says so in every format', async () => {
    const history = historySchema.parse(JSON.parse(await okInProcess(['history', CLUB_2026, CLUB_2025, '-f', 'json'])));
    expect(history.model).toEqual({ id: 'club', name: 'Club Maturity', version: '2' });
    expect(history.crossesVersions).toEqual({ from: '1', to: '2' });
    expect(history.points).toEqual([
      { date: '2025-06-01', source: CLUB_2025, commit: null, version: '1', overall: OLD_SCORES.overall, scores: { welcome: 2.66, events: 3 } },
      { date: '2026-06-01', source: CLUB_2026, commit: null, version: '2', overall: NEW_SCORES.overall, scores: { welcome: 3, events: 2.66 } },
    ]);
    // On the scale of three stages: 2.66 → ▇, 3 → █, 2.83 → ▇.
    expect(history.trends).toEqual({ welcome: '▇█', events: '█▇', overall: '▇▇' });
    const line = 'Compared across model versions 1 → 2, competency by competency; each assessment scored with its own version (2025-06-01: 1, 2026-06-01: 2)';
    expect(await okInProcess(['history', CLUB_2025, CLUB_2026, '--width', '200'])).toContain(`\n${line}\n`);
    expect(await okInProcess(['history', CLUB_2025, CLUB_2026, '-f', 'markdown'])).toContain(`\n${line}.\n`);
    expect(await okInProcess(['history', CLUB_2025, CLUB_2026, '-f', 'csv'])).toBe('date,model_version,overall,welcome,events\n2025-06-01,1,2.83,2.66,3.00\n2026-06-01,2,2.83,3.00,2.66\n');
  });

  it('a version no migration links is refused', async () => {
    const result = await runInProcess(['history', CLUB_2025, CLUB_2026, CLUB_2027]);
    expect(result).toEqual({ code: 2, stdout: '', stderr: `${CLUB_2027}:1:1: was scored with model club 3, not club 1 (${CLUB_2025})\n` });
  });
});

describe('community 1.0 → 2.0', () => {
  const MIDDLE = 'examples/community@1.0/middle.yaml';

  /** The 1.0 middle example migrated to 2.0 and assessed again later, with one answer changed. */
  async function migratedMiddle(): Promise<string> {
    const file = join(tempDir(), 'middle-2.0.yaml');
    expect((await runInProcess(['migrate', MIDDLE, '-o', file, '-q'])).code).toBe(0);
    const text = readFileSync(file, 'utf8');
    const approved = text.split('\n').find((line) => line.startsWith('  strategy.approved:'))!;
    writeFileSync(file, text.replace('date: "2026-09-15"', 'date: 2027-01-10').replace(approved, '  strategy.approved: "no"'));
    return file;
  }

  it('diff: the scores of each version side by side; the answers changed since the migration, and the one it left behind', async () => {
    const later = await migratedMiddle();
    const diff = await diffJson([MIDDLE, later]);
    expect(diff.model).toMatchObject({ id: 'community', old: '1.0', new: '2.0' });
    expect(diff.crossesVersions).toEqual({ from: '1.0', to: '2.0' });
    expect(diff.answers).toEqual([
      {
        indicator: 'strategy.approved',
        competency: 'strategy',
        old: { answer: 'yes', note: 'FY2026 community strategy signed off by the CCO in January 2026' },
        new: { answer: 'no', note: null },
        carriedFrom: ['strategy.plan'],
      },
      {
        indicator: 'management.launch-plan',
        competency: 'management',
        old: { answer: 'n/a', note: 'Community launched in 2021 before the current team; no relaunch planned' },
        new: null,
      },
    ]);
    // Each side as scored alone with its own version.
    const old = reportSchema.parse(JSON.parse(await okInProcess(['score', MIDDLE, '-f', 'json', '-q'])));
    const current = reportSchema.parse(JSON.parse(await okInProcess(['score', later, '-f', 'json', '-q'])));
    expect(diff.competencies.map((competency) => [competency.id, competency.old?.score, competency.new?.score])).toEqual(
      current.competencies.map((competency) => [competency.id, old.competencies.find((other) => other.id === competency.id)?.score, competency.score]),
    );
    expect(diff.overall.old.score).toBe(old.overall.score);
    expect(diff.overall.new.score).toBe(current.overall.score);
  });

  it('history and a baseline from a saved 1.0 JSON report, linked by the built-in versions', async () => {
    const later = await migratedMiddle();
    const history = historySchema.parse(JSON.parse(await okInProcess(['history', MIDDLE, later, '-f', 'json', '-q'])));
    expect(history.crossesVersions).toEqual({ from: '1.0', to: '2.0' });
    expect(history.points.map((point) => [point.date, point.version])).toEqual([
      ['2026-09-15', '1.0'],
      ['2027-01-10', '2.0'],
    ]);
    const saved = join(tempDir(), 'middle-1.0.json');
    writeFileSync(saved, await okInProcess(['score', MIDDLE, '-f', 'json', '-q']));
    const report = reportSchema.parse(JSON.parse(await okInProcess(['score', later, '--baseline', saved, '-f', 'json', '-q'])));
    expect(report.baseline?.model).toEqual({ id: 'community', version: '1.0' });
    expect(report.baseline?.crossesVersions).toEqual({ from: '1.0', to: '2.0' });
  });
});

describe('validate checks migrations against the earlier version', () => {
  it('passes a migration that names every earlier indicator (the earlier version found beside the model)', async () => {
    const result = await runInProcess(['validate', fixture('club@2.yaml'), fixture('club@2.1.yaml'), 'models/community@2.0.yaml']);
    expect(result.code).toBe(0);
    // The small fixtures draw the model warnings of a 2.0-style model (validate --strict); no error.
    expect(result.stderr.split('\n').filter((line) => line !== '' && !line.includes(': warning: '))).toEqual([]);
  });

  it('names the earlier indicators a migration leaves out, at its map', async () => {
    const result = await runInProcess(['validate', fixture('migration-missing.yaml')]);
    expect(result).toEqual({
      code: 2,
      stdout: '',
      stderr: `${fixture('migration-missing.yaml')}:18:5: the migration from club 1 does not say where these 2 indicators go: events.plan, events.launch; map each to the new ids that take its answer over, or to [] when none does\n`,
    });
  });

  it('names a key that is no earlier indicator, at the key', async () => {
    const result = await runInProcess(['validate', fixture('migration-unknown.yaml')]);
    expect(result).toEqual({ code: 2, stdout: '', stderr: `${fixture('migration-unknown.yaml')}:25:7: "events.lunch" is not an indicator of club 1 (did you mean events.launch?)\n` });
  });

  it('says, in a note, that a migration whose earlier version is nowhere to be found is not checked', async () => {
    const result = await runInProcess(['validate', fixture('migration-unfound.yaml')]);
    expect(result.code).toBe(0);
    expect(result.stderr).toBe(
      `cm-maturity: note: ${fixture('migration-unfound.yaml')}: the migration from version 1 is not checked against it: no model lonely 1 was found (looked for ${fixture('migration-unfound@1.yaml')}, ${fixture('migration-unfound@1.yml')}, ${fixture('lonely@1.yaml')}, ${fixture('lonely@1.yml')}, a built-in lonely@1)\n`,
    );
    expect((await runInProcess(['validate', '-q', fixture('migration-unfound.yaml')])).stderr).toBe('');
  });
});

describe('the hint to migrate', () => {
  /** The 1.0 examples as files written before versions existed say it: `model: community`, in a folder of their own. */
  function unversioned(): { dir: string; files: string[] } {
    const dir = tempDir();
    const files = EXAMPLES.map((example) => {
      const file = join(dir, basename(example));
      writeFileSync(file, readFileSync(join(ROOT, example), 'utf8').replace('\nmodel: community@1.0\n', '\nmodel: community\n'));
      return file;
    });
    return { dir, files };
  }
  const hint = (file: string) => `cm-maturity: hint: ${file} answers community 1.0 and is scored with it; cm-maturity migrate ${file} moves it to community 2.0, the newest version`;
  const MIDDLE = 'examples/community@1.0/middle.yaml';

  it('score: one line on standard error for a file that names the model without a version and fits only 1.0; -q silences it; the report is the same', async () => {
    const middle = unversioned().files[2]!;
    for (const format of ['json', 'table', 'markdown', 'html', 'junit']) {
      const pinned = await runInProcess(['score', MIDDLE, '-f', format]);
      expect(pinned.stderr).toBe('');
      const result = await runInProcess(['score', middle, '-f', format]);
      expect(result).toEqual({ code: 0, stdout: pinned.stdout, stderr: `${hint(middle)}\n` });
      expect(await runInProcess(['score', middle, '-f', format, '-q'])).toEqual({ code: 0, stdout: pinned.stdout, stderr: '' });
    }
    // A file fitting the newest version gets none.
    expect((await runInProcess(['score', 'examples/middle.yaml', '-f', 'json'])).stderr).not.toContain('hint');
  });

  it('standard input is named as migrate reads it; a file name a shell would split is quoted', async () => {
    const result = await runInProcess(['score', '-', '-f', 'json'], { input: readFileSync(unversioned().files[2]!, 'utf8') });
    expect(result.stderr).toBe('cm-maturity: hint: <stdin> answers community 1.0 and is scored with it; cm-maturity migrate - moves it to community 2.0, the newest version\n');
    expect(migrateHint(localeOf('en'), "my team's answers.yaml", { id: 'community', version: '1.0' }, '2.0')).toBe(
      `cm-maturity: hint: my team's answers.yaml answers community 1.0 and is scored with it; cm-maturity migrate 'my team'\\''s answers.yaml' moves it to community 2.0, the newest version`,
    );
  });

  it('with many files: one summary line, every file with --verbose, none with -q', async () => {
    const { dir, files } = unversioned();
    const [first, second, third] = files;
    const summary = `cm-maturity: hint: ${files.length} of ${files.length} answers files answer an earlier version of their model and are scored with it (${first}: community 1.0, ${second}: community 1.0, ${third}: community 1.0, …); cm-maturity migrate <file> moves one to the newest version; --verbose names every one`;
    const lines = (result: { stderr: string }) => result.stderr.split('\n').filter((line) => line.startsWith('cm-maturity: hint: '));
    expect(lines(await runInProcess(['score', dir, '-f', 'csv']))).toEqual([summary]);
    expect(lines(await runInProcess(['score', dir, '-f', 'csv', '--verbose']))).toEqual(files.map(hint));
    expect(lines(await runInProcess(['score', dir, '-f', 'csv', '-q']))).toEqual([]);
    expect(lines(await runInProcess(['benchmark', dir, '-f', 'csv']))).toEqual([summary]);
    const validate = await runInProcess(['validate', ...files, '-f', 'json']);
    expect(lines(validate)).toEqual([summary]);
    expect(validate.stdout).toBe((await runInProcess(['validate', ...files, '-f', 'json', '-q'])).stdout);
    // The examples that name their version get none.
    expect(lines(await runInProcess(['score', 'examples/community@1.0/', '-f', 'csv']))).toEqual([]);
  });

  it('diff, history and a baseline: once per file', async () => {
    const { files } = unversioned();
    const middle = files[2]!;
    const later = join(dirname(middle), 'middle-later.yaml');
    writeFileSync(later, readFileSync(middle, 'utf8').replace('date: 2026-09-15', 'date: 2026-12-01'));
    expect((await runInProcess(['diff', middle, later])).stderr).toBe(`${hint(middle)}\n${hint(later)}\n`);
    expect((await runInProcess(['diff', middle, middle])).stderr).toBe(`${hint(middle)}\n`);
    expect((await runInProcess(['diff', middle, later, '-q'])).stderr).toBe('');
    expect((await runInProcess(['history', middle])).stderr).toBe(`${hint(middle)}\n`);
    expect((await runInProcess(['score', later, '--baseline', middle, '-f', 'json'])).stderr).toBe(`${hint(later)}\n${hint(middle)}\n`);
  });
});
