import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { committedVersions } from '../../src/read/git-history.js';
import { historySchema } from '../../src/schema/history.js';
import { runInProcess, tempDir } from '../e2e/support.js';

// Class 7 of the hardening issue: `history --git` gave git the file's name as a pattern after `:/`
// and read git's quoted output. Names with a tab, `"` or `\` ended in exit 3, `q[12].yaml` also read
// `q1.yaml`, `star*.yaml` read `starfish.yaml`, and `-dash.yaml` and `:colon.yaml` had "no committed
// version". Each name below is committed twice, in a real repository, next to decoys its name
// would match as a pattern; history must read exactly its two versions.

const ANSWERS = readFileSync('test/fixtures/hostile/input-git-answers.yaml', 'utf8');

/** The answers committed under `name` on `date`, the organisation named after the file (a decoy read by mistake is another organisation). */
const answersAs = (name: string, date: string) => ANSWERS.replace('Literal Names Ltd', JSON.stringify(name)).replace('2026-01-15', date);

const HOSTILE = ['tab\tname.yaml', 'quote"name.yaml', 'back\\slash.yaml', 'q[12].yaml', 'star*.yaml', '-dash.yaml', ':colon.yaml', ':(literal)magic.yaml', 'ünïcödé name.yaml'];
const DECOYS = ['q1.yaml', 'q2.yaml', 'starfish.yaml', 'colon.yaml', 'dash.yaml', 'magic.yaml'];

describe('history --git with names git would quote or read as patterns', () => {
  const repo = tempDir();
  const git = (args: string[], date: string) =>
    execFileSync('git', args, { cwd: repo, env: { ...process.env, GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date, GIT_CONFIG_NOSYSTEM: '1', HOME: repo }, encoding: 'utf8' });
  git(['init', '-q', '-b', 'main'], '2026-01-01T12:00:00Z');
  git(['config', 'user.name', 'Test'], '2026-01-01T12:00:00Z');
  git(['config', 'user.email', 'test@example.org'], '2026-01-01T12:00:00Z');
  for (const name of [...HOSTILE, ...DECOYS]) writeFileSync(join(repo, name), answersAs(name, '2026-01-15'));
  git(['add', '-A'], '2026-01-15T09:00:00Z');
  git(['commit', '-q', '-m', 'first'], '2026-01-15T09:00:00Z');
  // The decoys change once more than the hostile names do: a decoy read by mistake shows as an extra version.
  for (const name of HOSTILE) writeFileSync(join(repo, name), answersAs(name, '2026-02-15'));
  for (const name of DECOYS) writeFileSync(join(repo, name), answersAs(name, '2026-02-16'));
  git(['commit', '-q', '-a', '-m', 'second'], '2026-02-15T09:00:00Z');
  for (const name of DECOYS) writeFileSync(join(repo, name), answersAs(name, '2026-03-16'));
  git(['commit', '-q', '-a', '-m', 'decoys only'], '2026-03-16T09:00:00Z');

  for (const name of HOSTILE) {
    it(`reads exactly the two versions of ${JSON.stringify(name)}`, async () => {
      const versions = await committedVersions(join(repo, name));
      expect(versions.map((version) => version.path)).toEqual([name, name]);
      expect(versions.map((version) => version.read().text)).toEqual([answersAs(name, '2026-02-15'), answersAs(name, '2026-01-15')]);
      // And through the command, from the file's folder, after -- (a name may start with -).
      const result = await runInProcess(['history', '--git', '-f', 'json', '--', join(repo, name)]);
      expect(result.code, result.stderr).toBe(0);
      const history = historySchema.parse(JSON.parse(result.stdout));
      expect(history.points.map((point) => point.date)).toEqual(['2026-01-15', '2026-02-15']);
    });
  }

  it('follows a rename to and from a hostile name', async () => {
    git(['mv', 'tab\tname.yaml', 'renamed\t"twice".yaml'], '2026-04-01T09:00:00Z');
    git(['commit', '-q', '-m', 'rename'], '2026-04-01T09:00:00Z');
    const versions = await committedVersions(join(repo, 'renamed\t"twice".yaml'));
    expect(versions.map((version) => version.path)).toEqual(['renamed\t"twice".yaml', 'tab\tname.yaml', 'tab\tname.yaml']);
  });
});
