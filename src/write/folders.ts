import { promises as fs } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { writeError } from './write-error.js';

/**
 * Creates the folders an output file goes into, as `mkdir -p` does; a part of the path that is a
 * file, or a folder that may not be written, is the user's to fix (exit 2, saying why).
 */
export async function createParentFolders(path: string): Promise<void> {
  try {
    await fs.mkdir(dirname(resolve(path)), { recursive: true });
  } catch (error) {
    throw writeError(path, error);
  }
}
