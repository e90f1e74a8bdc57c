import { afterEach, describe, expect, it } from 'vitest';
import { copyFileSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { relativeModelRef } from '../../src/cli/model-ref.js';
import { builtinModel } from '../../src/read/builtin-models.js';
import { KEYS, Terminal } from '../helpers/terminal.js';
import { MODEL, ROOT, answerOf, readYaml, runCli, runInProcess, scoreJson, scoreJsonInProcess, tempDir, type RawAnswers } from './support.js';

const TINY = join(ROOT, 'test/fixtures/assess/tiny.yaml');
const FORMAT_2 = join(ROOT, 'test/fixtures/small-models/format-2.model.yaml');
const { down, enter, ctrlC } = KEYS;

interface Saved {
  organisation: string;
  date: string | null;
  assessor: string | null;
  model: string;
  context?: string;
  answers: Record<string, unknown>;
}
const saved = (file: string) => parse(readFileSync(file, 'utf8'), { version: '1.2' }) as Saved;

describe('assess in a real terminal', () => {
  const dir = tempDir();
  let terminal: Terminal | undefined;
  afterEach(() => terminal?.kill());

  it('asks, saves after every answer, goes back, keeps notes, survives Ctrl-C and resumes to the report', async () => {
    const file = join(dir, 'tiny-answers.yaml');
    terminal = new Terminal(['assess', '--model', TINY, '-o', file], dir);
    await terminal.waitFor('Organisation:');
    terminal.type('Acme Corp', enter);
    await terminal.waitFor('Date of the assessment (YYYY-MM-DD):');
    terminal.type('2026-10-01', enter);
    await terminal.waitFor('Assessor (optional):');
    terminal.type('Sam', enter);

    await terminal.waitFor('[1/4] Goals: now at Start (1.00)');
    expect(terminal.screen).toContain('Grown · goals.written\nGoals are written down.\nAdvice: Write them.');
    expect(saved(file)).toEqual({
      organisation: 'Acme Corp',
      date: '2026-10-01',
      assessor: 'Sam',
      // Relative to the answers file when the two share a folder below the root, else absolute.
      model: relativeModelRef(TINY, dir),
      answers: { 'goals.written': null, 'goals.shared': null, 'people.owner': null, 'people.team': null },
    });
    expect(readFileSync(file, 'utf8')).toMatch(/^# yaml-language-server: \$schema=/);

    // The first choice, yes, checked on the day of the assessment. The running stage: (1 + 0) / 2 = 0.5 of 0.75, so 1 + 0.66.
    terminal.type(enter);
    await terminal.waitFor('[2/4] Goals: now at Start (1.66)');
    expect(saved(file).answers['goals.written']).toEqual({ answer: 'yes', checked: '2026-10-01' });

    terminal.type(down, enter); // partly
    await terminal.waitFor('[3/4] People: now at Start (1.00)');
    expect(saved(file).answers['goals.shared']).toEqual({ answer: 'partly', checked: '2026-10-01' });

    // Back (past no, n/a, skip, note and evidence): Goals is now (1 + 0.5) / 2 = 0.75, at the threshold: Grown, the top.
    terminal.type(down, down, down, down, down, down, down, enter);
    await terminal.waitFor('[2/4] Goals: now at Grown (2.00)');
    // A note: the cursor starts at the current answer, partly; the note entry is four below.
    terminal.type(down, down, down, down, enter);
    await terminal.waitFor('Note for goals.shared');
    terminal.type('Agreed in May', enter);
    await terminal.waitFor('Note: Agreed in May');
    expect(saved(file).answers['goals.shared']).toEqual({ answer: 'partly', note: 'Agreed in May', checked: '2026-10-01' });
    terminal.type(enter); // keeps partly
    await terminal.waitFor('[3/4] People');

    terminal.type(down, down, down, enter); // n/a
    await terminal.waitFor('[4/4] People: now at Start (1.00)');
    expect(saved(file).answers['people.owner']).toEqual({ answer: 'n/a', checked: '2026-10-01' });

    terminal.type(ctrlC);
    expect(await terminal.exited).toBe(130);
    expect(terminal.screen).toContain(`Stopped. Every answer given so far is saved in ${file}`);
    const afterStop = saved(file);
    expect(afterStop.answers).toEqual({
      'goals.written': { answer: 'yes', checked: '2026-10-01' },
      'goals.shared': { answer: 'partly', note: 'Agreed in May', checked: '2026-10-01' },
      'people.owner': { answer: 'n/a', checked: '2026-10-01' },
      'people.team': null,
    });
    expect(runCli(['validate', file]).code).toBe(0);

    // Resumed without --model: the file names it; it starts at the first unanswered indicator.
    terminal = new Terminal(['assess', '-o', file], dir);
    await terminal.waitFor('[4/4] People');
    expect(terminal.screen).toContain(`Resuming ${file}: 3/4 answered.`);
    terminal.type(enter);
    expect(await terminal.exited).toBe(0);
    expect(terminal.screen).toContain(`Saved ${file}: 4/4 answered.`);
    expect(terminal.screen).toContain('Acme Corp — Tiny model');
    const final = saved(file);
    expect({ ...final, answers: undefined }).toEqual({ ...afterStop, answers: undefined });
    expect(final.answers['people.team']).toEqual({ answer: 'yes', checked: '2026-10-01' });
    const report = scoreJson([file]);
    expect(report.competencies.map((competency) => [competency.id, competency.score])).toEqual([['goals', 2], ['people', 2]]);
  });

  it('resumes a partial file of the built-in model at its first unanswered indicator; Ctrl-C keeps it intact', async () => {
    const file = join(dir, 'partial.yaml');
    copyFileSync(join(ROOT, 'examples/community@1.0/partial.yaml'), file);
    const original = readYaml<RawAnswers>('examples/community@1.0/partial.yaml');
    const stageOrder = MODEL.stages.map((stage) => stage.id);
    const order = MODEL.competencies.flatMap((competency) =>
      [...competency.indicators].sort((a, b) => stageOrder.indexOf(a.stage) - stageOrder.indexOf(b.stage)).map((indicator) => ({ ...indicator, competency: competency.name })),
    );
    const first = order.findIndex((indicator) => answerOf(original, indicator.id) === null);
    const answered = order.filter((indicator) => answerOf(original, indicator.id) !== null).length;

    terminal = new Terminal(['assess', '-o', file], dir);
    await terminal.waitFor(`[${first + 1}/${order.length}] ${order[first]!.competency}: now at`);
    expect(terminal.screen).toContain(`Resuming ${file}: ${answered}/${order.length} answered.`);
    expect(terminal.screen).toContain(order[first]!.id);
    terminal.type(ctrlC);
    expect(await terminal.exited).toBe(130);

    const kept = saved(file);
    expect(kept.organisation).toBe(original.organisation);
    for (const indicator of order) expect(answerOf(kept as RawAnswers, indicator.id), indicator.id).toBe(answerOf(original, indicator.id));
    expect(kept.answers['strategy.purpose']).toEqual(original.answers!['strategy.purpose']);
    expect(scoreJson([file])).toEqual(scoreJson(['examples/community@1.0/partial.yaml']));
    // The file said model: community; it now names the version its answers were checked against,
    // and its modeline that version's schema.
    expect(kept.model).toBe('community@1.0');
    expect(readFileSync(file, 'utf8').split('\n', 1)[0]).toMatch(/^# yaml-language-server: \$schema=.*\/schema\/answers\.community@1\.0\.schema\.json$/);
  });

  it('with a model of contexts, criteria and key indicators: asks the context, shows what to check, records evidence and the day checked', async () => {
    const file = join(dir, 'clubs.yaml');
    terminal = new Terminal(['assess', '--model', FORMAT_2, '-o', file], dir);
    await terminal.waitFor('Organisation:');
    terminal.type('Acme Club', enter);
    await terminal.waitFor('Date of the assessment (YYYY-MM-DD):');
    terminal.type('2026-10-01', enter);
    await terminal.waitFor('Assessor (optional):');
    terminal.type(enter);

    // The contexts, the first chosen, with its description under the list.
    await terminal.waitFor('Context: the kind of community assessed');
    await terminal.waitFor('Employees of the organisation working together.');
    expect(terminal.screen).toContain('Member community');
    expect(terminal.screen).toContain('none of these: every indicator applies');
    terminal.type(enter);

    // 4 questions, not 5: goals.members is for the member community only.
    await terminal.waitFor('[1/4] Goals: now at Start (1.00)');
    await terminal.waitFor('Every criterion holds, and you can show it.');
    expect(terminal.screen).toContain(
      [
        'Grown · goals.written',
        'Goals are written down.',
        'Criteria, all must hold for yes:',
        '  - The goals are in one document.',
        '  - Each goal has a date.',
        'Evidence to look at: The goals document.',
        'Advice: Write them.',
      ].join('\n'),
    );
    expect(saved(file)).toMatchObject({ context: 'staff', answers: { 'goals.written': null, 'goals.staff': null, 'goals.members': null } });
    terminal.type(enter); // yes
    await terminal.waitFor('[2/4] Goals: now at Start (1.66)');
    expect(saved(file).answers['goals.written']).toEqual({ answer: 'yes', checked: '2026-10-01' });

    // Evidence: past partly, no, n/a, skip and note. One item per line, commas kept; an empty line ends.
    terminal.type(down, down, down, down, down, down, enter);
    await terminal.waitFor('Evidence for goals.staff, item 1');
    terminal.type('https://intranet.example/goals, slide 3', enter);
    await terminal.waitFor('Evidence for goals.staff, item 2');
    expect(saved(file).answers['goals.staff']).toEqual({ evidence: ['https://intranet.example/goals, slide 3'] });
    terminal.type('Town hall, 3 May', enter);
    await terminal.waitFor('Evidence for goals.staff, item 3');
    terminal.type(enter);
    await terminal.waitFor('Evidence given:\n  - https://intranet.example/goals, slide 3\n  - Town hall, 3 May');
    terminal.type(down, enter); // partly
    // Grown: (1 + 0.5) / 2 = 0.75, met; goals.members is not applicable here.
    await terminal.waitFor('[3/4] Goals: now at Grown (2.00)');
    expect(saved(file).answers['goals.staff']).toEqual({ answer: 'partly', evidence: ['https://intranet.example/goals, slide 3', 'Town hall, 3 May'], checked: '2026-10-01' });

    // The key indicator is marked, with the answers that meet the threshold (0.75: only yes).
    expect(terminal.screen).toContain('Shared · goals.approved · key indicator\nThe sponsor approved the goals.\nKey: Shared is not met until this one is answered yes or n/a.\n');
    terminal.type(down, down, enter); // no
    await terminal.waitFor('[4/4] Goals: now at Grown (2.00)');
    terminal.type(enter); // yes
    expect(await terminal.exited).toBe(0);
    // Shared: (0 + 1) / 2 = 0.5 → 2 + 0.5 / 0.75 = 2.66, held below 3 by the key indicator anyway.
    expect(terminal.screen).toContain(`Saved ${file}: 4/4 answered.`);

    const final = saved(file);
    expect(final).toEqual({
      organisation: 'Acme Club',
      date: '2026-10-01',
      model: relativeModelRef(FORMAT_2, dir),
      context: 'staff',
      assessor: null,
      answers: {
        'goals.written': { answer: 'yes', checked: '2026-10-01' },
        'goals.staff': { answer: 'partly', evidence: ['https://intranet.example/goals, slide 3', 'Town hall, 3 May'], checked: '2026-10-01' },
        'goals.members': null,
        'goals.approved': { answer: 'no', checked: '2026-10-01' },
        'goals.reviewed': { answer: 'yes', checked: '2026-10-01' },
      },
    });
    expect((await runInProcess(['validate', file])).code).toBe(0);
    const report = await scoreJsonInProcess([file]);
    expect(report.context).toEqual({ id: 'staff', name: 'Staff network' });
    expect(report.competencies[0]).toMatchObject({ level: 2, score: 2.66, blockedBy: ['goals.approved'] });
  });

  it('resuming a file with a context: not asked again; an answer chosen again is checked on the new date; the evidence can be removed', async () => {
    const file = join(dir, 'clubs-resumed.yaml');
    writeFileSync(
      file,
      [
        'organisation: Acme Club',
        'date: 2026-11-15',
        `model: ${FORMAT_2}`,
        'context: staff',
        'answers:',
        '  goals.written: { answer: "yes", checked: 2026-10-01 }',
        '  goals.staff: { answer: partly, evidence: ["https://intranet.example/goals, slide 3", "Town hall, 3 May"], checked: 2026-10-01 }',
        '  goals.approved: "no"',
        '  goals.reviewed: "yes"',
        '',
      ].join('\n'),
    );
    terminal = new Terminal(['assess', '-o', file], dir);
    await terminal.waitFor('[1/4] Goals');
    expect(terminal.screen).toContain(`All 4 indicators in ${file} are answered; reviewing from the first.`);
    expect(terminal.screen).not.toContain('Context:');
    expect(terminal.screen).toContain('Last checked: 2026-10-01');
    terminal.type(enter); // yes again
    await terminal.waitFor('[2/4] Goals');
    expect(saved(file).answers['goals.written']).toEqual({ answer: 'yes', checked: '2026-11-15' });
    expect(terminal.screen).toContain('Evidence given:\n  - https://intranet.example/goals, slide 3\n  - Town hall, 3 May\nLast checked: 2026-10-01');
    // The cursor is on partly: past no, n/a, skip, note and add evidence to remove the evidence.
    expect(terminal.screen).toContain('remove the evidence (2 items)');
    terminal.type(down, down, down, down, down, down, enter);
    // The same question again, now without evidence to remove.
    await terminal.waitFor('add evidence…\n  back to the previous question');
    expect(saved(file).answers['goals.staff']).toEqual({ answer: 'partly', checked: '2026-10-01' });
    terminal.type(ctrlC);
    expect(await terminal.exited).toBe(130);
    expect(saved(file)).toMatchObject({ context: 'staff', date: '2026-11-15', answers: { 'goals.approved': 'no', 'goals.reviewed': 'yes', 'goals.members': null } });
  });

  it('a file of a model with contexts that names none is asked for one, the cursor on none', async () => {
    const file = join(dir, 'clubs-no-context.yaml');
    writeFileSync(file, `organisation: Acme Club\nmodel: ${FORMAT_2}\nanswers:\n  goals.members: "yes"\n`);
    terminal = new Terminal(['assess', '-o', file], dir);
    await terminal.waitFor('Context: the kind of community assessed');
    terminal.type(enter);
    // Every indicator applies: 5 questions, the first unanswered is goals.written.
    await terminal.waitFor('[1/5] Goals');
    terminal.type(ctrlC);
    expect(await terminal.exited).toBe(130);
    const kept = saved(file);
    // Kept empty, as init writes it: every indicator applies.
    expect(kept.context ?? null).toBeNull();
    expect(kept.answers['goals.members']).toBe('yes');
  });

  it('a new file of the built-in model names its newest version, and points at that version\'s schema', async () => {
    const file = join(dir, 'builtin.yaml');
    const newest = builtinModel('community')!;
    terminal = new Terminal(['assess', '-o', file], dir);
    await terminal.waitFor('Organisation:');
    terminal.type('Acme Corp', enter);
    await terminal.waitFor('Date of the assessment (YYYY-MM-DD):');
    terminal.type('2026-10-01', enter);
    await terminal.waitFor('Assessor (optional):');
    terminal.type(enter);
    // A version with contexts asks for one first.
    if (readYaml<{ contexts?: unknown[] }>(`models/${newest.reference}.yaml`).contexts !== undefined) {
      await terminal.waitFor('Context:');
      terminal.type(enter);
    }
    await terminal.waitFor('[1/');
    terminal.type(ctrlC);
    expect(await terminal.exited).toBe(130);
    expect(saved(file).model).toBe(newest.reference);
    expect(newest.reference).toBe(`${newest.id}@${newest.version}`);
    expect(readFileSync(file, 'utf8').split('\n', 1)[0]).toMatch(new RegExp(`/schema/answers\\.${newest.reference.replace(/[.]/g, '\\.')}\\.schema\\.json$`));
  });

  it('in French (LANG): the questions, choices and messages in French; the file has French comments and the same ids', async () => {
    const file = join(dir, 'tiny-fr.yaml');
    terminal = new Terminal(['assess', '--model', TINY, '-o', file], dir, { env: { LANG: 'fr_FR.UTF-8' } });
    await terminal.waitFor('Organisation\u00a0:');
    // An empty organisation is refused in French, by the tool's own words.
    terminal.type(enter);
    await terminal.waitFor('l’organisation évaluée est obligatoire');
    terminal.type('Acme Corp', enter);
    await terminal.waitFor('Date de l’évaluation (AAAA-MM-JJ)\u00a0:');
    terminal.type('2026-10-01', enter);
    await terminal.waitFor('Évaluateur (facultatif)\u00a0:');
    terminal.type(enter);

    // The score with a decimal comma; the model's texts as the model writes them.
    await terminal.waitFor('[1/4] Goals\u00a0: actuellement à l’étape Start (1,00)');
    // The list is drawn in parts: its last line says it is all there.
    await terminal.waitFor('↑↓ naviguer • ⏎ choisir');
    expect(terminal.screen).toContain('Grown · goals.written\nGoals are written down.\nConseil\u00a0: Write them.');
    for (const choice of ['yes — Yes', 'n/a — ne s’applique pas ici', 'passer (laisser sans réponse)', 'ajouter une note…', 'ajouter des éléments de preuve…', 'revenir à la question précédente (indisponible)', '↑↓ naviguer • ⏎ choisir']) {
      expect(terminal.screen, choice).toContain(choice);
    }
    terminal.type(enter);
    await terminal.waitFor('[2/4] Goals\u00a0: actuellement à l’étape Start (1,66)');
    expect(terminal.screen).toContain('Réponse\u00a0:');
    terminal.type(ctrlC);
    expect(await terminal.exited).toBe(130);
    expect(terminal.screen).toContain(`Arrêté. Toutes les réponses données jusqu’ici sont enregistrées dans ${file}\u202f; relancez la même commande pour continuer.`);
    for (const english of ['now at', 'Advice:', 'skip (', 'add a note', 'add evidence', 'back to the previous', 'navigate', 'Answer:', 'Stopped', 'Organisation:', 'Date of the assessment']) {
      expect(terminal.screen, english).not.toContain(english);
    }

    const text = readFileSync(file, 'utf8');
    expect(text).toContain('\n# Répondez à chaque indicateur par l’une de ces valeurs\u00a0:\n');
    expect(text).toContain('\n  # Conseil\u00a0: Write them.\n');
    expect(saved(file)).toEqual({
      organisation: 'Acme Corp',
      date: '2026-10-01',
      assessor: null,
      model: relativeModelRef(TINY, dir),
      answers: { 'goals.written': { answer: 'yes', checked: '2026-10-01' }, 'goals.shared': null, 'people.owner': null, 'people.team': null },
    });
    expect((await runInProcess(['validate', file])).code).toBe(0);
  });

  it('Ctrl-C before the first question writes nothing', async () => {
    const file = join(dir, 'not-started.yaml');
    terminal = new Terminal(['assess', '-o', file], dir);
    await terminal.waitFor('Organisation:');
    terminal.type('Half a na', KEYS.ctrlC);
    expect(await terminal.exited).toBe(130);
    expect(terminal.screen).toContain('Stopped before anything was saved.');
    expect(existsSync(file)).toBe(false);
  });

  it('without a terminal on standard input: exit 2, pointing to init, nothing written', () => {
    const file = join(dir, 'never.yaml');
    const result = runCli(['assess', '-o', file]);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe('cm-maturity: error: assess asks questions in a terminal, and standard input is not one; to fill in answers in a file instead, start one with: cm-maturity init -o answers.yaml\n');
    expect(existsSync(file)).toBe(false);
  });

  it('refuses -o - and a missing folder before asking anything', async () => {
    // Checked after the terminal check, so these run in a pseudo-terminal too.
    for (const [output, message] of [['-', 'assess saves to a file after every answer'], [join(dir, 'missing', 'a.yaml'), 'its folder does not exist']] as const) {
      terminal = new Terminal(['assess', '-o', output], dir);
      expect(await terminal.exited).toBe(2);
      expect(terminal.screen).toContain(message);
    }
  });

  it('--help explains the questionnaire with examples', () => {
    const result = runCli(['assess', '--help']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('$ cm-maturity assess -o acme.yaml');
    expect(result.stdout).toContain('Ctrl-C stops (exit 130)');
  });

  it('refuses a bad existing file before asking anything', async () => {
    terminal = new Terminal(['assess', '-o', join(ROOT, 'test/fixtures/bad/answer-outside-scale.yaml')], dir);
    expect(await terminal.exited).toBe(2);
    expect(terminal.screen).toMatch(/answer-outside-scale\.yaml:4:21: "maybe" is not an answer for strategy\.sponsor/);
  });
});

