import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { disagreementSchema } from '../../src/schema/disagreement.js';
import { ROOT } from '../helpers/cli.js';
import { runInProcess } from '../helpers/in-process.js';
import { readWorkbook, values } from '../helpers/xlsx.js';

/**
 * `consensus` over test/fixtures/consensus: Alice, Bob and Carol of Harbour Guild answer the five
 * indicators of team.model.yaml (steps: no 0, partly 1, mostly 2, yes 3).
 * - voice.listening: yes, no, partly → median partly; spread 3
 * - voice.channels: yes, mostly, yes → median yes; spread 1
 * - voice.events: n/a, partly, partly → partly (1 n/a of 3); spread 0, applicability disputed
 * - care.code: yes, yes, mostly → yes; spread 1
 * - care.onboarding: partly, partly, empty → partly; spread 0
 */
const DIR = join(ROOT, 'test/fixtures/consensus');
const RESPONDENTS = ['alice.yaml', 'bob.yaml', 'carol.yaml'].map((name) => join(DIR, name));
const BAD = join(DIR, 'bad');

const temp = mkdtempSync(join(tmpdir(), 'cm-maturity-consensus-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

/** A fresh folder in the temporary one, with the model the fixtures name. */
function folder(name: string): string {
  const path = join(temp, name);
  mkdirSync(path);
  copyFileSync(join(DIR, 'team.model.yaml'), join(path, 'team.model.yaml'));
  return path;
}

describe('consensus: the combined answers file', () => {
  it('writes the layout init writes, with the respondents, the combined answers and their distribution; validate accepts it', async () => {
    const out = join(folder('combined'), 'team.yaml');
    const result = await runInProcess(['consensus', ...RESPONDENTS, '-o', out]);
    expect(result).toMatchObject({ code: 0, stdout: '', stderr: '' });
    const text = readFileSync(out, 'utf8');
    expect(text.split('\n')[0]).toMatch(/^# yaml-language-server: \$schema=.*answers\.schema\.json$/);
    expect(text).toContain('# Answers for Team Check (model team-check 1.0): 5 indicators in 2 competencies.');
    expect(text).toContain("# Combined by cm-maturity consensus from 3 respondents' answers, by the median");
    expect(text).toContain('  # --- Voice: Working ---');
    const file = parse(text) as Record<string, unknown>;
    expect(file).toMatchObject({
      organisation: 'Harbour Guild',
      date: '2026-05-06',
      // The model the respondents' files name, from the folder of the file written: here it shares no folder but the root.
      model: join(DIR, 'team.model.yaml'),
      respondents: 3,
      panel: [{ name: 'Alice', role: 'community manager' }, { name: 'Bob', role: 'executive sponsor' }, { name: 'Carol' }],
    });
    expect(file.answers).toEqual({
      'voice.listening': {
        answer: 'partly',
        note: 'Alice: Monthly survey.\nBob: Nobody reads the survey.',
        evidence: ['https://example.org/survey', 'board minutes'],
        checked: '2026-03-15',
        distribution: { yes: 1, partly: 1, no: 1 },
      },
      'voice.channels': { answer: 'yes', distribution: { yes: 2, mostly: 1 } },
      'voice.events': { answer: 'partly', distribution: { partly: 2, 'n/a': 1 } },
      'care.code': { answer: 'yes', distribution: { yes: 2, mostly: 1 } },
      'care.onboarding': { answer: 'partly', distribution: { partly: 2 } },
    });
    const validated = await runInProcess(['validate', out]);
    expect(validated.code).toBe(0);
  });

  it('combines by --method mean and min', async () => {
    const mean = parse((await runInProcess(['consensus', ...RESPONDENTS, '--method', 'mean'])).stdout) as { answers: Record<string, { answer: string }> };
    // voice.listening: (1 + 0 + 0.5) / 3 = 0.5 → partly; voice.channels: 2.75 / 3 = 0.916… → mostly.
    expect(mean.answers['voice.listening']!.answer).toBe('partly');
    expect(mean.answers['voice.channels']!.answer).toBe('mostly');
    const min = parse((await runInProcess(['consensus', ...RESPONDENTS, '--method', 'min'])).stdout) as { answers: Record<string, { answer: string }> };
    expect(Object.values(min.answers).map((entry) => entry.answer)).toEqual(['no', 'mostly', 'partly', 'mostly', 'partly']);
  });

  it('is the same whatever the order of the files', async () => {
    const forward = await runInProcess(['consensus', ...RESPONDENTS]);
    const backward = await runInProcess(['consensus', ...[...RESPONDENTS].reverse()]);
    expect(backward.stdout).toBe(forward.stdout);
  });

  it('is scored as answers of 3 respondents, in every format that shows it', async () => {
    const out = join(folder('scored'), 'team.yaml');
    expect((await runInProcess(['consensus', ...RESPONDENTS, '-o', out])).code).toBe(0);
    const table = await runInProcess(['score', out]);
    expect(table.code).toBe(0);
    expect(table.stdout).toContain('based on 3 respondents');
    const json = JSON.parse((await runInProcess(['score', out, '-f', 'json'])).stdout) as { respondents: number; competencies: { indicators: { id: string; distribution?: Record<string, number> }[] }[] };
    expect(json.respondents).toBe(3);
    expect(json.competencies[0]!.indicators[0]).toMatchObject({ id: 'voice.listening', distribution: { yes: 1, partly: 1, no: 1 } });
    expect((await runInProcess(['score', out, '-f', 'markdown'])).stdout).toContain(' · based on 3 respondents');
    const html = (await runInProcess(['score', out, '-f', 'html'])).stdout;
    expect(html).toContain('<dt>Consensus</dt><dd>based on 3 respondents</dd>');
    // The spread of every indicator, and what to discuss first: a spread of 2 steps or more, or n/a for some.
    expect(html).toContain(
      '<h3>Discuss first</h3>\n<ul>\n<li><code>voice.listening</code> Members are asked what they need. — 3 steps (yes 1 · partly 1 · no 1)</li>\n<li><code>voice.events</code> Events are held for members. — 0 steps · n/a for some (partly 2 · n/a 1)</li>\n</ul>',
    );
    expect(html).toContain('<tr><td><code>care.onboarding</code><br>Newcomers are welcomed within a week.</td><td>Care</td><td>0 steps</td><td>partly 2</td></tr>');
    expect((await runInProcess(['score', out, '--lang', 'fr'])).stdout).toContain('sur la base de 3 répondants');
    // One person's answers say nothing of respondents.
    expect((await runInProcess(['score', RESPONDENTS[0]!])).stdout).not.toContain('respondent');
  });

  it('never replaces an existing file without --force', async () => {
    const out = join(folder('existing'), 'team.yaml');
    writeFileSync(out, 'kept\n');
    const refused = await runInProcess(['consensus', ...RESPONDENTS, '-o', out]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toBe(`cm-maturity: error: ${out} already exists; use --force to replace it\n`);
    expect(readFileSync(out, 'utf8')).toBe('kept\n');
    expect((await runInProcess(['consensus', ...RESPONDENTS, '-o', out, '--force'])).code).toBe(0);
    expect(readFileSync(out, 'utf8')).toContain('respondents: 3');
  });

  it('reads a folder, passing over the model beside the answers files', async () => {
    const responses = folder('responses');
    for (const file of RESPONDENTS) copyFileSync(file, join(responses, file.slice(DIR.length + 1)));
    const result = await runInProcess(['consensus', responses]);
    expect(result.code).toBe(0);
    expect(result.stderr).toBe(`skipped 1 file found that is not an answers file: ${join(responses, 'team.model.yaml')}\n`);
    const answers = (text: string) => (parse(text) as { answers: unknown }).answers;
    expect(answers(result.stdout)).toEqual(answers((await runInProcess(['consensus', ...RESPONDENTS])).stdout));
  });
});

describe('consensus: bad input', () => {
  it('reports every problem of every file at once, located, exits 2 and writes nothing', async () => {
    const out = join(folder('bad'), 'team.yaml');
    const bad = ['other-organisation.yaml', 'unknown-answer.yaml', 'combined.yaml', 'other-model.yaml'].map((name) => join(BAD, name));
    const result = await runInProcess(['consensus', ...RESPONDENTS, ...bad, '-o', out]);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    const at = (name: string) => join(BAD, name);
    expect(result.stderr.split('\n').filter((line) => line !== '')).toEqual([
      `${at('combined.yaml')}:3:14: this file already combines several respondents' answers (written by consensus); combine the respondents' own files instead`,
      `${at('other-model.yaml')}:2:8: answers model community 2.0, but the other files answer team-check 1.0; consensus combines answers to one model (cm-maturity migrate moves answers to another version)`,
      `${at('other-organisation.yaml')}:1:15: organisation "Harbour Club" differs from the other files' "Harbour Guild"; consensus combines the answers of one organisation`,
      `${at('unknown-answer.yaml')}:4:20: "always" is not an answer for voice.listening; allowed: yes, mostly, partly, no, n/a`,
    ]);
    expect(existsSync(out)).toBe(false);
  });

  it('needs two respondents', async () => {
    const result = await runInProcess(['consensus', RESPONDENTS[0]!]);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe('cm-maturity: error: consensus combines the answers files of at least two respondents; only one was found\n');
  });

  it('refuses a report extension or --format without --report, before reading any file', async () => {
    const html = await runInProcess(['consensus', ...RESPONDENTS, '-o', join(temp, 'team.html')]);
    expect(html.code).toBe(2);
    expect(html.stderr).toContain('without --report, consensus writes an answers file (.yaml)');
    const format = await runInProcess(['consensus', ...RESPONDENTS, '-f', 'json']);
    expect(format.code).toBe(2);
    expect(format.stderr).toContain('--format chooses the format of the disagreement report: add --report');
    expect(existsSync(join(temp, 'team.html'))).toBe(false);
  });

  it('says its errors in French with --lang fr', async () => {
    const result = await runInProcess(['consensus', ...RESPONDENTS, join(BAD, 'other-organisation.yaml'), '--lang', 'fr']);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(
      `${join(BAD, 'other-organisation.yaml')}:1:15: l’organisation «\u00a0Harbour Club\u00a0» diffère de celle des autres fichiers, «\u00a0Harbour Guild\u00a0»\u202f; consensus combine les réponses d’une seule organisation\n`,
    );
  });
});

describe('consensus --report', () => {
  it('writes the disagreement as JSON, hand-computed', async () => {
    const result = await runInProcess(['consensus', ...RESPONDENTS, '--report', '-f', 'json']);
    expect(result.code).toBe(0);
    const report = disagreementSchema.parse(JSON.parse(result.stdout));
    expect(report.respondents.map((respondent) => respondent.name)).toEqual(['Alice', 'Bob', 'Carol']);
    expect(report.discussFirst).toEqual([
      { id: 'voice.listening', competency: 'voice', spread: 3 },
      { id: 'voice.events', competency: 'voice', spread: 0 },
    ]);
    // voice: (3 + 1 + 0) / 3 steps → 1 − 4/9; care: (1 + 0) / 2 → 1 − 1/6.
    expect(report.competencies.map((competency) => [competency.id, competency.agreement])).toEqual([
      ['voice', 1 - 4 / 9],
      ['care', 1 - 1 / 6],
    ]);
  });

  it('lays out a table with who answered what, and says it in French', async () => {
    const table = await runInProcess(['consensus', ...RESPONDENTS, '--report', '--width', '120']);
    expect(table.code).toBe(0);
    expect(table.stdout).toContain('Harbour Guild: where 3 respondents disagree');
    expect(table.stdout).toContain('yes: Alice · partly: Carol · no: Bob');
    expect(table.stdout).toMatch(/Alice\s+│\s+0\.87 │\s+4 │/);
    const french = await runInProcess(['consensus', ...RESPONDENTS, '--report', '--lang', 'fr', '-f', 'markdown']);
    expect(french.stdout).toContain('# Harbour Guild\u00a0: les désaccords entre 3 répondants');
    expect(french.stdout).toContain('| Alice | 0,87 | 4 |');
  });

  it('picks each file format by its extension, and writes HTML and xlsx files', async () => {
    const out = folder('reports');
    const result = await runInProcess(['consensus', ...RESPONDENTS, '--report', '-o', join(out, 'd.html'), '-o', join(out, 'd.xlsx'), '-o', join(out, 'd.md')]);
    expect(result).toMatchObject({ code: 0, stdout: '', stderr: '' });
    const html = readFileSync(join(out, 'd.html'), 'utf8');
    expect(html).toMatch(/<meta http-equiv="Content-Security-Policy" content="default-src &#39;none&#39;; style-src &#39;sha256-[A-Za-z0-9+/=]+&#39;;/);
    expect(html).not.toContain('<script');
    expect(html).toContain('<tr class="wide"><td>voice.listening</td>');
    const [indicators, competencies, calibration] = readWorkbook(readFileSync(join(out, 'd.xlsx')));
    expect(values(indicators!).slice(0, 2)).toEqual([
      ['Competency', 'Indicator', 'Text', 'Spread', 'Discuss first', 'n/a for some', 'Alice', 'Bob', 'Carol', 'no', 'partly', 'mostly', 'yes', 'n/a'],
      ['Voice', 'voice.listening', 'Members are asked what they need.', 3, 'yes', null, 'yes', 'no', 'partly', 1, 1, null, 1],
    ]);
    expect(values(competencies!)[1]).toEqual(['Voice', 1 - 4 / 9, 4 / 3, 3]);
    expect(values(calibration!).map((row) => row[0])).toEqual(['Respondent', 'Alice', 'Bob', 'Carol']);
    expect(readFileSync(join(out, 'd.md'), 'utf8')).toContain('## Discuss first');
    expect(readdirSync(out).sort()).toEqual(['d.html', 'd.md', 'd.xlsx', 'team.model.yaml']);
  });

  it('makes what the files say inert in HTML and markdown', async () => {
    const out = folder('hostile');
    for (const [index, file] of RESPONDENTS.entries()) {
      const name = index === 0 ? '<script>alert(1)</script> | **Eve**' : undefined;
      const text = readFileSync(file, 'utf8').replace(/respondent: .*\n/, name === undefined ? '' : `respondent: { name: ${JSON.stringify(name)} }\n`);
      writeFileSync(join(out, `r${index}.yaml`), text);
    }
    const files = [0, 1, 2].map((index) => join(out, `r${index}.yaml`));
    const html = (await runInProcess(['consensus', ...files, '--report', '-f', 'html'])).stdout;
    expect(html).not.toContain('<script>');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt; | **Eve**');
    const markdown = (await runInProcess(['consensus', ...files, '--report', '-f', 'markdown'])).stdout;
    expect(markdown).toContain('&lt;script&gt;alert(1)&lt;/script&gt; \\| \\*\\*Eve\\*\\*');
    // Respondents without a name are named by their file.
    expect(markdown).toContain('| r1 |');
  });

  it('shows control characters in names as escapes in the table', async () => {
    const out = folder('controls');
    for (const [index, file] of RESPONDENTS.entries()) {
      writeFileSync(join(out, `r${index}.yaml`), readFileSync(file, 'utf8').replace(/respondent: .*\n/, `respondent: { name: "Eve\\e[31m${index}" }\n`));
    }
    const table = await runInProcess(['consensus', ...[0, 1, 2].map((index) => join(out, `r${index}.yaml`)), '--report', '--width', '200']);
    expect(table.code).toBe(0);
    expect(table.stdout).not.toContain('\u001b');
    expect(table.stdout).toContain('Eve\\x1b[31m0');
  });
});
