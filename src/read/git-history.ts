import { execFile } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { basename, dirname, resolve } from 'node:path';
import { UserError } from '../errors.js';
import { ENGLISH } from '../locale/english.js';
import type { Locale } from '../locale/locale.js';
import { decode, MAX_INPUT_BYTES } from './text.js';
import type { TextSource } from './text.js';

/** One committed version of a file. */
export interface CommittedVersion {
  commit: string;
  /** The commit date, YYYY-MM-DD. */
  date: string;
  /** The file's path at that commit, relative to the repository root (renames are followed). */
  path: string;
  /** Named `path@commit` in messages; refused like a file when it is too large, binary or not UTF-8. */
  read(): TextSource;
}

interface GitResult {
  stdout: Buffer;
}

/** Runs git without a shell; a missing git or a failing command becomes a plain error message. */
function git(args: string[], cwd: string, locale: Locale): Promise<GitResult> {
  return new Promise((resolvePromise, reject) => {
    execFile('git', ['-c', 'core.quotePath=false', ...args], { cwd, encoding: 'buffer', maxBuffer: MAX_INPUT_BYTES * 2, env: { ...process.env, GIT_PAGER: 'cat', LC_ALL: 'C' } }, (error, stdout, stderr) => {
      if (error) {
        const code = (error as NodeJS.ErrnoException).code;
        if (code === 'ENOENT') reject(new UserError(locale.t('input.git.not-installed')));
        else if (code === 'ERR_CHILD_PROCESS_STDIO_MAXBUFFER') reject(new GitOutputTooLarge());
        else reject(new GitFailure(String(stderr).trim() || error.message));
        return;
      }
      resolvePromise({ stdout });
    });
  });
}

class GitFailure extends Error {}

/** Output past the limit (a committed version over twice the input size limit): git is stopped. */
class GitOutputTooLarge extends Error {}

/**
 * Every committed version of `file`, newest first, following renames: `git log --follow` gives
 * the commits and the file's path at each, `git show <commit>:<path>` its content then.
 * Commits that delete the file are left out.
 */
export async function committedVersions(file: string, locale: Locale = ENGLISH): Promise<CommittedVersion[]> {
  // Standard input has no history, and git would read `-` and a folder as something else
  // (pathspec magic, every file inside), so both are refused before git is asked.
  if (file === '-') throw new UserError(locale.t('input.git.stdin'));
  const absolute = resolve(file);
  if (isFolder(absolute)) throw new UserError(locale.t('input.git.folder', { file }));
  const folder = dirname(absolute);
  if (!existsSync(folder)) throw new UserError(locale.t('input.git.no-folder', { file, folder: dirname(file) }));
  let prefix: string;
  try {
    // The folder's path from the repository root, ending in "/" (empty at the root), as it is: only the line end is cut.
    prefix = (await git(['rev-parse', '--show-prefix'], folder, locale)).stdout.toString('utf8').replace(/\r?\n$/, '');
  } catch (error) {
    if (error instanceof GitFailure) throw new UserError(locale.t('input.git.not-a-repository', { file }));
    throw error;
  }
  const path = `${prefix}${basename(absolute)}`;
  let log: string;
  try {
    // The path reaches git as it is: a literal pathspec from the repository root (not a pattern,
    // so `q[12].yaml` is not also `q1.yaml`, and a leading `-` or `:` is part of the name), after
    // `--`. With -z, git writes the paths it prints unquoted, each ended by a NUL.
    log = (await git(['log', '--follow', '-z', '--format=%x00%H %cI', '--name-status', '--', `:(top,literal)${path}`], folder, locale)).stdout.toString('utf8');
  } catch (error) {
    // A repository without any commit yet has no history to show.
    if (error instanceof GitFailure) throw new UserError(locale.t('input.git.no-commit', { file, reason: error.message.split('\n')[0] ?? '' }));
    throw error;
  }
  const versions: CommittedVersion[] = [];
  for (const { commit, when, status, paths } of logEntries(log)) {
    if (status.startsWith('D')) continue;
    // `R100 old new` for a rename, `M path` otherwise: the last path is the file's path at this commit.
    const pathThen = paths.at(-1) ?? path;
    // A version too large to read is skipped with the others that cannot be scored, not a failure.
    const bytes = await git(['show', `${commit}:${pathThen}`], folder, locale).then(
      (result) => result.stdout,
      (error: unknown) => {
        if (error instanceof GitOutputTooLarge) return undefined;
        throw error;
      },
    );
    const name = `${pathThen}@${commit.slice(0, 7)}`;
    versions.push({
      commit,
      date: when.slice(0, 10),
      path: pathThen,
      read: () => {
        if (bytes === undefined || bytes.length > MAX_INPUT_BYTES) throw new UserError([{ file: name, line: 1, column: 1, code: 'too-large', message: locale.t('input.git.version-too-large') }]);
        return decode(name, bytes, locale);
      },
    });
  }
  if (versions.length === 0) throw new UserError(locale.t('input.git.no-version', { file }));
  return versions;
}

function isFolder(path: string): boolean {
  return statSync(path, { throwIfNoEntry: false })?.isDirectory() === true;
}

/** One commit of `git log -z --format=%x00%H %cI --name-status`: its file's last change (status and paths), if any. */
interface LogEntry {
  commit: string;
  when: string;
  status: string;
  paths: string[];
}

/**
 * The commits of a `-z` log, newest first. Every field ends with a NUL and none is empty but the
 * one the format starts with, so the fields are read in order: "", "<hash> <date>", then for each
 * changed path its status ("\nM", "R100": a line end before the first) and one path, two for a
 * rename or copy. Paths are as they are, whatever characters they hold.
 */
function logEntries(log: string): LogEntry[] {
  const fields = log.split('\0');
  const entries: LogEntry[] = [];
  let index = 0;
  while (index < fields.length - 1) {
    if (fields[index] !== '') throw new Error(`unexpected git log output at field ${index}`);
    const [commit = '', when = ''] = (fields[index + 1] ?? '').split(' ');
    index += 2;
    let status = '';
    let paths: string[] = [];
    while (index < fields.length && fields[index] !== '') {
      status = fields[index]!.replace(/^\n/, '');
      const count = /^[RC]/.test(status) ? 2 : 1;
      paths = fields.slice(index + 1, index + 1 + count);
      index += 1 + count;
    }
    entries.push({ commit, when, status, paths });
  }
  return entries;
}
