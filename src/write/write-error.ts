import { existsSync } from 'node:fs';
import { dirname } from 'node:path';
import { UserError, type SaidMessage } from '../errors.js';
import { ENGLISH } from '../locale/english.js';

/**
 * A user error raised while writing, where the run's language is not at hand: its message is
 * English, and the key it carries is said in the run's language where the error is printed.
 */
export function writingError(said: SaidMessage): UserError {
  return new UserError(ENGLISH.t(said.key, said.values), said);
}

/** The system's code of a refused write, with ENOENT told apart by whether the folder exists. */
function reason(code: string, path?: string): string {
  if (code === 'ENOENT') return path === undefined || !existsSync(dirname(path)) ? 'ENOENT' : 'ENOENT_FOLDER';
  return code;
}

/**
 * A failure to write an output: a refusal by the file system is the user's to fix (exit 2, saying
 * why); anything else is our failure (exit 3). `path` is the file, or undefined for standard output.
 */
export function writeError(path: string | undefined, error: unknown): unknown {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (typeof code !== 'string' || !/^E[A-Z]+$/.test(code)) return error;
  if (path === undefined) return writingError({ key: 'input.write.stdout', values: { reason: reason(code) } });
  return writingError({ key: 'input.write.file', values: { path, reason: reason(code, path) } });
}
