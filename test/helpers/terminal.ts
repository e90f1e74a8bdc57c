import { spawn, type IPty } from 'node-pty';
import { BIN } from './cli.js';

const ENTER = '\r';
export const KEYS = { enter: ENTER, down: '\u001b[B', up: '\u001b[A', ctrlC: '\u0003' } as const;

/** How long to wait for the program to show something before the test fails with what it did show. */
const PATIENCE_MS = 20_000;

/**
 * The built CLI running in a real pseudo-terminal, as a user at a keyboard runs it: keys are
 * typed, and the test waits for what the program prints.
 */
export class Terminal {
  private readonly pty: IPty;
  private output = '';
  /** Where the next wait starts looking: only output after the last key typed counts. */
  private mark = 0;
  readonly exited: Promise<number>;

  /** `columns`: the terminal's width; `env`: variables on top of the test's own (COLUMNS and the locale are not passed on unless given here). */
  constructor(args: string[], cwd: string, options: { columns?: number; env?: Record<string, string> } = {}) {
    const env: Record<string, string> = {};
    for (const [key, value] of Object.entries(process.env)) if (value !== undefined && !['FORCE_COLOR', 'COLUMNS', 'LC_ALL', 'LC_MESSAGES', 'LANG'].includes(key)) env[key] = value;
    this.pty = spawn(process.env.CM_MATURITY_TEST_NODE || process.execPath, [BIN, ...args], {
      cols: options.columns ?? 120,
      rows: 40,
      cwd,
      env: { ...env, NO_COLOR: '1', TERM: 'xterm', ...options.env },
    });
    this.pty.onData((data) => {
      this.output += data;
    });
    this.exited = new Promise((resolve) => this.pty.onExit(({ exitCode }) => resolve(exitCode)));
  }

  /** Everything printed so far, exactly as the program wrote it, control sequences included. */
  get raw(): string {
    return this.output;
  }

  /** Everything printed so far, terminal control sequences removed. */
  get screen(): string {
    return plain(this.output);
  }

  /** Waits until the program prints `text` after the last key typed. */
  async waitFor(text: string): Promise<void> {
    const start = Date.now();
    while (!plain(this.output.slice(this.mark)).includes(text)) {
      if (Date.now() - start > PATIENCE_MS) throw new Error(`never saw ${JSON.stringify(text)}; the terminal showed:\n${plain(this.output.slice(this.mark))}`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }

  /** Types keys. */
  type(...keys: string[]): void {
    this.mark = this.output.length;
    for (const key of keys) this.pty.write(key);
  }

  kill(): void {
    this.pty.kill();
  }
}

function plain(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/\u001b\[[0-9;?]*[A-Za-z]/g, '').replace(/\r/g, '');
}
