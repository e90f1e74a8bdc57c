import { describe, expect, it } from 'vitest';
import { ESC, runInProcess } from './support.js';

// Every run here is in this process (runInProcess), with standard output a terminal or not as
// the test says: whether to colour is decided by the code from the streams and the environment.

describe('--no-color', () => {
  it.each([
    ['score', ['score', 'examples/community@1.0/middle.yaml']],
    ['validate', ['validate', 'examples/community@1.0/middle.yaml']],
    ['models', ['models']],
    ['diff', ['diff', 'examples/community@1.0/middle.yaml', 'examples/community@1.0/middle.yaml']],
    ['history', ['history', 'examples/community@1.0/middle.yaml']],
    ['benchmark', ['benchmark', 'examples/community@1.0/early.yaml', 'examples/community@1.0/middle.yaml']],
    ['init', ['init']],
    ['schema', ['schema', 'model']],
  ])('is accepted by %s', async (_name, args) => {
    const result = await runInProcess([...args, '--no-color'], { stdoutIsTTY: true, env: { NO_COLOR: undefined } });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).not.toContain(ESC);
  });
});

describe('colour in models and validate, as in score', () => {
  const cases = [
    ['models', ['models']],
    ['validate', ['validate', 'examples/community@1.0/middle.yaml']],
  ] as const;

  it.each(cases)('%s: colours a terminal, unless NO_COLOR is set or --no-color given', async (_name, args) => {
    expect((await runInProcess([...args], { stdoutIsTTY: true, env: { NO_COLOR: undefined, TERM: 'xterm' } })).stdout).toContain(ESC);
    expect((await runInProcess([...args], { stdoutIsTTY: true, env: { NO_COLOR: '1', TERM: 'xterm' } })).stdout).not.toContain(ESC);
    expect((await runInProcess([...args, '--no-color'], { stdoutIsTTY: true, env: { NO_COLOR: undefined, TERM: 'xterm' } })).stdout).not.toContain(ESC);
  });

  it.each(cases)('%s: colours a pipe only with FORCE_COLOR, and never with --no-color', async (_name, args) => {
    expect((await runInProcess([...args], { env: { NO_COLOR: undefined } })).stdout).not.toContain(ESC);
    expect((await runInProcess([...args], { env: { NO_COLOR: undefined, FORCE_COLOR: '1' } })).stdout).toContain(ESC);
    expect((await runInProcess([...args, '--no-color'], { env: { NO_COLOR: undefined, FORCE_COLOR: '1' } })).stdout).not.toContain(ESC);
  });

  it('colours no JSON', async () => {
    for (const args of [['models', '-f', 'json'], ['validate', 'examples/community@1.0/middle.yaml', '-f', 'json']]) {
      expect((await runInProcess(args, { stdoutIsTTY: true, env: { NO_COLOR: undefined, FORCE_COLOR: '1' } })).stdout).not.toContain(ESC);
    }
  });
});
