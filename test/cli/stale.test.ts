import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/cli.js';
import { runInProcess } from '../helpers/in-process.js';

/**
 * `score --stale-after` and `--fail-on-stale` as a run says them on standard error and in its exit
 * code, for one answers file and many. test/fixtures/details/harbour.yaml is dated 2026-10-01: with
 * 12m, recruitment.onboarding (checked 2025-06-30) and support.training (2024-11-02) are stale;
 * undated.yaml is the same file without a date.
 */
const DIR = join(ROOT, 'test/fixtures/details');
const HARBOUR = join(DIR, 'harbour.yaml');
const UNDATED = join(DIR, 'undated.yaml');
const UNANSWERED = `cm-maturity: warning: 1 of 11 indicators are unanswered and count as 0 (recognition.pathways); --strict makes this an error`;
const STALE_WARNING =
  "cm-maturity: warning: 2 answers were last checked before 2025-10-01, more than --stale-after 12m before the assessment's date 2026-10-01: recruitment.onboarding (2025-06-30), support.training (2024-11-02); --fail-on-stale makes this a gate";

const temp = mkdtempSync(join(tmpdir(), 'cm-maturity-stale-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

describe('one answers file', () => {
  it('warns about its stale answers and exits 0', async () => {
    const result = await runInProcess(['score', HARBOUR, '--stale-after', '12m', '-f', 'json']);
    expect(result.code).toBe(0);
    expect(result.stderr).toBe(`${UNANSWERED}\n${STALE_WARNING}\n`);
  });

  it('says nothing of stale answers when none is, nor without --stale-after', async () => {
    expect((await runInProcess(['score', HARBOUR, '--stale-after', '2y'])).stderr).toBe(`${UNANSWERED}\n`);
    expect((await runInProcess(['score', HARBOUR])).stderr).toBe(`${UNANSWERED}\n`);
  });

  it('names at most three stale answers', async () => {
    const file = join(temp, 'many-stale.yaml');
    writeFileSync(
      file,
      readFileSync(HARBOUR, 'utf8')
        .replace('model: ./volunteers.model.yaml', `model: ${join(DIR, 'volunteers.model.yaml')}`)
        .replace('recruitment.intranet: mostly', 'recruitment.intranet: { answer: mostly, checked: 2020-01-01 }')
        .replace('support.rotation: partly', 'support.rotation: { answer: partly, checked: 2021-02-03 }'),
    );
    const result = await runInProcess(['score', file, '--stale-after', '12m', '-q']);
    expect(result.stderr).toBe('');
    const warned = await runInProcess(['score', file, '--stale-after', '12m']);
    expect(warned.stderr.split('\n')[1]).toBe(
      "cm-maturity: warning: 4 answers were last checked before 2025-10-01, more than --stale-after 12m before the assessment's date 2026-10-01: recruitment.onboarding (2025-06-30), recruitment.intranet (2020-01-01), support.training (2024-11-02), …; --fail-on-stale makes this a gate",
    );
  });

  it('with --fail-on-stale, fails each competency with a stale answer (exit 1) after writing the report', async () => {
    const result = await runInProcess(['score', HARBOUR, '--stale-after', '12m', '--fail-on-stale', '-f', 'json']);
    expect(result.code).toBe(1);
    expect(JSON.parse(result.stdout).gates).toEqual([
      { gate: 'no-stale', subject: 'recruitment', target: 0, actual: 1, passed: false },
      { gate: 'no-stale', subject: 'support', target: 0, actual: 1, passed: false },
      { gate: 'no-stale', subject: 'recognition', target: 0, actual: 0, passed: true },
    ]);
    // The failed gates say it: no warning besides them.
    expect(result.stderr).toBe(
      [
        UNANSWERED,
        'cm-maturity: gate failed (--fail-on-stale): recruitment has 1 answer checked before 2025-10-01 (--stale-after 12m): recruitment.onboarding',
        'cm-maturity: gate failed (--fail-on-stale): support has 1 answer checked before 2025-10-01 (--stale-after 12m): support.training',
        '',
      ].join('\n'),
    );
  });

  it('passes --fail-on-stale when no answer is stale', async () => {
    const result = await runInProcess(['score', HARBOUR, '--stale-after', '3y', '--fail-on-stale', '-q']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('✔ no-stale recruitment: 0 stale answers');
  });

  it('cannot judge an assessment without a date: says so, and --fail-on-stale does not fail it', async () => {
    const result = await runInProcess(['score', UNDATED, '--stale-after', '12m', '--fail-on-stale', '-f', 'json']);
    expect(result.code).toBe(0);
    expect(result.stderr).toBe(
      `${UNANSWERED}\ncm-maturity: warning: the assessment has no date:, so --stale-after 12m cannot judge its answers (stale answers are those checked that long before the assessment's date)\n`,
    );
    const report = JSON.parse(result.stdout);
    expect(report.stale).toEqual({ after: '12m', checkedBefore: null, answers: [] });
    expect(report.gates).toEqual([]);
  });

  it('a JSON report with stale answers, a context and key indicators is valid, and serves as a baseline', async () => {
    const saved = join(temp, 'harbour.json');
    expect((await runInProcess(['score', HARBOUR, '--stale-after', '12m', '-o', saved, '-q'])).code).toBe(0);
    const validated = await runInProcess(['validate', saved]);
    expect(validated.stdout).toBe(`ok ${saved}: JSON report of Harbour Trust for model volunteers 2.0\n`);
    expect(validated.code).toBe(0);
    const compared = await runInProcess(['score', HARBOUR, '--baseline', saved, '--fail-on-regression', '-q', '-f', 'json']);
    expect(compared.code).toBe(0);
    expect(JSON.parse(compared.stdout).overall.delta).toBe(0);
  });

  it('refuses a JSON report whose stale answers are not what scoring gives', async () => {
    const saved = join(temp, 'forged.json');
    await runInProcess(['score', HARBOUR, '--stale-after', '12m', '-o', saved, '-q']);
    const report = JSON.parse(readFileSync(saved, 'utf8'));
    report.stale.answers.push({ id: 'recruitment.roles', competency: 'support', checked: '2026-09-01' });
    writeFileSync(saved, JSON.stringify(report, null, 2));
    const result = await runInProcess(['validate', saved]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('stale.answers[2].competency must be "recruitment", the competency of recruitment.roles');
    expect(result.stderr).toContain('stale.answers[2] is not stale: a stale answer was checked before stale.checkedBefore');
  });
});

describe('many answers files', () => {
  const files = [HARBOUR, UNDATED, join(ROOT, 'examples/community@1.0/middle.yaml')];

  it('sums up the files with stale answers and those without a date in one line each', async () => {
    const result = await runInProcess(['score', ...files, '--stale-after', '12m', '-f', 'csv']);
    expect(result.code).toBe(0);
    expect(result.stderr.split('\n').slice(1)).toEqual([
      `cm-maturity: warning: 1 of 3 answers files has stale answers, checked more than --stale-after 12m before their date; the most: ${HARBOUR} (2); --verbose shows every file, --fail-on-stale makes this a gate`,
      `cm-maturity: warning: 1 of 3 answers files has no date:, so --stale-after 12m cannot judge its answers: ${UNDATED}`,
      '',
    ]);
  });

  it('--verbose: each file its own lines; --quiet: none', async () => {
    const verbose = await runInProcess(['score', ...files, '--stale-after', '12m', '-f', 'csv', '--verbose']);
    expect(verbose.stderr).toContain(`cm-maturity: warning: ${HARBOUR}: 2 answers were last checked before 2025-10-01,`);
    expect(verbose.stderr).toContain(`cm-maturity: warning: ${UNDATED} has no date:, so --stale-after 12m cannot judge its answers`);
    expect(verbose.stderr).not.toContain('1 of 3 answers files');
    expect((await runInProcess(['score', ...files, '--stale-after', '12m', '-f', 'csv', '-q'])).stderr).toBe('');
  });

  it('--fail-on-stale: one line per failed competency naming its file, exit 1', async () => {
    const result = await runInProcess(['score', ...files, '--stale-after', '12m', '--fail-on-stale', '-f', 'csv']);
    expect(result.code).toBe(1);
    const lines = result.stderr.split('\n');
    expect(lines.filter((line) => line.startsWith('cm-maturity: gate failed'))).toEqual([
      `cm-maturity: gate failed (--fail-on-stale): ${HARBOUR}: recruitment has 1 answer checked before 2025-10-01 (--stale-after 12m): recruitment.onboarding`,
      `cm-maturity: gate failed (--fail-on-stale): ${HARBOUR}: support has 1 answer checked before 2025-10-01 (--stale-after 12m): support.training`,
    ]);
    expect(lines.filter((line) => line.includes('has stale answers'))).toEqual([]);
    expect(lines.filter((line) => line.includes('no date:'))).toHaveLength(1);
  });
});
