import { statSync } from 'node:fs';
import { isAbsolute, resolve } from 'node:path';
import { UserError } from '../errors.js';

/**
 * The answers files named by command-line arguments: a file as it is, a folder as every
 * `*.yaml`/`*.yml` below it, a glob pattern (quoted, so the same on every shell and OS) as its
 * matches. Sorted within each argument and without repeats, so runs are reproducible.
 */
export async function expandInputs(args: readonly string[]): Promise<string[]> {
  const files: string[] = [];
  const seen = new Set<string>();
  // The same file may be named by different spellings (a relative match, an absolute path).
  const add = (file: string) => {
    const key = file === '-' ? file : resolve(file);
    if (!seen.has(key)) {
      seen.add(key);
      files.push(file);
    }
  };
  for (const arg of args) {
    if (arg === '-') {
      add(arg);
      continue;
    }
    const kind = kindOfPath(arg);
    if (kind === 'file') {
      add(arg);
      continue;
    }
    // The glob library is loaded only for folders and patterns: a single file does not pay for it at start-up.
    const { glob, isDynamicPattern } = await import('tinyglobby');
    if (kind === 'missing' && !isDynamicPattern(arg)) {
      // A missing plain path is kept, so that reading it reports "no such file" at that path.
      add(arg);
      continue;
    }
    const pattern = kind === 'folder' ? `${escapeGlob(slashes(arg).replace(/\/+$/, ''))}/**/*.{yaml,yml}` : slashes(arg);
    // Matches are shown as the user wrote the pattern: absolute for an absolute one, else relative.
    const matches = (await glob(pattern, { onlyFiles: true, dot: false, expandDirectories: false, absolute: isAbsolute(arg) })).sort();
    if (matches.length === 0) {
      throw new UserError(kind === 'folder' ? `no *.yaml or *.yml files in folder ${arg}` : `no files match ${arg}`);
    }
    matches.forEach(add);
  }
  return files;
}

/** What a path names; one that cannot be looked at is read (and its error reported) as a file would be. */
function kindOfPath(path: string): 'file' | 'folder' | 'missing' {
  try {
    const info = statSync(path, { throwIfNoEntry: false });
    return info === undefined ? 'missing' : info.isDirectory() ? 'folder' : 'file';
  } catch {
    return 'missing';
  }
}

/** Glob patterns use forward slashes; on Windows a backslash is a separator, elsewhere an escape. */
function slashes(path: string): string {
  return process.platform === 'win32' ? path.replace(/\\/g, '/') : path;
}

/** A literal folder name used inside a glob pattern. */
function escapeGlob(path: string): string {
  return path.replace(/[*?[\]{}()!+@]/g, (character) => `\\${character}`);
}
