import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { delimiter, dirname, join } from 'node:path';
import { reportSchema } from '../../src/schema/report.js';
import { ROOT, tempDir } from './support.js';

// The package as the README's Install section has users make and install it: `npm pack`, then
// the tarball installed into a project of its own, where `npx cm-maturity` runs it. Dependencies
// come from npm's cache where it has them, else from the registry.

/** The environment of a user's shell: none of the npm_* variables of an `npm test` run above this one. */
function userEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1', npm_config_update_notifier: 'false' };
  for (const key of Object.keys(env)) if (/^npm_(?!config_update_notifier$)/i.test(key)) delete env[key];
  return env;
}

function npm(args: string[], cwd: string) {
  const result = spawnSync('npm', args, { cwd, env: userEnv(), encoding: 'utf8', timeout: 240_000 });
  if (result.error) throw result.error;
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('npm pack, then install the tarball', () => {
  it('ships what the CLI needs, and the installed command scores a bundled example', { timeout: 300_000 }, () => {
    const dir = tempDir();
    // dist/ was built for this test run: packing builds it again only when asked to run scripts.
    const packed = npm(['pack', '--ignore-scripts', '--json', '--pack-destination', dir], ROOT);
    expect(packed.code, packed.stderr).toBe(0);
    const [{ filename, files }] = JSON.parse(packed.stdout) as [{ filename: string; files: { path: string }[] }];
    const paths = files.map((file) => file.path);
    for (const needed of ['package.json', 'bin/cm-maturity.cjs', 'dist/cli.cjs', 'dist/score-worker.cjs', 'dist/list-worker.cjs', 'dist/index.js', 'dist/models/community@1.0.compiled', 'models/community@1.0.yaml', 'schema/answers.community.schema.json', 'examples/community@1.0/middle.yaml']) {
      expect(paths).toContain(needed);
    }
    expect(paths.filter((path) => /^(src|test|bench|scripts|docs)\//.test(path))).toEqual([]);
    expect(readdirSync(dir)).toEqual([filename]);

    const project = join(dir, 'project');
    mkdirSync(project);
    writeFileSync(join(project, 'package.json'), '{ "name": "assessment", "private": true }\n');
    const installed = npm(['install', '--prefer-offline', '--no-audit', '--no-fund', '--loglevel=error', join(dir, filename)], project);
    expect(installed.code, installed.stderr).toBe(0);

    // The installed command runs on the `node` found on PATH: the Node the CLI is tested on, if set.
    const testNode = process.env.CM_MATURITY_TEST_NODE;
    const env = { ...userEnv(), ...(testNode ? { PATH: `${dirname(testNode)}${delimiter}${process.env.PATH ?? ''}` } : {}) };
    const scored = spawnSync('npx', ['--no', 'cm-maturity', 'score', 'node_modules/cm-maturity/examples/community@1.0/middle.yaml', '-f', 'json'], { cwd: project, env, encoding: 'utf8', timeout: 60_000 });
    expect(scored.status, scored.stderr).toBe(0);
    const report = reportSchema.parse(JSON.parse(scored.stdout));
    expect([report.organisation, report.overall.score]).toEqual(['Larkspur Analytics', 2.98]);
  });
});
