import { describe, expect, it } from 'vitest';
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { EXAMPLES, ROOT, runCli, runInProcess, tempDir } from './support.js';

// What migrate writes is checked on runs in this process (runInProcess); the exit codes, the files
// written or left alone, and the streams, on the built CLI.

const FIXTURES = 'test/fixtures/versions';
const fixture = (name: string) => `${FIXTURES}/${name}`;
const readAnswers = (text: string) => parse(text, { version: '1.2' }) as Record<string, unknown>;

/** The comment lines right above an answer's key, joined into one text. */
function commentAbove(text: string, id: string): string {
  const lines = text.split('\n');
  const at = lines.findIndex((line) => line.startsWith(`  ${id}:`));
  expect(at, id).toBeGreaterThan(0);
  let start = at;
  while (lines[start - 1]!.startsWith('  # ')) start--;
  return lines
    .slice(start, at)
    .map((line) => line.slice(4).trim())
    .join(' ');
}

/** The review mark above an answer, or undefined when it has none. */
function reviewMark(text: string, id: string): string | undefined {
  const comment = commentAbove(text, id);
  const at = comment.indexOf('Review: ');
  return at === -1 ? undefined : comment.slice(at);
}

/** The fixtures of two club versions (and 2.1) in a folder of their own, with the 2025 answers. */
function clubFolder(): string {
  const dir = tempDir();
  for (const name of ['club@1.yaml', 'club@2.yaml', 'club@2.1.yaml', 'club@3.yaml', 'club-2025.yaml', 'club-2026.yaml']) copyFileSync(join(ROOT, fixture(name)), join(dir, name));
  return dir;
}

describe('migrate: what it writes', () => {
  it('carries each answer to the indicators the migration names: the lowest of several, notes after their old ids, evidence and date kept', async () => {
    const result = await runInProcess(['migrate', fixture('club-2025.yaml'), '--to', fixture('club@2.yaml')]);
    expect(result.code).toBe(0);
    expect(result.stderr).toBe(
      `cm-maturity: note: ${fixture('club-2025.yaml')} migrated from club 1 to 2: 5 indicators take over earlier answers, each marked "Review:" to check; 0 earlier answers not carried over; 2 indicators unanswered\n`,
    );
    const text = result.stdout;
    // club@2 is no built-in model: the generic schema, and model: relative to the working folder.
    expect(text.split('\n')[0]).toBe('# yaml-language-server: $schema=./schema/answers.schema.json');
    expect(readAnswers(text)).toEqual({
      organisation: 'Harbour Club',
      date: '2025-06-01',
      model: `./${fixture('club@2.yaml')}`,
      context: null,
      assessor: 'Ann',
      answers: {
        'welcome.greet': 'yes',
        'welcome.guide': { answer: 'mostly', note: 'Guide drafted', evidence: ['https://example.org/guide'], checked: '2025-05-20' },
        // New in 2: nothing feeds it.
        'welcome.buddy': null,
        'welcome.mentor': 'partly',
        'events.meet': 'yes',
        // Fed by events.plan (yes) and events.launch (partly): the lowest, partly.
        'events.calendar': { answer: 'partly', note: 'events.plan: Calendar online; events.launch: Launch late' },
        'events.stream': null,
      },
    });
    expect(reviewMark(text, 'welcome.greet')).toBe('Review: carried over from club 1 welcome.greet ("yes"); check it against this version\'s text and criteria, then delete this mark.');
    expect(reviewMark(text, 'events.calendar')).toBe(
      'Review: carried over from club 1 events.plan ("yes"), events.launch (partly); check it against this version\'s text and criteria, then delete this mark.',
    );
    expect(reviewMark(text, 'welcome.buddy')).toBeUndefined();
    expect(reviewMark(text, 'events.stream')).toBeUndefined();
    // The layout of init: the indicator's text, criteria, evidence prompt, stage and facts, advice.
    expect(commentAbove(text, 'welcome.guide')).toBe(
      [
        'A written guide tells newcomers where to start.',
        'Criteria for "yes" (every one holds): - The guide is one page. - It names a contact.',
        'Evidence: The guide itself.',
        'Stage: Member. Answers: "yes", mostly, partly, "no", n/a. Must-have: its stage is not met without it. Effort: small. Owner: club secretary.',
        'Advice: Write the guide.',
        'Review: carried over from club 1 welcome.guide (mostly); check it against this version\'s text and criteria, then delete this mark.',
      ].join(' '),
    );
    expect(commentAbove(text, 'events.stream')).toContain('Only in the contexts: online.');
    // The header says where the answers come from and gives the model's note on what changed.
    expect(text).toContain('# Migrated from club 1 to club 2 by cm-maturity migrate: 5 indicators take over earlier answers,\n# each marked "Review:" above it;');
    expect(text).toContain('# Version 2 merges the calendar and the launch plans, and adds buddies and streaming.\n');
    expect(text).toContain('#   online  Online club: Members meet on a video call.\n#   local   Local club\n');
    expect(text).not.toContain('Not carried over');
  });

  it('goes through every version between (1 → 2 → 2.1, 2 found beside 2.1); an answer nothing takes over is named in the header', async () => {
    const dir = clubFolder();
    // 2.1 merges welcome.buddy into welcome.guide and drops events.stream.
    writeFileSync(
      join(dir, 'club-2026.yaml'),
      readFileSync(join(dir, 'club-2026.yaml'), 'utf8').replace('events.stream: "no"', 'events.stream: { answer: "no", note: "No camera yet" }'),
    );
    const chain = await runInProcess(['migrate', join(dir, 'club-2025.yaml'), '--to', join(dir, 'club@2.1.yaml')]);
    expect(chain.code).toBe(0);
    expect(readAnswers(chain.stdout).answers).toEqual({
      'welcome.greet': 'yes',
      // Fed in 2.1 by welcome.guide (mostly) and welcome.buddy, unanswered after 1 → 2: unanswered, its note, evidence and date kept.
      'welcome.guide': { note: 'Guide drafted', evidence: ['https://example.org/guide'], checked: '2025-05-20' },
      'welcome.mentor': 'partly',
      'events.meet': 'yes',
      'events.calendar': { answer: 'partly', note: 'events.plan: Calendar online; events.launch: Launch late' },
    });
    // The marks name the answers of version 1, the file's own.
    expect(reviewMark(chain.stdout, 'welcome.guide')).toBe(
      'Review: carried over from club 1 welcome.guide (mostly); check it against this version\'s text and criteria, then delete this mark.',
    );

    const dropped = await runInProcess(['migrate', join(dir, 'club-2026.yaml'), '--to', join(dir, 'club@2.1.yaml')]);
    expect(dropped.code).toBe(0);
    expect(readAnswers(dropped.stdout).answers).toEqual({
      'welcome.greet': 'yes',
      // welcome.guide (yes) and welcome.buddy (partly): partly.
      'welcome.guide': 'partly',
      'welcome.mentor': 'mostly',
      'events.meet': 'yes',
      'events.calendar': 'yes',
    });
    expect(dropped.stdout).toContain('# Not carried over (no indicator of 2.1 takes them):\n#   - events.stream: "no" (note: "No camera yet")\n');
    expect(dropped.stderr).toContain('; 1 earlier answer not carried over;');
  });

  it('keeps the context when the newer version has it, and leaves it out with a word when not', async () => {
    const dir = clubFolder();
    const withContext = (context: string) => {
      const file = join(dir, `${context}.yaml`);
      writeFileSync(file, readFileSync(join(dir, 'club-2026.yaml'), 'utf8').replace('assessor: Ann', `assessor: Ann\ncontext: ${context}`));
      return file;
    };
    // 2.1 has the context online, not local.
    const kept = await runInProcess(['migrate', withContext('online'), '--to', join(dir, 'club@2.1.yaml')]);
    expect(kept.code).toBe(0);
    expect(readAnswers(kept.stdout).context).toBe('online');
    expect(kept.stderr).not.toContain('context');
    const lost = await runInProcess(['migrate', withContext('local'), '--to', join(dir, 'club@2.1.yaml')]);
    expect(lost.code).toBe(0);
    expect(readAnswers(lost.stdout).context).toBeNull();
    expect(lost.stderr).toContain('; context "local" is not one of version 2.1, so it was left out\n');
  });

  it('turns every 1.0 example into a valid 2.0 file: validate --strict passes it, and it scores', async () => {
    const dir = tempDir();
    for (const example of EXAMPLES) {
      const output = join(dir, example.split('/').pop()!);
      const migrated = await runInProcess(['migrate', example, '-o', output]);
      expect(migrated.code, migrated.stderr).toBe(0);
      expect(migrated.stdout).toBe('');
      const data = readAnswers(readFileSync(output, 'utf8'));
      expect(data.model).toBe('community@2.0');
      const validate = await runInProcess(['validate', '--strict', output]);
      expect(validate, example).toMatchObject({ code: 0, stderr: '' });
      expect(validate.stdout).toMatch(/^ok .*: answers of .* for model community 2\.0 \(\d+\/\d+ answered\)\n$/);
      expect((await runInProcess(['score', output, '-f', 'json', '-q'])).code).toBe(0);
    }
  });

  it('an answer carried from a 1.0 example: strategy.plan feeds strategy.approved and strategy.roadmap, with its note', async () => {
    const result = await runInProcess(['migrate', 'examples/community@1.0/middle.yaml']);
    expect(result.code).toBe(0);
    const source = readAnswers(readFileSync(join(ROOT, 'examples/community@1.0/middle.yaml'), 'utf8')).answers as Record<string, unknown>;
    const answers = readAnswers(result.stdout).answers as Record<string, unknown>;
    expect(answers['strategy.approved']).toEqual(source['strategy.plan']);
    expect(answers['strategy.roadmap']).toEqual(source['strategy.plan']);
    expect(reviewMark(result.stdout, 'strategy.approved')).toMatch(/^Review: carried over from community 1\.0 strategy\.plan \(/);
    expect(result.stdout.split('\n')[0]).toBe('# yaml-language-server: $schema=./schema/answers.community@2.0.schema.json');
  });
});

describe('migrate: files, streams and exit codes', () => {
  it('-o writes the file, an existing one only with --force, and the input itself only with --force, atomically', () => {
    const dir = clubFolder();
    const input = join(dir, 'club-2025.yaml');
    const original = readFileSync(input, 'utf8');
    const to = join(dir, 'club@2.yaml');
    const output = join(dir, 'out', 'club-2.yaml');

    const written = runCli(['migrate', input, '--to', to, '-o', output]);
    expect(written.code).toBe(0);
    expect(written.stdout).toBe('');
    expect(written.stderr).toBe(`cm-maturity: note: ${input} migrated from club 1 to 2 in ${output}: 5 indicators take over earlier answers, each marked "Review:" to check; 0 earlier answers not carried over; 2 indicators unanswered\n`);
    // Written beside the model file's folder: model: is relative to the new file.
    expect(readAnswers(readFileSync(output, 'utf8')).model).toBe('../club@2.yaml');
    expect(runCli(['validate', output])).toMatchObject({ code: 0, stderr: '' });

    writeFileSync(output, 'organisation: Keep me\n');
    const refused = runCli(['migrate', input, '--to', to, '-o', output]);
    expect(refused).toEqual({ code: 2, stdout: '', stderr: `cm-maturity: error: ${output} already exists; use --force to replace it\n` });
    expect(readFileSync(output, 'utf8')).toBe('organisation: Keep me\n');
    expect(runCli(['migrate', input, '--to', to, '-o', output, '--force']).code).toBe(0);
    expect(readAnswers(readFileSync(output, 'utf8')).organisation).toBe('Harbour Club');

    const inPlace = runCli(['migrate', input, '--to', to, '-o', input]);
    expect(inPlace).toEqual({ code: 2, stdout: '', stderr: `cm-maturity: error: -o ${input} is the answers file itself; add --force to migrate it in place\n` });
    expect(readFileSync(input, 'utf8')).toBe(original);
    const forced = runCli(['migrate', input, '--to', to, '-o', input, '--force', '-q']);
    expect(forced).toEqual({ code: 0, stdout: '', stderr: '' });
    expect(readAnswers(readFileSync(input, 'utf8')).model).toBe('./club@2.yaml');
    // Migrated once, the file answers 2: a second run leaves it as it is.
    const again = readFileSync(input, 'utf8');
    expect(runCli(['migrate', input, '--to', to, '-o', input, '--force'])).toEqual({
      code: 0,
      stdout: '',
      stderr: `cm-maturity: note: ${input} already answers club 2, the version asked for; nothing to migrate, nothing written\n`,
    });
    expect(readFileSync(input, 'utf8')).toBe(again);
  });

  it('without -o writes standard output; reads standard input with -', () => {
    const text = readFileSync(join(ROOT, 'examples/community@1.0/early.yaml'), 'utf8');
    const result = runCli(['migrate', '-', '-q'], { input: text });
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('');
    expect(readAnswers(result.stdout).model).toBe('community@2.0');
  });

  it('a file already at the newest version: exit 0 with a note, nothing written', () => {
    const dir = tempDir();
    const output = join(dir, 'never.yaml');
    const result = runCli(['migrate', 'examples/middle.yaml', '-o', output]);
    expect(result).toEqual({ code: 0, stdout: '', stderr: 'cm-maturity: note: examples/middle.yaml already answers community 2.0, the newest version; nothing to migrate, nothing written\n' });
    expect(runCli(['migrate', 'examples/middle.yaml', '-o', output, '-q'])).toEqual({ code: 0, stdout: '', stderr: '' });
  });

  it('refuses an unknown --to, another model, a version no migration leads to, and a model file without --to (exit 2, nothing written)', () => {
    const dir = clubFolder();
    const output = join(dir, 'never.yaml');
    const unknown = runCli(['migrate', 'examples/community@1.0/early.yaml', '--to', 'community@9.0', '-o', output]);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/^cm-maturity: error: --to: "community@9\.0" is not a built-in model \(did you mean community@[0-9.]+\?\) and no file of that name exists; built-in models: /);
    const other = runCli(['migrate', 'examples/community@1.0/early.yaml', '--to', join(dir, 'club@2.yaml'), '-o', output]);
    expect(other).toEqual({ code: 2, stdout: '', stderr: `cm-maturity: error: --to: ${join(dir, 'club@2.yaml')} is model club 2, not a version of community, the model examples/community@1.0/early.yaml answers\n` });
    // club@3 declares no migration.
    const unlinked = runCli(['migrate', join(dir, 'club-2025.yaml'), '--to', join(dir, 'club@3.yaml'), '-o', output]);
    expect(unlinked).toEqual({ code: 2, stdout: '', stderr: `cm-maturity: error: no migration leads from club 1 to 3: ${join(dir, 'club@3.yaml')} migrates from no earlier version\n` });
    // Backwards: 2 → 1.
    const backwards = runCli(['migrate', join(dir, 'club-2026.yaml'), '--to', join(dir, 'club@1.yaml'), '-o', output]);
    expect(backwards.code).toBe(2);
    expect(backwards.stderr).toBe(`cm-maturity: error: no migration leads from club 2 to 1: ${join(dir, 'club@1.yaml')} migrates from no earlier version\n`);
    const noTarget = runCli(['migrate', join(dir, 'club-2025.yaml'), '-o', output]);
    expect(noTarget).toEqual({
      code: 2,
      stdout: '',
      stderr: `cm-maturity: error: ${join(dir, 'club-2025.yaml')} answers the model file ${join(dir, 'club@1.yaml')}; name the newer version to migrate to with --to <model file>\n`,
    });
    // An invalid answers file: its errors, located.
    writeFileSync(join(dir, 'bad.yaml'), 'organisation: Bad\nmodel: ./club@1.yaml\nanswers:\n  welcome.gret: "yes"\n');
    const bad = runCli(['migrate', join(dir, 'bad.yaml'), '--to', join(dir, 'club@2.yaml'), '-o', output]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toBe(`${join(dir, 'bad.yaml')}:4:3: unknown indicator "welcome.gret" in model club (did you mean welcome.greet?)\n`);
    expect(runCli(['migrate', join(dir, 'club-2025.yaml'), '--to', join(dir, 'club@2.yaml'), '-o', join(dir, 'club@2.yaml'), '--force']).code).toBe(2);
    expect(() => readFileSync(output)).toThrow();
  });
});
