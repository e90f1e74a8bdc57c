import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runInProcess } from '../helpers/in-process.js';
import { CONTROL_EXCEPT_NEWLINE, copyFixture, fixture, SGR, tempFolder, withValue } from './support.js';

/**
 * Terminal escape injection (issue 13, class 3): texts from test/fixtures/hostile/terminal.yaml
 * and its model, and file names holding ESC, BEL, C1 controls and line breaks, in every table and
 * every line a run prints. Run in this process; terminal-process.test.ts checks the real streams.
 */

const ORGANISATION = 'Evil\\x1b]0;org-title\\x07 Corp\\x1b[2J';
/** A file name that sets the window title, and one with a line break that would forge an error line. */
const TITLE_NAME = 'evil\u001b]0;file-title\u0007.yaml';
const NEWLINE_NAME = 'new\nforged.yaml:1:1: forged.yaml';

/** Every line of an output: none holds a control character, so the terminal only prints text. */
function expectInert(text: string): string[] {
  const lines = text.split('\n');
  for (const line of lines) expect(line, JSON.stringify(line)).not.toMatch(CONTROL_EXCEPT_NEWLINE);
  return lines;
}

describe('tables show hostile texts escaped, never as control sequences', () => {
  const dir = tempFolder();
  const answers = copyFixture(dir, 'terminal.yaml', TITLE_NAME);
  const later = copyFixture(dir, 'terminal.yaml', NEWLINE_NAME, (text) =>
    [withValue('date', '2026-06-01'), withValue('goals.shared', '{ answer: "yes", note: "done\\e[2J\\nnew.yaml:2:2: forged" }')].reduce((t, edit) => edit(t), text),
  );

  it('score: the single report, with every next step, its notes and advice', async () => {
    // Wide enough that each text stays on one line, as the checks below read them.
    const result = await runInProcess(['score', fixture('terminal.yaml'), '--all', '--width', '300']);
    expect(result.code, result.stderr).toBe(0);
    const lines = expectInert(result.stdout);
    expect(lines[0]).toBe(`${ORGANISATION} — Terminal\\x1b]0;model-title\\x07 model`);
    expect(lines[1]).toContain('Model: Terminal\\x1b]0;model-title\\x07 model 1\\x1b[2J (hostile-terminal)');
    expect(lines[1]).toContain('Assessor: Mal\\rlory\\x9b2J');
    expect(result.stdout).toContain('Note: evidence\\nterminal.yaml:9:9: forged error\\x1b[2J');
    expect(result.stdout).toContain('Note: \\x1b]8;;https://evil.example\\x1b\\click here\\x1b]8;;\\x1b\\');
    expect(result.stdout).toContain('Goals are shared\\x08\\x08\\x08\\x08\\x08hidden');
    expect(result.stdout).toContain('An owner\\x85is named');
    expect(result.stdout).toContain('→ Write them\\nterminal-model.yaml:1:1: forged advice');
    // No line of the report starts with what a note or an advice tried to forge.
    expect(lines.filter((line) => /^\s*\S+\.yaml:\d+:\d+:/.test(line))).toEqual([]);
  });

  it('score: the same in colour, where the only escape sequences are the colours', async () => {
    const result = await runInProcess(['score', fixture('terminal.yaml'), '--all'], { env: { NO_COLOR: undefined, FORCE_COLOR: '1' } });
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toMatch(SGR);
    expectInert(result.stdout.replace(SGR, ''));
    expect(result.stdout.replace(SGR, '')).toContain(`${ORGANISATION} — Terminal\\x1b]0;model-title\\x07 model`);
  });

  it('score with several files: the portfolio table, and the gate failures on standard error, one line each', async () => {
    const result = await runInProcess(['score', answers, later, '--fail-under', 'grown', '--width', '300']);
    expect(result.code).toBe(1);
    const lines = expectInert(result.stdout);
    expect(lines.filter((line) => line.includes(ORGANISATION))).toHaveLength(2);
    expect(result.stdout).toContain('evil\\x1b]0;file-title\\x07.yaml');
    expect(result.stdout).toContain('new\\nforged.yaml:1:1: forged.yaml');
    expect(result.stdout).toContain('goals = Goals\\x1b]0;competency-title\\x07');
    const stderr = expectInert(result.stderr.replace(/\n$/, ''));
    expect(stderr).toEqual([
      `cm-maturity: gate failed (--fail-under grown (2)): ${join(dir, 'evil\\x1b]0;file-title\\x07.yaml')}: overall score 1.50 is below 2.00 by 0.50`,
      `cm-maturity: gate failed (--fail-under grown (2)): ${join(dir, 'new\\nforged.yaml:1:1: forged.yaml')}: overall score 1.83 is below 2.00 by 0.17`,
    ]);
  });

  it('diff: the scores, the stage changes and every changed answer with its notes', async () => {
    const result = await runInProcess(['diff', answers, later, '--width', '200']);
    expect(result.code, result.stderr).toBe(0);
    const lines = expectInert(result.stdout);
    expect(lines[0]).toBe(`${ORGANISATION} — Terminal\\x1b]0;model-title\\x07 model changes 2026-01-15 → 2026-06-01`);
    expect(result.stdout).toContain('Grown\\x1b[31m red');
    expect(result.stdout).toContain('done\\x1b[2J\\nnew.yaml:2:2: forged');
  });

  it('history: the table of dates and scores', async () => {
    const result = await runInProcess(['history', answers, later, '--width', '200']);
    expect(result.code, result.stderr).toBe(0);
    const lines = expectInert(result.stdout);
    expect(lines[0]).toBe(`${ORGANISATION} — Terminal\\x1b]0;model-title\\x07 model over time`);
    expect(lines[1]).toContain('Terminal\\x1b]0;model-title\\x07 model 1\\x1b[2J');
    expect(lines.at(-2)).toBe('Trend: ▁ Start\\x9b2J … █ Grown\\x1b[31m red');
  });

  it('benchmark: the pool and one organisation against it', async () => {
    const result = await runInProcess(['benchmark', answers, later, '--org', answers]);
    expect(result.code, result.stderr).toBe(0);
    expectInert(result.stdout);
    expect(result.stdout).toContain(`${ORGANISATION} (2026-01-15) against the pool`);
    expect(result.stdout).toContain('Goals\\x1b]0;competency-title\\x07');
  });

  it('validate: each ok line and each warning stays one line, whatever the file is called', async () => {
    const model = copyFixture(dir, 'terminal-model.yaml', 'model\u001b[2J\nforged.yaml:1:1: forged.yaml');
    const result = await runInProcess(['validate', model, answers]);
    expect(result.code, result.stderr).toBe(0);
    expect(expectInert(result.stdout.replace(/\n$/, ''))).toEqual([
      `ok ${join(dir, 'model\\x1b[2J\\nforged.yaml:1:1: forged.yaml')}: model hostile-terminal 1\\x1b[2J (2 stages, 2 competencies, 3 indicators), 2 warnings`,
      `ok ${join(dir, 'evil\\x1b]0;file-title\\x07.yaml')}: answers of ${ORGANISATION} for model hostile-terminal 1\\x1b[2J (3/3 answered)`,
    ]);
    const warnings = expectInert(result.stderr.replace(/\n$/, ''));
    expect(warnings).toHaveLength(2);
    for (const warning of warnings) expect(warning.startsWith(`${join(dir, 'model\\x1b[2J\\nforged.yaml:1:1: forged.yaml')}:`), warning).toBe(true);
  });
});

describe('error and warning lines on standard error are one line each, inert', () => {
  const dir = tempFolder();

  it('an error in a file named with a line break and ESC: one file:line:col line per error, the name escaped', async () => {
    const bad = copyFixture(dir, 'terminal.yaml', 'bad\u001b[2J\nother.yaml:1:1: forged.yaml', (text) =>
      `${withValue('goals.shared', '"maybe\\e[2J"')(text)}  "goals.\\e]0;key-title\\a": "yes"\n  "people.\\nother.yaml:1:1: x": "no"\n`,
    );
    const result = await runInProcess(['score', bad]);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    const lines = expectInert(result.stderr.replace(/\n$/, ''));
    const name = join(dir, 'bad\\x1b[2J\\nother.yaml:1:1: forged.yaml');
    expect(lines).toHaveLength(3);
    for (const line of lines) expect(line.startsWith(`${name}:`), line).toBe(true);
    // Text quoted from the file is written as JSON writes a string; the file name is escaped for the terminal.
    expect(result.stderr).toContain('"goals.\\u001b]0;key-title\\u0007"');
    expect(result.stderr).toContain('"people.\\nother.yaml:1:1: x"');
    expect(result.stderr).toContain('maybe\\u001b[2J');
  });

  it('the warning for unanswered indicators names the file escaped', async () => {
    const partial = copyFixture(dir, 'terminal.yaml', 'partial\u0007\u009b2J.yaml', withValue('goals.shared', ''));
    const result = await runInProcess(['score', partial, fixture('terminal.yaml'), '-f', 'json', '--verbose']);
    expect(result.code, result.stderr).toBe(0);
    expect(expectInert(result.stderr.replace(/\n$/, ''))).toEqual([
      `cm-maturity: warning: ${join(dir, 'partial\\x07\\x9b2J.yaml')}: 1 of 3 indicators are unanswered and count as 0 (goals.shared); --strict makes this an error`,
    ]);
    // Without --verbose, the one summary line names it the same way.
    const summary = await runInProcess(['score', partial, fixture('terminal.yaml'), '-f', 'json']);
    expect(expectInert(summary.stderr.replace(/\n$/, ''))).toEqual([
      `cm-maturity: warning: 1 of 2 answers files has unanswered indicators, which count as 0; the most: ${join(dir, 'partial\\x07\\x9b2J.yaml')} (1 of 3); --verbose shows every file, --strict makes this an error`,
    ]);
  });

  it('the warning for a baseline of another organisation quotes both names escaped', async () => {
    const other = copyFixture(dir, 'terminal.yaml', 'other.yaml', withValue('organisation', '"Other\\e]0;other-title\\a\\nforged.yaml:1:1: x"'));
    const result = await runInProcess(['score', fixture('terminal.yaml'), '--baseline', other]);
    expect(result.code, result.stderr).toBe(0);
    expectInert(result.stdout);
    expect(expectInert(result.stderr.replace(/\n$/, ''))).toEqual([
      `cm-maturity: warning: ${other}: the baseline is an assessment of "Other\\x1b]0;other-title\\x07\\nforged.yaml:1:1: x", not of "${ORGANISATION}"; its scores are compared as they are`,
    ]);
  });

  it('an error without a place (a pattern that matches nothing) is one line, the pattern escaped', async () => {
    const result = await runInProcess(['score', fixture('terminal.yaml'), `${dir}/\u001b]0;title\u0007*.yaml`]);
    expect(result.code).toBe(2);
    const lines = expectInert(result.stderr.replace(/\n$/, ''));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^cm-maturity: error: /);
    expect(lines[0]).toContain(`${dir}/\\x1b]0;title\\x07*.yaml`);
  });

  it('a usage error quoting an argument is escaped too', async () => {
    const result = await runInProcess(['score', fixture('terminal.yaml'), '--format', 'x\u001b[2J']);
    expect(result.code).toBe(2);
    expectInert(result.stderr);
    expect(result.stderr).toContain("argument 'x\\x1b[2J' is invalid");
  });

  it('reads the fixture as written: the texts really hold the control characters (a check of the test itself)', async () => {
    const result = await runInProcess(['score', fixture('terminal.yaml'), '-f', 'json']);
    const report = JSON.parse(result.stdout) as { organisation: string; assessor: string };
    expect(report.organisation).toBe('Evil\u001b]0;org-title\u0007 Corp\u001b[2J');
    expect(report.assessor).toBe('Mal\rlory\u009b2J');
    expect(readFileSync(fixture('terminal.yaml'), 'utf8')).not.toMatch(CONTROL_EXCEPT_NEWLINE);
  });
});
