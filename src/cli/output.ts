import writeFileAtomic from 'write-file-atomic';
import { UserError } from '../errors.js';

/**
 * Whether to colour what goes to standard output: only on a terminal, never when the user
 * said --no-color or set NO_COLOR (which chalk alone ignores); FORCE_COLOR opts in anywhere.
 */
export function useColor(option: boolean, stream: NodeJS.WriteStream = process.stdout, env = process.env): boolean {
  if (!option || (env.NO_COLOR ?? '') !== '') return false;
  if (env.FORCE_COLOR !== undefined && env.FORCE_COLOR !== '0' && env.FORCE_COLOR !== 'false') return true;
  return stream.isTTY === true && env.TERM !== 'dumb';
}

/** Writes a finished output: to a file atomically (never half-written), or to standard output. */
export async function writeOutput(text: string, path: string | undefined): Promise<void> {
  if (path === undefined || path === '-') {
    await writeStdout(text);
    return;
  }
  try {
    await writeFileAtomic(path, text, { encoding: 'utf8' });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason = code === 'ENOENT' ? 'its folder does not exist' : code === 'EISDIR' ? 'it is a directory' : code === 'EACCES' || code === 'EPERM' ? 'permission denied' : (code ?? String(error));
    throw new UserError(`cannot write ${path}: ${reason}`);
  }
}

function writeStdout(text: string): Promise<void> {
  return new Promise((resolve, reject) => {
    process.stdout.write(text, (error) => {
      // A reader that went away (`| head`) is not our failure.
      if (error && (error as NodeJS.ErrnoException).code !== 'EPIPE') reject(error);
      else resolve();
    });
  });
}
