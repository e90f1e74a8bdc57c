import { createWriteStream, promises as fs } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { once } from 'node:events';
import type { Writable } from 'node:stream';
import { isSpecialFile, writeError } from './output.js';
import { stdoutOpen, writeStdout } from './stdout.js';

/**
 * An output written piece by piece as results come (`--format jsonl`), so that nothing has to be
 * held in memory. To a file, it goes to a temporary file beside it, renamed over the target only
 * at the end: a reader never sees half an output, and a failed run leaves the old file alone.
 */
export interface StreamOutput {
  /** Writes text, waiting while the reader is slower than we are. */
  write(text: string): Promise<void>;
  /** False once standard output's reader has gone (`| head`): there is no point going on. */
  readonly open: boolean;
  /** Ends the output: the temporary file becomes the target. */
  commit(): Promise<void>;
  /** Drops the output: the temporary file is removed, the target left as it was. */
  abort(): Promise<void>;
}

export async function openStreamOutput(path: string | undefined): Promise<StreamOutput> {
  if (path === undefined || path === '-') return stdoutOutput();
  const special = await isSpecialFile(path);
  const target = special ? path : join(dirname(path), `.${basename(path)}.${process.pid}.${Date.now().toString(36)}.tmp`);
  const stream = createWriteStream(target, { flags: special ? 'w' : 'wx', encoding: 'utf8' });
  let failure: unknown;
  stream.on('error', (error) => {
    failure ??= error;
  });
  try {
    await once(stream, 'open');
  } catch (error) {
    throw writeError(path, error);
  }
  const check = () => {
    if (failure !== undefined) throw writeError(path, failure);
  };
  return {
    open: true,
    async write(text) {
      check();
      if (!stream.write(text)) await drained(stream);
      check();
    },
    async commit() {
      check();
      await new Promise<void>((resolve, reject) => stream.end((error?: Error | null) => (error ? reject(writeError(path, error)) : resolve())));
      check();
      if (!special) await fs.rename(target, path).catch((error: unknown) => Promise.reject(writeError(path, error)));
    },
    async abort() {
      stream.destroy();
      if (!special) await fs.rm(target, { force: true });
    },
  };
}

function stdoutOutput(): StreamOutput {
  return {
    get open() {
      return stdoutOpen();
    },
    write: writeStdout,
    async commit() {},
    async abort() {},
  };
}

/** Resolves when the stream wants more, or when it will never drain (it failed or closed). */
export function drained(stream: Writable): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      stream.off('drain', done);
      stream.off('error', done);
      stream.off('close', done);
      resolve();
    };
    stream.on('drain', done);
    stream.on('error', done);
    stream.on('close', done);
  });
}
