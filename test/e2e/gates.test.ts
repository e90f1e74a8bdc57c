import { describe, expect, it } from 'vitest';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { reportSchema } from '../../src/schema/report.js';
import { ok, runCli, runInProcess, tempDir } from './support.js';

// The gates and their messages are checked on runs in this process (runInProcess). Spawned, as
// they are about the process: the report written to --output before the run fails, and (at the
// end) that a failed gate and a gate usage error are the exit code and stderr of a real process.

// Hand-checked scores of the examples (see the worked example in the README):
// middle: overall 2.98; strategy 3.44, leadership 2.55, culture 2.88, management 3.44,
//         content 4.00, governance 1.88, tools 2.88, metrics 2.77.
const MIDDLE = 'examples/community@1.0/middle.yaml';

async function json(args: string[]) {
  const result = await runInProcess(['score', MIDDLE, '--format', 'json', ...args]);
  return { ...result, report: result.stdout ? reportSchema.parse(JSON.parse(result.stdout)) : undefined };
}

describe('--fail-under', () => {
  it.each([
    ['2.98', 0],
    ['2', 0],
    ['emergent', 0],
    ['hierarchy', 0],
    ['2.99', 1],
    ['community', 1],
    ['network', 1],
  ])('--fail-under %s exits %i', async (target, code) => {
    const result = await runInProcess(['score', MIDDLE, '--fail-under', target]);
    expect(result.code).toBe(code);
    // The report is printed whether the gate passes or not.
    expect(result.stdout).toContain('Overall stage: Emergent Community');
    if (code === 0) expect(result.stderr).toBe('');
  });

  it('says on stderr which gate failed and by how much', async () => {
    expect((await runInProcess(['score', MIDDLE, '--fail-under', 'community'])).stderr).toBe(
      'cm-maturity: gate failed (--fail-under community (3)): overall score 2.98 is below 3.00 by 0.02\n',
    );
    expect((await runInProcess(['score', MIDDLE, '--fail-under', '3.5'])).stderr).toBe('cm-maturity: gate failed (--fail-under 3.5): overall score 2.98 is below 3.50 by 0.52\n');
  });

  it('records the gate in the JSON report, a stage id resolved to its level', async () => {
    const { report, code } = await json(['--fail-under', 'community']);
    expect(code).toBe(1);
    expect(report!.gates).toEqual([{ gate: 'fail-under', subject: 'overall', target: 3, actual: 2.98, passed: false }]);
  });

  it('leaves the JSON report without gates when none is asked for', async () => {
    expect(Object.keys((await json([])).report!)).not.toContain('gates');
  });

  it('writes the report to --output before failing', () => {
    const dir = tempDir();
    const out = join(dir, 'report.md');
    const result = runCli(['score', MIDDLE, '-f', 'markdown', '-o', out, '--fail-under', 'network']);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(readFileSync(out, 'utf8')).toBe(ok(['score', MIDDLE, '-f', 'markdown']).replace('\n## Next steps', '\n## Gates\n\n- ✘ fail-under overall: 2.98 &lt; 4.00\n\n## Next steps'));
  });
});

describe('--require', () => {
  it('passes when every named competency reaches its floor', async () => {
    const { code, report, stderr } = await json(['--require', 'strategy=community', '--require', 'tools=2.88', '--require', 'governance=1']);
    expect(code).toBe(0);
    expect(stderr).toBe('');
    expect(report!.gates).toEqual([
      { gate: 'require', subject: 'strategy', target: 3, actual: 3.44, passed: true },
      { gate: 'require', subject: 'tools', target: 2.88, actual: 2.88, passed: true },
      { gate: 'require', subject: 'governance', target: 1, actual: 1.88, passed: true },
    ]);
  });

  it('fails for each competency below its floor, one stderr line each', async () => {
    const result = await runInProcess(['score', MIDDLE, '--require', 'tools=community', '--require', 'strategy=2.5', '--require', 'governance=emergent', '--fail-under', '2']);
    expect(result.code).toBe(1);
    expect(result.stderr.trimEnd().split('\n')).toEqual([
      'cm-maturity: gate failed (--require tools=community (3)): tools score 2.88 is below 3.00 by 0.12',
      'cm-maturity: gate failed (--require governance=emergent (2)): governance score 1.88 is below 2.00 by 0.12',
    ]);
  });
});

const USAGE_ERRORS: [string[], string][] = [
  [['--require', 'strategi=2'], 'cm-maturity: error: --require: unknown competency "strategi" in model community (did you mean strategy?); competencies: strategy, leadership, culture, management, content, governance, tools, metrics'],
  [['--require', 'strategy=networking'], 'cm-maturity: error: --require strategy: "networking" is neither a score (1 to 4) nor a stage id; stages: hierarchy, emergent, community, network'],
  [['--fail-under', 'top'], 'cm-maturity: error: --fail-under: "top" is neither a score (1 to 4) nor a stage id; stages: hierarchy, emergent, community, network'],
  [['--fail-under', '4.5'], 'cm-maturity: error: --fail-under: "4.5" is out of range: a score is between 1 and 4'],
  [['--fail-under', '0'], 'cm-maturity: error: --fail-under: "0" is out of range: a score is between 1 and 4'],
  [['--require', 'strategy'], 'cm-maturity: error: --require "strategy": expected <competency>=<score|stage id>, e.g. --require strategy=2.5'],
  [['--require', '=3'], 'expected <competency>=<score|stage id>'],
  [['--fail-on-regression'], 'cm-maturity: error: --fail-on-regression needs --baseline <file>'],
];

describe('gate usage errors exit 2 and write nothing', () => {
  it.each(USAGE_ERRORS)('%j', async (args, message) => {
    const result = await runInProcess(['score', MIDDLE, ...args]);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain(message);
  });

  it('bad input wins over gates: an invalid answers file exits 2', async () => {
    const dir = tempDir();
    const file = join(dir, 'bad.yaml');
    writeFileSync(file, 'organisation: X\nanswers:\n  strategy.purpos: "yes"\n');
    const result = await runInProcess(['score', file, '--fail-under', '4']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('bad.yaml:3:3: unknown indicator "strategy.purpos"');
  });
});

describe('in a spawned CLI', () => {
  it('a failed gate exits 1, with the report on stdout and the failure on stderr', () => {
    const result = runCli(['score', MIDDLE, '--fail-under', 'community']);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('Overall stage: Emergent Community');
    expect(result.stderr).toBe('cm-maturity: gate failed (--fail-under community (3)): overall score 2.98 is below 3.00 by 0.02\n');
  });

  it('a gate that passes exits 0 with nothing on stderr', () => {
    expect(runCli(['score', MIDDLE, '--fail-under', '2.98'])).toMatchObject({ code: 0, stderr: '' });
  });

  it.each(USAGE_ERRORS.slice(0, 1))('a gate usage error exits 2: %j', (args, message) => {
    const result = runCli(['score', MIDDLE, ...args]);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain(message);
  });
});
