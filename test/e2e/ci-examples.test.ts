import { describe, expect, it } from 'vitest';
import { chmodSync, copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { parse } from 'yaml';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { BIN } from '../helpers/cli.js';
import { reportSchema } from '../../src/schema/report.js';
import { ROOT, tempDir } from './support.js';

interface GithubStep {
  name?: string;
  if?: string;
  run?: string;
  uses?: string;
  with?: Record<string, unknown>;
}

interface GithubWorkflow {
  jobs: { score: { env: Record<string, string>; steps: GithubStep[] } };
}

interface GitlabJob {
  variables: Record<string, string>;
  before_script: string[];
  script: string[];
  artifacts: { when: string; paths: string[]; reports: { junit: string } };
}

const github = parse(readFileSync(join(ROOT, 'docs/ci/github-actions.yml'), 'utf8')) as GithubWorkflow;
const gitlab = (parse(readFileSync(join(ROOT, 'docs/ci/gitlab-ci.yml'), 'utf8')) as Record<string, GitlabJob>)['community-maturity']!;

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

/**
 * The GitHub steps that run cm-maturity or write the job summary, in order, as one job runs them:
 * after a failed step, only the steps that run whatever happened before (`!cancelled()`).
 */
function runGithub(dir: string, env: Record<string, string>) {
  const summary = join(dir, 'summary.md');
  writeFileSync(summary, '');
  const jobEnv = { ...env, ...github.jobs.score.env, GITHUB_STEP_SUMMARY: summary };
  const steps = github.jobs.score.steps.filter((step) => step.run?.includes('cm-maturity score') || step.run?.includes('GITHUB_STEP_SUMMARY'));
  const results = [];
  let failed = false;
  for (const step of steps) {
    if (failed && !step.if?.includes('!cancelled()')) continue;
    const result = bash(step.run!, dir, jobEnv);
    results.push({ name: step.name, ...result });
    if (result.code !== 0) failed = true;
  }
  return { results, summary: readFileSync(summary, 'utf8') };
}

interface JunitCase {
  '@_name': string;
  failure?: { '@_message': string };
}

/** The test cases of a JUnit file, each with its failure, if any. */
function junitCases(path: string): JunitCase[] {
  const text = readFileSync(path, 'utf8');
  expect(XMLValidator.validate(text)).toBe(true);
  const xml = new XMLParser({ ignoreAttributes: false, isArray: (name) => name === 'testcase' }).parse(text) as { testsuites: { testsuite: { testcase: JunitCase[] } } };
  return xml.testsuites.testsuite.testcase;
}

/** The failure messages of a JUnit file, by test case name. */
function junitFailures(path: string): Record<string, string> {
  return Object.fromEntries(junitCases(path).flatMap((testCase) => (testCase.failure ? [[testCase['@_name'], testCase.failure['@_message']]] : [])));
}

function runGitlab(dir: string, env: Record<string, string>) {
  return bash(gitlab.script.join('\n'), dir, { ...env, ...gitlab.variables });
}

describe('docs/ci/github-actions.yml', () => {
  it('scores once, writing every report, and passes without a baseline', () => {
    const { dir, env } = workspace('examples/community@1.0/middle.yaml');
    const { results, summary } = runGithub(dir, env);
    expect(results.map((result) => [result.name, result.code])).toEqual([
      ['Score and gate', 0],
      ['Job summary', 0],
    ]);
    expect(summary).toContain('# Community Management Maturity: Larkspur Analytics');
    expect(summary).toBe(readFileSync(join(dir, 'maturity.md'), 'utf8'));
    expect(junitCases(join(dir, 'maturity-junit.xml'))).toHaveLength(9);
    expect(junitFailures(join(dir, 'maturity-junit.xml'))).toEqual({});
    const report = reportSchema.parse(JSON.parse(readFileSync(join(dir, 'maturity.json'), 'utf8')));
    expect(report.overall.score).toBe(2.98);
    expect(report.gates!.map((gate) => [gate.gate, gate.subject, gate.passed])).toEqual([
      ['fail-under', 'overall', true],
      ['require', 'strategy', true],
    ]);
    // The uploaded result is what the next run fetches as its baseline.
    const upload = github.jobs.score.steps.find((step) => step.uses?.startsWith('actions/upload-artifact'))!;
    expect(upload.with!.path).toBe('maturity.json');
    const publish = github.jobs.score.steps.find((step) => step.uses?.includes('junit'))!;
    expect(publish.with!.report_paths).toBe('maturity-junit.xml');
    expect(publish.if).toContain('!cancelled()');
  });

  it('the next run compares with the kept result: a regression fails the step and the test report', () => {
    const first = workspace('examples/community@1.0/advanced.yaml');
    runGithub(first.dir, first.env);
    const { dir, env } = workspace('examples/community@1.0/middle.yaml', join(first.dir, 'maturity.json'));
    const { results, summary } = runGithub(dir, env);
    expect(results.map((result) => [result.name, result.code])).toEqual([
      ['Score and gate', 1],
      ['Job summary', 0],
    ]);
    expect(results[0]!.stderr).toContain(
      'cm-maturity: gate failed (--fail-on-regression): overall score fell from 3.80 to 2.98 (-0.82) since the baseline, more than the tolerance of 0.05',
    );
    expect(summary).toContain('Baseline 2026-11-20: overall 3.80 → 2.98 (▼ -0.82).');
    expect(reportSchema.parse(JSON.parse(readFileSync(join(dir, 'maturity.json'), 'utf8'))).overall.delta).toBe(-0.82);
    // advanced.yaml's content is 3.88 and middle.yaml's 4.00: the one competency that did not fall.
    const failures = junitFailures(join(dir, 'maturity-junit.xml'));
    expect(Object.keys(failures)).toHaveLength(8);
    expect(failures['Overall (mean)']).toContain('no-regression: overall score fell from 3.80 to 2.98');
  });

  it('fails below the floor, in the step and in the test report', () => {
    const { dir, env } = workspace('examples/community@1.0/early.yaml');
    const { results } = runGithub(dir, env);
    expect(results[0]!.code).toBe(1);
    expect(results[0]!.stderr).toContain('gate failed (--fail-under emergent (2)): overall score 1.79 is below 2.00 by 0.21');
    expect(junitFailures(join(dir, 'maturity-junit.xml'))['Overall (mean)']).toBe('fail-under: overall score 1.79 is below 2.00 by 0.21');
  });

  it('installs the packed tarball, as the README says', () => {
    const install = github.jobs.score.steps.find((step) => step.name === 'Install cm-maturity')!;
    expect(install.run).toBe('npm install --global "./$CM_MATURITY_PACKAGE"');
    expect(github.jobs.score.env.CM_MATURITY_PACKAGE).toMatch(/\/cm-maturity-\d+\.\d+\.\d+\.tgz$/);
  });
});

/**
 * A checkout that keeps a plan beside its answers: the plan of test/fixtures/plan made from the
 * assessment of 2026-09-15, and as the current answers either that assessment or the one of
 * 2027-07-15, which is behind the plan (governance 1.99 for Emergent, overall 2.49 for 2.50 by
 * 2027-06-30) with two actions overdue.
 */
function plannedWorkspace(current: 'answers.yaml' | 'later.yaml'): { dir: string; env: Record<string, string> } {
  const { dir, env } = workspace(`test/fixtures/plan/${current}`);
  for (const name of ['track.model.yaml', 'answers.yaml', 'plan.yaml']) copyFileSync(join(ROOT, 'test/fixtures/plan', name), join(dir, 'community', name));
  return { dir, env };
}

describe('the CI examples gate on the plan', () => {
  it('github: passes while nothing of the plan is due, and tracks it in the reports', () => {
    const { dir, env } = plannedWorkspace('answers.yaml');
    const { results, summary } = runGithub(dir, env);
    expect(results.map((result) => result.code)).toEqual([0, 0]);
    expect(summary).toContain('## Plan');
    expect(reportSchema.parse(JSON.parse(readFileSync(join(dir, 'maturity.json'), 'utf8'))).plan?.goal).toBe('h2-2027');
  });

  it('github: fails behind the plan and on overdue actions, in the step and in the test report', () => {
    const { dir, env } = plannedWorkspace('later.yaml');
    const { results } = runGithub(dir, env);
    expect(results.map((result) => result.code)).toEqual([1, 0]);
    expect(results[0]!.stderr).toContain('gate failed (--fail-behind-plan): governance is Ad hoc (1.99), the plan wanted Emergent by 2027-06-30 (phase h1-2027)');
    expect(results[0]!.stderr).toContain('gate failed (--fail-on-stale-actions): the action on strategy.review was due 2027-05-31 and is todo (phase h1-2027)');
    const failures = junitFailures(join(dir, 'maturity-junit.xml'));
    expect(Object.keys(failures).sort()).toEqual(['Governance', 'Overall (mean)', 'Strategy']);
    expect(failures.Governance).toContain('behind-plan: governance is Ad hoc (1.99), the plan wanted Emergent by 2027-06-30');
  });

  it('gitlab: fails behind the plan after writing every artifact', () => {
    const { dir, env } = plannedWorkspace('later.yaml');
    const result = runGitlab(dir, env);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('gate failed (--fail-behind-plan)');
    for (const path of [...gitlab.artifacts.paths, gitlab.artifacts.reports.junit]) expect(existsSync(join(dir, path))).toBe(true);
    const passing = plannedWorkspace('answers.yaml');
    expect(runGitlab(passing.dir, passing.env).code).toBe(0);
  });
});

describe('docs/ci/gitlab-ci.yml', () => {
  it('writes the markdown, JUnit and JSON artifacts in one run and passes without a baseline', () => {
    const { dir, env } = workspace('examples/community@1.0/middle.yaml');
    const result = runGitlab(dir, env);
    expect(result.code).toBe(0);
    expect(gitlab.script.filter((line) => line.includes('cm-maturity score'))).toHaveLength(1);
    for (const path of [...gitlab.artifacts.paths, gitlab.artifacts.reports.junit]) expect(existsSync(join(dir, path))).toBe(true);
    expect(readFileSync(join(dir, 'maturity.md'), 'utf8')).toContain('| Competency | Stage | Score | Next stage |');
    expect(junitFailures(join(dir, gitlab.artifacts.reports.junit))).toEqual({});
    expect(gitlab.before_script[0]).toBe('npm install --global "./$CM_MATURITY_PACKAGE"');
  });

  it('fails on a regression against the baseline, after writing every artifact, the JUnit report failing too', () => {
    const first = workspace('examples/community@1.0/advanced.yaml');
    expect(runGitlab(first.dir, first.env).code).toBe(0);
    const { dir, env } = workspace('examples/community@1.0/middle.yaml', join(first.dir, 'maturity.json'));
    const result = runGitlab(dir, env);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('gate failed (--fail-on-regression)');
    expect(readFileSync(join(dir, 'maturity.md'), 'utf8')).toContain('| Competency | Stage | Score | Change | Next stage |');
    expect(gitlab.artifacts.when).toBe('always');
    expect(junitFailures(join(dir, gitlab.artifacts.reports.junit))['Overall (mean)']).toContain('no-regression: overall score fell from 3.80 to 2.98');
  });
});
