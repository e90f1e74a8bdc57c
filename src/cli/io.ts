import { streamWriter, type OutputStream } from '../write/stream-writer.js';

/**
 * What a run reads and writes besides files: the standard streams and the environment. Commands
 * get it from the caller, so that the same run can happen in a process or inside a test.
 */
export interface Io {
  readonly stdout: OutputStream;
  readonly stderr: OutputStream;
  readonly stdin: NodeJS.ReadableStream & { isTTY?: boolean };
  readonly env: NodeJS.ProcessEnv;
}

/** The process's own streams, each made when first used (a run that never reads standard input does not open it), and its environment. */
export function processIo(): Io {
  let stdout: OutputStream | undefined;
  let stderr: OutputStream | undefined;
  return {
    get stdout() {
      return (stdout ??= streamWriter(process.stdout, 'stdout'));
    },
    get stderr() {
      return (stderr ??= streamWriter(process.stderr, 'stderr'));
    },
    get stdin() {
      return process.stdin;
    },
    env: process.env,
  };
}
