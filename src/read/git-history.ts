import { execFile } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { basename, dirname, resolve } from 'node:path';
import { UserError } from '../errors.js';
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
function git(args: string[], cwd: string): Promise<GitResult> {
  return new Promise((resolvePromise, reject) => {
    execFile('git', ['-c', 'core.quotePath=false', ...args], { cwd, encoding: 'buffer', maxBuffer: MAX_INPUT_BYTES * 2, env: { ...process.env, GIT_PAGER: 'cat', LC_ALL: 'C' } }, (error, stdout, stderr) => {
      if (error) {
        const code = (error as NodeJS.ErrnoException).code;
        if (code === 'ENOENT') reject(new UserError('--git needs the git command, and it was not found on PATH'));
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
export async function committedVersions(file: string): Promise<CommittedVersion[]> {
  // Standard input has no history, and git would read `-` and a folder as something else
  // (pathspec magic, every file inside), so both are refused before git is asked.
  if (file === '-') throw new UserError('--git reads the committed versions of an answers file; standard input (-) has none');
  const absolute = resolve(file);
  if (isFolder(absolute)) throw new UserError(`--git ${file}: this is a folder; --git takes one answers file`);
  const folder = dirname(absolute);
  if (!existsSync(folder)) throw new UserError(`--git ${file}: the folder ${dirname(file)} does not exist`);
  let prefix: string;
  try {
    prefix = (await git(['rev-parse', '--show-prefix'], folder)).stdout.toString('utf8').trim();
  } catch (error) {
    if (error instanceof GitFailure) throw new UserError(`--git ${file}: not inside a git repository`);
    throw error;
  }
  const path = `${prefix}${basename(absolute)}`;
  let log: string;
  try {
    // From the repository root (`:/`), so the paths git prints and the one we ask for agree.
    log = (await git(['log', '--follow', '--format=%x00%H %cI', '--name-status', '--', `:/${path}`], folder)).stdout.toString('utf8');
  } catch (error) {
    // A repository without any commit yet has no history to show.
    if (error instanceof GitFailure) throw new UserError(`--git ${file}: has no committed version (${error.message.split('\n')[0]})`);
    throw error;
  }
  const versions: CommittedVersion[] = [];
  for (const record of log.split('\0').slice(1)) {
    const [header = '', ...rest] = record.split('\n').filter((line) => line !== '');
    const [commit = '', when = ''] = header.split(' ');
    const status = rest.at(-1)?.split('\t') ?? [];
    if (status[0]?.startsWith('D')) continue;
    // `R100<TAB>old<TAB>new` for a rename, `M<TAB>path` otherwise: the last field is the path at this commit.
    const pathThen = status.at(-1) ?? path;
    // A version too large to read is skipped with the others that cannot be scored, not a failure.
    const bytes = await git(['show', `${commit}:${pathThen}`], folder).then(
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
        if (bytes === undefined || bytes.length > MAX_INPUT_BYTES) throw new UserError([{ file: name, line: 1, column: 1, code: 'too-large', message: 'this version is over the input size limit' }]);
        return decode(name, bytes);
      },
    });
  }
  if (versions.length === 0) throw new UserError(`--git ${file}: has no committed version in its git repository`);
  return versions;
}

function isFolder(path: string): boolean {
  return statSync(path, { throwIfNoEntry: false })?.isDirectory() === true;
}
