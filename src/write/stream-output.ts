import { closeSync, openSync, promises as fs, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { isSpecialFile, writeError } from './output.js';
import type { OutputStream } from './stream-writer.js';

/**
 * An output written piece by piece as results come (`--format jsonl`), so that nothing has to be
 * held in memory. To a file, it goes to a temporary file beside it, renamed over the target only
 * at the end: a reader never sees half an output, and a failed run leaves the old file alone.
 */
export interface StreamOutput {
  /** Writes text (or UTF-8 bytes), waiting while the reader is slower than we are. */
  write(text: string | Uint8Array): Promise<void>;
  /** False once standard output's reader has gone (`| head`): there is no point going on. */
  readonly open: boolean;
  /** Ends the output: the temporary file becomes the target. */
  commit(): Promise<void>;
  /** Drops the output: the temporary file is removed, the target left as it was. */
  abort(): Promise<void>;
}

export async function openStreamOutput(path: string | undefined, stdout: OutputStream): Promise<StreamOutput> {
  if (path === undefined || path === '-') return stdoutOutput(stdout);
  const special = await isSpecialFile(path);
  const target = special ? path : join(dirname(path), `.${basename(path)}.${process.pid}.${Date.now().toString(36)}.tmp`);
  // Written synchronously: a write of one result to the page cache takes microseconds, while an
  // asynchronous stream, whose buffer one report line fills, had this thread wait for each write
  // to come back from the thread pool (a third of a run over 10,000 files spent idle).
  let fd: number;
  try {
    fd = openSync(target, special ? 'w' : 'wx');
  } catch (error) {
    throw writeError(path, error);
  }
  let closed = false;
  const close = () => {
    if (!closed) closeSync(fd);
    closed = true;
  };
  return {
    open: true,
    async write(text) {
      try {
        writeAllSync(fd, typeof text === 'string' ? Buffer.from(text, 'utf8') : text);
      } catch (error) {
        throw writeError(path, error);
      }
    },
    async commit() {
      try {
        close();
      } catch (error) {
        throw writeError(path, error);
      }
      if (!special) await fs.rename(target, path).catch((error: unknown) => Promise.reject(writeError(path, error)));
    },
    async abort() {
      try {
        close();
      } catch {
        // Dropped either way.
      }
      if (!special) await fs.rm(target, { force: true });
    },
  };
}

/** Writes every byte, however many calls the system takes. */
function writeAllSync(fd: number, bytes: Uint8Array): void {
  for (let written = 0; written < bytes.length; ) written += writeSync(fd, bytes, written);
}

function stdoutOutput(stdout: OutputStream): StreamOutput {
  return {
    get open() {
      return stdout.open;
    },
    write: (text) => stdout.write(text),
    async commit() {},
    async abort() {},
  };
}
