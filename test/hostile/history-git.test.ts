import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { CONTROL_EXCEPT_NEWLINE, copyFixture, fixture, tempFolder, withValue } from './support.js';

/**
 * Terminal escape injection (issue 13, class 3) in `history --git`: a committed version that does
 * not load is skipped with a warning quoting its first error, which quotes the file's text; the
 * warning is one inert line, and so is every line of the table.
 */

describe('history --git with hostile committed versions', () => {
  const repo = tempFolder();
  const env = { ...process.env, GIT_CONFIG_NOSYSTEM: '1', GIT_CONFIG_GLOBAL: '/dev/null', HOME: repo };
  const git = (args: string[], date: string) =>
    execFileSync('git', ['-c', 'user.name=Test', '-c', 'user.email=test@example.org', ...args], { cwd: repo, env: { ...env, GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date }, encoding: 'utf8' });
  const original = readFileSync(fixture('terminal.yaml'), 'utf8');
  git(['init', '-q', '-b', 'main'], '2026-01-15T09:00:00Z');
  copyFixture(repo, 'terminal.yaml', 'answers.yaml');
  git(['add', '-A'], '2026-01-15T09:00:00Z');
  git(['commit', '-q', '-m', 'first'], '2026-01-15T09:00:00Z');
  copyFixture(repo, 'terminal.yaml', 'answers.yaml', (text) => `${text}  "goals.\\e]0;key-title\\a\\nx.yaml:1:1: forged": "yes"\n`);
  git(['commit', '-q', '-a', '-m', 'broken'], '2026-03-01T09:00:00Z');
  const broken = git(['rev-parse', '--short=7', 'HEAD'], '2026-03-01T09:00:00Z').trim();
  copyFixture(repo, 'terminal.yaml', 'answers.yaml', () => withValue('date', '2026-06-01')(withValue('goals.shared', '"yes"')(original)));
  git(['commit', '-q', '-a', '-m', 'fixed'], '2026-06-01T09:00:00Z');

  it('warns in one inert line about the version it skips, and shows the others inert', () => {
    const result = runCli(['history', '--git', 'answers.yaml', '--width', '200'], { cwd: repo });
    expect(result.code, result.stderr).toBe(0);
    const warnings = result.stderr.replace(/\n$/, '').split('\n');
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).not.toMatch(CONTROL_EXCEPT_NEWLINE);
    expect(warnings[0]!.startsWith(`cm-maturity: warning: skipped answers.yaml@${broken}: 12:3: `), warnings[0]).toBe(true);
    expect(warnings[0]).toContain('"goals.\\u001b]0;key-title\\u0007\\nx.yaml:1:1: forged"');
    const lines = result.stdout.split('\n');
    for (const line of lines) expect(line, JSON.stringify(line)).not.toMatch(CONTROL_EXCEPT_NEWLINE);
    expect(lines[0]).toBe('Evil\\x1b]0;org-title\\x07 Corp\\x1b[2J — Terminal\\x1b]0;model-title\\x07 model over time');
    expect(lines.filter((line) => /^│ 2026-0[16]-01|^│ 2026-01-15/.test(line))).toHaveLength(2);
  });
});
