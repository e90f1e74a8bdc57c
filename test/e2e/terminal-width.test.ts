import { afterEach, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { stripVTControlCharacters } from 'node:util';
import { KEYS, Terminal } from '../helpers/terminal.js';
import { MODEL, ROOT, runInProcess, tempDir } from './support.js';

// The width tables and texts are laid out for: the terminal's own, read from the terminal the
// built CLI runs in; else COLUMNS; else 80. Measured as code points without colour codes.

const MIDDLE = 'examples/community@1.0/middle.yaml';

function widest(text: string): number {
  return Math.max(...text.split('\n').map((line) => [...stripVTControlCharacters(line)].length));
}

describe('in a real terminal', () => {
  let terminal: Terminal | undefined;
  afterEach(() => terminal?.kill());

  it('score lays the report out for the terminal’s columns, not COLUMNS', async () => {
    terminal = new Terminal(['score', MIDDLE], ROOT, { columns: 110, env: { COLUMNS: '60' } });
    await terminal.waitFor('Metrics & Measurement → Community');
    expect(await terminal.exited).toBe(0);
    const screen = terminal.screen;
    // 110 columns hold the whole table, bar included; 60 would not.
    expect(screen).toContain('│ Competency            │ Stage              │ Score │ Progress             │ Next stage             │');
    expect(widest(screen)).toBeLessThanOrEqual(110);
    expect(widest(screen)).toBeGreaterThan(100);
  });

  it('assess wraps each question at spaces and prints the chosen answer on a line of its own', async () => {
    const dir = tempDir();
    terminal = new Terminal(['assess', '-m', 'community@1.0', '-o', join(dir, 'answers.yaml')], dir, { columns: 60 });
    await terminal.waitFor('Organisation:');
    terminal.type('Acme Corp', KEYS.enter);
    await terminal.waitFor('Date of the assessment');
    terminal.type('2026-10-01', KEYS.enter);
    await terminal.waitFor('Assessor (optional):');
    terminal.type(KEYS.enter);
    // The first question: the first competency's first indicator (its text is some 125 characters).
    const first = MODEL.competencies[0]!.indicators[0] as unknown as { id: string; text: string };
    await terminal.waitFor(first.id);
    terminal.type(KEYS.enter);
    await terminal.waitFor('[2/');
    const screen = terminal.screen;
    // Every word of the indicator's text is whole: the prompt's own wrapping would cut some.
    expect(screen.replace(/\s+/g, ' ')).toContain(first.text);
    expect(screen).toMatch(/\nAnswer: yes — Yes, fully in place\n/);
    terminal.type(KEYS.ctrlC);
    expect(await terminal.exited).toBe(130);
  });
});

describe('without a terminal', () => {
  it('honours COLUMNS', async () => {
    const result = await runInProcess(['score', MIDDLE], { env: { COLUMNS: '100' } });
    expect(result.code).toBe(0);
    expect(widest(result.stdout)).toBeLessThanOrEqual(100);
    // Lines 80 columns would have wrapped.
    expect(widest(result.stdout)).toBeGreaterThan(80);
    expect(result.stdout).not.toContain('Progress');
  });

  it('uses 80 columns without COLUMNS, and ignores a COLUMNS that is not a number', async () => {
    for (const env of [{}, { COLUMNS: 'wide' }, { COLUMNS: '' }]) {
      const result = await runInProcess(['score', MIDDLE], { env });
      expect(widest(result.stdout)).toBeLessThanOrEqual(80);
      expect(widest(result.stdout)).toBeGreaterThan(70);
    }
  });

  it('never lays out under 60 columns', async () => {
    const narrow = await runInProcess(['score', MIDDLE], { env: { COLUMNS: '30' } });
    const sixty = await runInProcess(['score', MIDDLE], { env: { COLUMNS: '60' } });
    expect(narrow.stdout).toBe(sixty.stdout);
    expect(widest(sixty.stdout)).toBeLessThanOrEqual(60);
  });

  it('--width wins over the terminal and COLUMNS; a report to a file does not follow the terminal', async () => {
    const wide = await runInProcess(['score', MIDDLE, '--width', '150'], { env: { COLUMNS: '60' }, stdoutIsTTY: true, columns: 70 });
    expect(wide.stdout).toContain('│ Progress ');
    expect(widest(wide.stdout)).toBeGreaterThan(100);
    const tty = await runInProcess(['score', MIDDLE], { env: { COLUMNS: '150' }, stdoutIsTTY: true, columns: 70 });
    expect(widest(tty.stdout)).toBeLessThanOrEqual(70);
    const dir = tempDir();
    const file = join(dir, 'report.txt');
    expect((await runInProcess(['score', MIDDLE, '-o', file], { stdoutIsTTY: true, columns: 150 })).code).toBe(0);
    expect(readFileSync(file, 'utf8')).toBe((await runInProcess(['score', MIDDLE])).stdout);
  });

  it('--width takes a whole number of 60 or more', async () => {
    for (const value of ['59', '0', '-80', '80.5', 'wide']) {
      const result = await runInProcess(['score', MIDDLE, '--width', value]);
      expect(result.code).toBe(2);
      expect(result.stdout).toBe('');
      expect(result.stderr).toContain('expected a whole number of columns, 60 or more');
    }
  });

  it('every command with a table takes --width', async () => {
    for (const args of [
      ['score', 'examples/'],
      ['benchmark', 'examples/community@1.0/middle.yaml', 'examples/community@1.0/early.yaml'],
      ['diff', MIDDLE, MIDDLE],
      ['history', MIDDLE],
      ['models'],
    ]) {
      const narrow = await runInProcess([...args, '--width', '60']);
      expect(widest(narrow.stdout), args.join(' ')).toBeLessThanOrEqual(60);
      const help = await runInProcess([args[0]!, '--help']);
      expect(help.stdout).toMatch(/^ {2}--width <columns> /m);
    }
  });
});
