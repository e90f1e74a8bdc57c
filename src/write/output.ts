// fs.promises and write-file-atomic are reached only when something is written to a file: each
// costs milliseconds of start-up that a report to standard output does not need.
import { promises as fs } from 'node:fs';
import { UserError } from '../errors.js';
import { writeStdout } from './stdout.js';

/**
 * Whether to colour what goes to standard output: only on a terminal, never when the user
 * said --no-color or set NO_COLOR (which chalk alone ignores); FORCE_COLOR opts in anywhere.
 */
export function useColor(option: boolean, stream: NodeJS.WriteStream = process.stdout, env = process.env): boolean {
  if (!option || (env.NO_COLOR ?? '') !== '') return false;
  if (env.FORCE_COLOR !== undefined && env.FORCE_COLOR !== '0' && env.FORCE_COLOR !== 'false') return true;
  return stream.isTTY === true && env.TERM !== 'dumb';
}

/**
 * The colour setting for a format's output: only tables are coloured, and other formats do not
 * ask whether standard output is a terminal, which creates process.stdout (see stdout.ts).
 */
export function colorFor(format: string, option: boolean, toTerminal: boolean): boolean {
  return toTerminal && format === 'table' && useColor(option);
}

/** Writes a finished output: to a file atomically (never half-written), or to standard output. */
export async function writeOutput(text: string, path: string | undefined): Promise<void> {
  if (path === undefined || path === '-') {
    await writeStdout(text);
    return;
  }
  try {
    if (await isSpecialFile(path)) await fs.writeFile(path, text, { encoding: 'utf8' });
    else await (await import('write-file-atomic')).default(path, text, { encoding: 'utf8' });
  } catch (error) {
    throw writeError(path, error);
  }
}

/** Whether a path is a device or a pipe, which is written in place rather than replaced. */
export async function isSpecialFile(path: string): Promise<boolean> {
  // Atomic replacement renames a new file over the old one, which for /dev/null, /dev/stdout
  // or a named pipe would replace the device itself.
  return fs.stat(path).then((info) => !info.isFile() && !info.isDirectory(), () => false);
}

/** A failure to write an output file: a file-system refusal is the user's to fix; anything else is our failure (exit 3). */
export function writeError(path: string, error: unknown): unknown {
  const code = (error as NodeJS.ErrnoException).code;
  if (typeof code !== 'string') return error;
  const reason = code === 'ENOENT' ? 'its folder does not exist' : code === 'EISDIR' ? 'it is a directory' : code === 'EACCES' || code === 'EPERM' ? 'permission denied' : code;
  return new UserError(`cannot write ${path}: ${reason}`);
}
