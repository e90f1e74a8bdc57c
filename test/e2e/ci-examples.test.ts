import { describe, expect, it } from 'vitest';
import { chmodSync, copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { parse } from 'yaml';
import { XMLValidator } from 'fast-xml-parser';
import { BIN } from '../helpers/cli.js';
import { reportSchema } from '../../src/schema/report.js';
import { ROOT, tempDir } from './support.js';

interface GithubWorkflow {
  jobs: { score: { env: Record<string, string>; steps: { name?: string; run?: string; uses?: string; with?: Record<string, unknown> }[] } };
}

interface GitlabJob {
  variables: Record<string, string>;
  script: string[];
  artifacts: { paths: string[]; reports: { junit: string } };
}

const github = parse(readFileSync(join(ROOT, 'examples/ci/github-actions.yml'), 'utf8')) as GithubWorkflow;
const gitlab = (parse(readFileSync(join(ROOT, 'examples/ci/gitlab-ci.yml'), 'utf8')) as Record<string, GitlabJob>)['community-maturity']!;

/**
 * A checkout of an organisation's repository: the answers file where the examples expect it,
 * `cm-maturity` on PATH (this build), and optionally a baseline left by an earlier run.
 */
function workspace(answers: string, baseline?: string): { dir: string; env: Record<string, string> } {
  const dir = tempDir();
  mkdirSync(join(dir, 'community'), { recursive: true });
  copyFileSync(join(ROOT, answers), join(dir, 'community/maturity.yaml'));
  if (baseline) {
    mkdirSync(join(dir, 'baseline'));
    copyFileSync(baseline, join(dir, 'baseline/maturity.json'));
  }
  const bin = join(dir, '.bin');
  mkdirSync(bin);
  writeFileSync(join(bin, 'cm-maturity'), `#!/bin/sh\nexec "${process.execPath}" "${BIN}" "$@"\n`);
  chmodSync(join(bin, 'cm-maturity'), 0o755);
  const env: Record<string, string> = { PATH: `${bin}:${process.env.PATH ?? ''}`, HOME: dir, NO_COLOR: '1' };
  return { dir, env };
}

/** Runs a script the way the CI system does: GitHub with `bash -eo pipefail`, GitLab line by line, stopping at the first failure. */
function bash(script: string, dir: string, env: Record<string, string>) {
  const result = spawnSync('bash', ['--noprofile', '--norc', '-eo', 'pipefail', '-c', script], { cwd: dir, env, encoding: 'utf8', timeout: 60_000 });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** The GitHub steps that run cm-maturity, in order, as one job would run them. */
function runGithub(dir: string, env: Record<string, string>) {
  const summary = join(dir, 'summary.md');
  writeFileSync(summary, '');
  const jobEnv = { ...env, ...github.jobs.score.env, GITHUB_STEP_SUMMARY: summary };
  const steps = github.jobs.score.steps.filter((step) => step.run?.includes('cm-maturity score'));
  const results = [];
  for (const step of steps) {
    const result = bash(step.run!, dir, jobEnv);
    results.push({ name: step.name, ...result });
    if (result.code !== 0) break;
  }
  return { results, summary: readFileSync(summary, 'utf8') };
}

function runGitlab(dir: string, env: Record<string, string>) {
  return bash(gitlab.script.join('\n'), dir, { ...env, ...gitlab.variables });
}

describe('examples/ci/github-actions.yml', () => {
  it('reports and gates with the steps the workflow runs, first without a baseline', () => {
    const { dir, env } = workspace('examples/middle.yaml');
    const { results, summary } = runGithub(dir, env);
    expect(results.map((result) => [result.name, result.code])).toEqual([
      ['Report', 0],
      ['Gate', 0],
    ]);
    expect(summary).toContain('# Community Management Maturity: Larkspur Analytics');
    expect(XMLValidator.validate(readFileSync(join(dir, 'maturity-junit.xml'), 'utf8'))).toBe(true);
    const report = reportSchema.parse(JSON.parse(readFileSync(join(dir, 'maturity.json'), 'utf8')));
    expect(report.overall.score).toBe(2.98);
    // The uploaded result is what the next run fetches as its baseline.
    const upload = github.jobs.score.steps.find((step) => step.uses?.startsWith('actions/upload-artifact'))!;
    expect(upload.with!.path).toBe('maturity.json');
    const publish = github.jobs.score.steps.find((step) => step.uses?.includes('junit'))!;
    expect(publish.with!.report_paths).toBe('maturity-junit.xml');
  });

  it('the next run compares with the kept result and fails the Gate step on a regression', () => {
    const first = workspace('examples/advanced.yaml');
    runGithub(first.dir, first.env);
    const { dir, env } = workspace('examples/middle.yaml', join(first.dir, 'maturity.json'));
    const { results, summary } = runGithub(dir, env);
    expect(results.map((result) => [result.name, result.code])).toEqual([
      ['Report', 0],
      ['Gate', 1],
    ]);
    expect(results[1]!.stderr).toContain('cm-maturity: gate failed (--fail-on-regression): overall score fell from 3.80 to 2.98 (-0.82) since the baseline');
    expect(summary).toContain('Baseline 2026-11-20: overall 3.80 → 2.98 (▼ -0.82).');
    expect(reportSchema.parse(JSON.parse(readFileSync(join(dir, 'maturity.json'), 'utf8'))).overall.delta).toBe(-0.82);
  });

  it('fails the Gate step below the floor', () => {
    const { dir, env } = workspace('examples/early.yaml');
    const { results } = runGithub(dir, env);
    expect(results.at(-1)!.code).toBe(1);
    expect(results.at(-1)!.stderr).toContain('gate failed (--fail-under emergent (2)): overall score 1.79 is below 2.00 by 0.21');
  });
});

describe('examples/ci/gitlab-ci.yml', () => {
  it('writes the markdown, JUnit and JSON artifacts and passes without a baseline', () => {
    const { dir, env } = workspace('examples/middle.yaml');
    const result = runGitlab(dir, env);
    expect(result.code).toBe(0);
    for (const path of [...gitlab.artifacts.paths, gitlab.artifacts.reports.junit]) expect(existsSync(join(dir, path))).toBe(true);
    expect(readFileSync(join(dir, 'maturity.md'), 'utf8')).toContain('| Competency | Stage | Score | Next stage |');
    expect(XMLValidator.validate(readFileSync(join(dir, gitlab.artifacts.reports.junit), 'utf8'))).toBe(true);
  });

  it('fails on a regression against the baseline, after writing every artifact', () => {
    const first = workspace('examples/advanced.yaml');
    expect(runGitlab(first.dir, first.env).code).toBe(0);
    const { dir, env } = workspace('examples/middle.yaml', join(first.dir, 'maturity.json'));
    const result = runGitlab(dir, env);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('gate failed (--fail-on-regression)');
    expect(readFileSync(join(dir, 'maturity.md'), 'utf8')).toContain('| Competency | Stage | Score | Change | Next stage |');
  });
});
