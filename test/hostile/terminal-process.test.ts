import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { PARALLEL_MIN_FILES } from '../../src/pipeline/score-files.js';
import { CONTROL_EXCEPT_NEWLINE, copyFixture, tempFolder, withValue } from './support.js';

/**
 * Terminal escape injection (issue 13, class 3), through the built CLI's real standard streams:
 * a file name with a line break cannot forge a `file:line:col:` line, and no control character
 * reaches standard output or standard error, also when worker threads score the files.
 */

/** The lines of a stream; none holds a control character. */
function inertLines(text: string): string[] {
  expect(text.endsWith('\n'), text).toBe(true);
  const lines = text.slice(0, -1).split('\n');
  for (const line of lines) expect(line, JSON.stringify(line)).not.toMatch(CONTROL_EXCEPT_NEWLINE);
  return lines;
}

describe('the terminal contract of the built CLI with hostile names and texts', () => {
  const dir = tempFolder();
  const forged = 'x.yaml:1:1: this line is forged';

  it('an invalid file named with a line break: exactly one located line per error, nothing on standard output', () => {
    const bad = copyFixture(dir, 'terminal.yaml', `bad\n${forged}\u001b[2J.yaml`, withValue('goals.shared', '"maybe\\e]0;title\\a"'));
    const result = runCli(['score', bad]);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    const lines = inertLines(result.stderr);
    expect(lines).toHaveLength(1);
    expect(lines[0]!.startsWith(`${join(dir, `bad\\n${forged}\\x1b[2J.yaml`)}:10:17: `), lines[0]).toBe(true);
    expect(lines[0]).toContain('maybe\\u001b]0;title\\u0007');
  });

  it('validate: ok lines on standard output, warnings on standard error, one line each', () => {
    const model = copyFixture(dir, 'terminal-model.yaml', `model\n${forged}.yaml`);
    const answers = copyFixture(dir, 'terminal.yaml', 'answers\u009b2J.yaml');
    const result = runCli(['validate', model, answers]);
    expect(result.code, result.stderr).toBe(0);
    const ok = inertLines(result.stdout);
    expect(ok).toHaveLength(2);
    expect(ok[0]!.startsWith(`ok ${join(dir, `model\\n${forged}.yaml`)}: model hostile-terminal`), ok[0]).toBe(true);
    expect(ok[1]!.startsWith(`ok ${join(dir, 'answers\\x9b2J.yaml')}: answers of Evil\\x1b]0;org-title\\x07 Corp\\x1b[2J`), ok[1]).toBe(true);
    expect(inertLines(result.stderr).every((line) => line.startsWith(`${join(dir, `model\\n${forged}.yaml`)}:`))).toBe(true);
  });

  it(`many files scored by worker threads (-j 2, ${PARALLEL_MIN_FILES} files): the table, the warnings and the errors stay inert`, () => {
    const files = Array.from({ length: PARALLEL_MIN_FILES }, (_, index) =>
      copyFixture(dir, 'terminal.yaml', `many-${String(index).padStart(2, '0')}\u001b]0;t\u0007\n.yaml`, index === 3 ? withValue('goals.shared', '"maybe\\e[2J"') : index === 5 ? withValue('goals.shared', '') : undefined),
    );
    // Wide enough for one table: each organisation's name on one line.
    const result = runCli(['score', ...files, '-j', '2', '--verbose', '--width', '400']);
    expect(result.code).toBe(2);
    const table = inertLines(result.stdout);
    expect(table.filter((line) => line.includes('Evil\\x1b]0;org-title\\x07 Corp\\x1b[2J'))).toHaveLength(PARALLEL_MIN_FILES - 1);
    const [error, ...rest] = inertLines(result.stderr);
    // A file name is escaped for the terminal; a text quoted from the file is written as JSON writes a string.
    expect(error!.startsWith(`${join(dir, 'many-03\\x1b]0;t\\x07\\n.yaml')}:10:17: "maybe\\u001b[2J" `), error).toBe(true);
    expect(rest).toEqual([
      `cm-maturity: warning: ${join(dir, 'many-05\\x1b]0;t\\x07\\n.yaml')}: 1 of 3 indicators are unanswered and count as 0 (goals.shared); --strict makes this an error`,
      `cm-maturity: error: 1 of ${PARALLEL_MIN_FILES} answers files is invalid (see above); the other ${PARALLEL_MIN_FILES - 1} are reported`,
    ]);
  });
});
