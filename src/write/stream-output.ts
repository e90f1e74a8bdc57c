import { closeSync, openSync, promises as fs, readdirSync, rmSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { isSpecialFile } from './output.js';
import { writeError } from './write-error.js';
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

/** The temporary file a streamed output is written to, beside its target: `.<name>.<pid>.<time>.tmp`. */
function temporaryName(path: string): string {
  return join(dirname(path), `.${basename(path)}.${process.pid}.${Date.now().toString(36)}.tmp`);
}

/**
 * Removes the temporary files that runs killed outright (`kill -9`, a power cut) left beside
 * `path`: only files named as this tool names them for that target, and only when the process
 * that made them is gone.
 */
function removeAbandoned(path: string): void {
  const prefix = `.${basename(path)}.`;
  let names: string[];
  try {
    names = readdirSync(dirname(path));
  } catch {
    return;
  }
  for (const name of names) {
    if (!name.startsWith(prefix)) continue;
    const match = /^(\d+)\.[0-9a-z]+\.tmp$/.exec(name.slice(prefix.length));
    if (!match || Number(match[1]) === process.pid || processExists(Number(match[1]))) continue;
    rmSync(join(dirname(path), name), { force: true });
  }
}

function processExists(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists, and belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Signals that stop a run from outside: the temporary file is removed before the process ends as the signal says. */
const STOP_SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;

export async function openStreamOutput(path: string | undefined, stdout: OutputStream): Promise<StreamOutput> {
  if (path === undefined || path === '-') return stdoutOutput(stdout);
  const special = await isSpecialFile(path);
  if (!special) removeAbandoned(path);
  const target = special ? path : temporaryName(path);
  // Written synchronously: a write of one result to the page cache takes microseconds, while an
  // asynchronous stream, whose buffer one report line fills, makes this thread wait on the
  // thread pool for every write.
  let fd: number | undefined;
  const close = () => {
    if (fd !== undefined) closeSync(fd);
    fd = undefined;
  };
  // Listening before the temporary file exists, so that no signal can come between the two.
  const onSignal = (signal: NodeJS.Signals) => {
    try {
      close();
      if (!special) rmSync(target, { force: true });
    } catch {
      // The process ends either way.
    }
    stopListening();
    process.kill(process.pid, signal);
  };
  const stopListening = () => STOP_SIGNALS.forEach((signal) => process.off(signal, onSignal));
  if (!special) STOP_SIGNALS.forEach((signal) => process.on(signal, onSignal));
  try {
    fd = openSync(target, special ? 'w' : 'wx');
  } catch (error) {
    stopListening();
    throw writeError(path, error);
  }
  return {
    open: true,
    async write(text) {
      try {
        writeAllSync(fd!, typeof text === 'string' ? Buffer.from(text, 'utf8') : text);
      } catch (error) {
        throw writeError(path, error);
      }
    },
    async commit() {
      stopListening();
      try {
        close();
      } catch (error) {
        throw writeError(path, error);
      }
      if (!special) await fs.rename(target, path).catch((error: unknown) => Promise.reject(writeError(path, error)));
    },
    async abort() {
      stopListening();
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
