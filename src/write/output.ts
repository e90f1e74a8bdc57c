import { promises as fs } from 'node:fs';
import { UserError } from '../errors.js';
import type { OutputStream } from './stream-writer.js';

/**
 * Whether to colour what goes to standard output: only on a terminal, never when the user
 * said --no-color or set NO_COLOR (which chalk alone ignores); FORCE_COLOR opts in anywhere.
 */
export function useColor(option: boolean, isTTY: boolean, env: NodeJS.ProcessEnv): boolean {
  if (!option || (env.NO_COLOR ?? '') !== '') return false;
  if (env.FORCE_COLOR !== undefined && env.FORCE_COLOR !== '0' && env.FORCE_COLOR !== 'false') return true;
  return isTTY && env.TERM !== 'dumb';
}

/** The colour setting for a format's output: only tables are coloured, and only on standard output. */
export function colorFor(format: string, option: boolean, output: string | undefined, stdout: OutputStream, env: NodeJS.ProcessEnv): boolean {
  return (output === undefined || output === '-') && format === 'table' && useColor(option, stdout.isTTY, env);
}

/** Writes a finished output: to a file atomically (never half-written), or to standard output (`-` or none). */
export async function writeOutput(text: string, path: string | undefined, stdout: OutputStream): Promise<void> {
  if (path === undefined || path === '-') {
    await stdout.write(text);
    return;
  }
  await writeFile(text, path);
}

/** Writes a file atomically: it is either the whole new text or left as it was. */
export async function writeFile(text: string, path: string): Promise<void> {
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
