import { afterEach, describe, expect, it } from 'vitest';
import { KEYS, Terminal } from '../helpers/terminal.js';
import { copyFixture, tempFolder, withValue } from './support.js';

/**
 * Terminal escape injection (issue 13, class 3) in `assess`, in a real terminal: resuming
 * test/fixtures/hostile/terminal.yaml, the question shows the model's texts and the note escaped,
 * and the program writes none of their control sequences (its own cursor moves aside).
 */

/** What the hostile texts hold and the prompt itself never writes: OSC, BEL, backspace, C1, clear screen, colour. */
// eslint-disable-next-line no-control-regex
const HOSTILE_SEQUENCE = /\u001b\]|\u0007|\u0008|[\u0080-\u009f]|\u001b\[2J|\u001b\[31m/;

describe('assess with a hostile model and answers file', () => {
  const dir = tempFolder();
  let terminal: Terminal | undefined;
  afterEach(() => terminal?.kill());

  it('shows the question, the advice and the note escaped, one line each', async () => {
    copyFixture(dir, 'terminal.yaml', 'answers.yaml', withValue('goals.written', '{ answer: null, note: "evidence\\e]0;note-title\\a\\nforged" }'));
    terminal = new Terminal(['assess', '-o', 'answers.yaml'], dir);
    await terminal.waitFor('Goals\\x1b]0;competency-title\\x07: now at Start\\x9b2J');
    await terminal.waitFor('Note: evidence\\x1b]0;note-title\\x07\\nforged');
    expect(terminal.screen).toContain('Grown\\x1b[31m red · goals.written\nGoals are\\x1b[2J written\nAdvice: Write them\\nterminal-model.yaml:1:1: forged advice');
    expect(terminal.screen).toContain('partly — Partly\\x1b[2J');
    expect(terminal.raw).not.toMatch(HOSTILE_SEQUENCE);
    terminal.type(KEYS.ctrlC);
    expect(await terminal.exited).toBe(130);
  });
});
