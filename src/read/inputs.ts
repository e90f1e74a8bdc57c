import { readdirSync, realpath, realpathSync, statSync } from 'node:fs';
import { basename, dirname, isAbsolute, resolve, sep } from 'node:path';
import type { FileSystemAdapter } from 'tinyglobby';
import { UserError } from '../errors.js';
import { ENGLISH } from '../locale/english.js';
import type { Locale } from '../locale/locale.js';

/** The files named by command-line arguments, and which of them were found rather than named. */
export interface ExpandedInputs {
  files: string[];
  /**
   * The files reached only by walking a folder or matching a pattern: one that is not what the
   * command reads (a model beside answers files, a CI workflow) is passed over there, while a
   * file named on the command line is read, and refused if it is of the wrong kind.
   */
  found: ReadonlySet<string>;
}

/**
 * The answers files named by command-line arguments: a file as it is, a folder as every
 * `*.yaml`/`*.yml` below it, a glob pattern (quoted, so the same on every shell and OS) as its
 * matches. Sorted within each argument and without repeats, so runs are reproducible: a file
 * named twice, by two spellings or through symbolic links (a linked folder, a linked file), is
 * read once, under the name met first. A folder is walked through its symbolic links, but not
 * through one that leads back to a folder it is in (a loop, which would lead out of the folder).
 */
export async function expandInputs(args: readonly string[], locale: Locale = ENGLISH): Promise<ExpandedInputs> {
  const files: string[] = [];
  const found = new Set<string>();
  /** The name each file is kept under, by its real path. */
  const seen = new Map<string, string>();
  const realPathOf = realPaths();
  const add = (file: string, byWalk: boolean) => {
    const key = file === '-' ? file : realPathOf(file);
    const kept = seen.get(key);
    if (kept === undefined) {
      seen.set(key, file);
      files.push(file);
      if (byWalk) found.add(file);
    } else if (!byWalk) {
      // Named on the command line as well: it is read as a named file.
      found.delete(kept);
    }
  };
  for (const arg of args) {
    if (arg === '-') {
      add(arg, false);
      continue;
    }
    const kind = kindOfPath(arg);
    if (kind === 'file') {
      add(arg, false);
      continue;
    }
    // The glob library is loaded only for folders and patterns: a single file does not pay for it at start-up.
    const { glob, isDynamicPattern } = await import('tinyglobby');
    if (kind === 'missing' && !isDynamicPattern(arg)) {
      // A missing plain path is kept, so that reading it reports "no such file" at that path.
      add(arg, false);
      continue;
    }
    const pattern = kind === 'folder' ? `${escapeGlob(slashes(arg).replace(/\/+$/, ''))}/**/*.{yaml,yml}` : slashes(arg);
    // Matches are shown as the user wrote the pattern: absolute for an absolute one, else relative.
    const matches = (await glob(pattern, { onlyFiles: true, dot: false, expandDirectories: false, absolute: isAbsolute(arg), fs: WITHOUT_LOOPS })).sort();
    if (matches.length === 0) {
      throw new UserError(locale.t(kind === 'folder' ? 'input.read.empty-folder' : 'input.read.no-match', { path: arg }));
    }
    for (const match of matches) add(match, true);
  }
  return { files, found };
}

/** Whether an argument is a folder or a glob pattern, which expandInputs walks or matches. */
export async function namesAFolderOrPattern(args: readonly string[]): Promise<boolean> {
  for (const arg of args) {
    if (arg === '-') continue;
    const kind = kindOfPath(arg);
    if (kind === 'folder') return true;
    if (kind === 'missing' && (await import('tinyglobby')).isDynamicPattern(arg)) return true;
  }
  return false;
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

/**
 * The real path of each file (symbolic links resolved), or its absolute path when it cannot be
 * had (a missing file, reported when read). Each folder is looked at once, not each file: its
 * real path, and which of its entries are links, the only ones resolved one by one. Folders are
 * known by their names as given, which the files of one folder share, so that a file costs a
 * look-up, not the work of making its path absolute.
 */
function realPaths(): (file: string) => string {
  const folders = new Map<string, { prefix: string; links: ReadonlySet<string> }>();
  const realPathOf = (file: string): string => {
    // A name that is not the file's own (`missing/.`) is made absolute first, which resolves it.
    if (basename(file) === '.' || basename(file) === '..') return realPathOf(resolve(file));
    const folder = dirname(file);
    let known = folders.get(folder);
    if (!known) {
      const absolute = resolve(folder);
      const real = realPathOr(absolute);
      known = { prefix: real.endsWith(sep) ? real : `${real}${sep}`, links: linkNames(absolute) };
      folders.set(folder, known);
    }
    const name = basename(file);
    return known.links.has(name) ? realPathOr(resolve(file)) : `${known.prefix}${name}`;
  };
  return realPathOf;
}

function realPathOr(path: string): string {
  try {
    return realpathSync.native(path);
  } catch {
    return path;
  }
}

/** The names of a folder's entries that are symbolic links; none when it cannot be read. */
function linkNames(folder: string): ReadonlySet<string> {
  try {
    return new Set(readdirSync(folder, { withFileTypes: true }).flatMap((entry) => (entry.isSymbolicLink() ? [entry.name] : [])));
  } catch {
    return new Set();
  }
}

/** Whether a link at `link` resolving to `target` leads to a folder it is in (or to its own folder): a loop. */
function isLoop(link: string, target: string): boolean {
  const folder = realPathOr(dirname(resolve(link)));
  return folder === target || folder.startsWith(target.endsWith(sep) ? target : `${target}${sep}`);
}

const loopError = (link: string) => Object.assign(new Error(`${link} is a symbolic link to a folder it is in`), { code: 'ELOOP' });

/**
 * The file system as the glob library sees it, with symbolic links that loop back to a folder
 * they are in failing to resolve, so that they are not followed: the walk of a folder never
 * leaves it through a loop (`up -> ../..`), which the library would follow once before noticing.
 * Links elsewhere, to a file or to another folder, are followed as before.
 */
const WITHOUT_LOOPS: FileSystemAdapter = {
  realpath: ((path: string, callback: (error: NodeJS.ErrnoException | null, resolved?: string) => void) => {
    realpath(path, (error, resolved) => {
      if (error) callback(error);
      else if (isLoop(path, resolved)) callback(loopError(path));
      else callback(null, resolved);
    });
  }) as typeof realpath,
  realpathSync: ((path: string) => {
    const resolved = realpathSync(path);
    if (isLoop(path, resolved)) throw loopError(path);
    return resolved;
  }) as unknown as typeof realpathSync,
};
