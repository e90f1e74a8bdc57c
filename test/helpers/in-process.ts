import { Readable } from 'node:stream';
import { run } from '../../src/cli/run.js';
import type { Io } from '../../src/cli/io.js';
import type { OutputStream } from '../../src/write/stream-writer.js';
import type { CliResult } from './cli.js';

export interface InProcessOptions {
  /** Text on standard input; without it, stdin is empty (not a terminal). */
  input?: string | Buffer;
  /** Variables on top of the test's environment; undefined removes one. */
  env?: Record<string, string | undefined>;
  /** Whether standard output is a terminal. */
  stdoutIsTTY?: boolean;
  /** The terminal's width, when standard output is one. */
  columns?: number;
}

/** Text written to a stream, kept in memory. */
function capture(isTTY: boolean): OutputStream & { text(): string } {
  const chunks: Buffer[] = [];
  return {
    open: true,
    isTTY,
    async write(chunk) {
      chunks.push(typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : Buffer.from(chunk));
    },
    text: () => Buffer.concat(chunks).toString('utf8'),
  };
}

/**
 * Runs a command line in this process, as the built CLI would in its own, with the standard
 * streams in memory: for everything that is not about the process itself (its exit, signals,
 * a real terminal), this is the same run in milliseconds instead of a process start.
 */
export async function runInProcess(args: string[], options: InProcessOptions = {}): Promise<CliResult> {
  // COLUMNS and the locale are the test's to set: a terminal's own would change the width of
  // every table, and a French machine's locale the language of every message.
  const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1', FORCE_COLOR: undefined, COLUMNS: undefined, LC_ALL: undefined, LC_MESSAGES: undefined, LANG: undefined, ...options.env };
  for (const key of Object.keys(env)) if (env[key] === undefined) delete env[key];
  const stdout = capture(options.stdoutIsTTY ?? false);
  const stderr = capture(false);
  const input = options.input === undefined ? [] : [typeof options.input === 'string' ? Buffer.from(options.input) : options.input];
  const io: Io = { stdout, stderr, stdin: Readable.from(input), env, columns: options.columns };
  const code = await run(['node', 'cm-maturity', ...args], io);
  return { code, stdout: stdout.text(), stderr: stderr.text() };
}
