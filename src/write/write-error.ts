import { existsSync } from 'node:fs';
import { dirname } from 'node:path';
import { UserError } from '../errors.js';

/** Why the system refused a write, in words, from its error code. */
function reason(code: string, path?: string): string {
  switch (code) {
    case 'ENOENT':
      return path === undefined || !existsSync(dirname(path)) ? 'its folder does not exist' : 'it cannot be created there';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'EROFS':
      return 'the file system is read-only';
    case 'EISDIR':
      return 'it is a directory';
    case 'ENOTDIR':
      return 'a part of its path is not a folder';
    case 'ENXIO':
    case 'EOPNOTSUPP':
      return 'it is not a regular file';
    case 'ENOSPC':
      return 'no space left on the device';
    case 'EDQUOT':
      return 'disk quota exceeded';
    case 'EFBIG':
      return 'the file is too large for the file system';
    case 'ENAMETOOLONG':
      return 'the name is too long';
    case 'ELOOP':
      return 'too many symbolic links in its path';
    case 'EBADF':
      return 'it is closed';
    case 'EIO':
      return 'an input/output error';
    default:
      return `the system refused it (${code})`;
  }
}

/**
 * A failure to write an output: a refusal by the file system is the user's to fix (exit 2, saying
 * why); anything else is our failure (exit 3). `path` is the file, or undefined for standard output.
 */
export function writeError(path: string | undefined, error: unknown): unknown {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (typeof code !== 'string' || !/^E[A-Z]+$/.test(code)) return error;
  return new UserError(path === undefined ? `cannot write standard output: ${reason(code)}` : `cannot write ${path}: ${reason(code, path)}`);
}
