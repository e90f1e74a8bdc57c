import { streamWriter, type OutputStream } from '../write/stream-writer.js';

/**
 * What a run reads and writes besides files: the standard streams and the environment. Commands
 * get it from the caller, so that the same run can happen in a process or inside a test.
 */
export interface Io {
  stdout: OutputStream;
  stderr: OutputStream;
  stdin: NodeJS.ReadableStream & { isTTY?: boolean };
  env: NodeJS.ProcessEnv;
}

/** The process's own streams and environment. */
export function processIo(): Io {
  return { stdout: streamWriter(process.stdout), stderr: streamWriter(process.stderr), stdin: process.stdin, env: process.env };
}
