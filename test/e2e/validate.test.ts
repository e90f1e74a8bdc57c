import { describe, expect, it } from 'vitest';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { answerOf, EXAMPLES, INDICATOR_COUNT, MODEL, type RawAnswers, readYaml, ROOT, runCli, runInProcess, tempDir } from './support.js';

// Runs are in this process (runInProcess), but for reading the real standard input, checked on a
// spawned CLI.

describe('validate', () => {
  const dir = tempDir();

  it('accepts the model and every example, one ok line each, naming the kind of file', async () => {
    const files = ['models/community@1.0.yaml', ...EXAMPLES];
    const result = await runInProcess(['validate', ...files]);
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('');
    const lines = result.stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(files.length);
    expect(lines[0]).toBe(`ok models/community@1.0.yaml: model community ${MODEL.version} (4 stages, 8 competencies, 72 indicators)`);
    EXAMPLES.forEach((file, index) => {
      const answers = readYaml<RawAnswers>(file);
      const answered = MODEL.competencies.flatMap((c) => c.indicators).filter((indicator) => answerOf(answers, indicator.id) !== null).length;
      expect(lines[index + 1]).toBe(`ok ${file}: answers of ${answers.organisation} for model community ${MODEL.version} (${answered}/${INDICATOR_COUNT} answered)`);
    });
  });

  it('reads standard input with -', () => {
    const result = runCli(['validate', '-'], { input: readFileSync(join(ROOT, 'examples/community@1.0/partial.yaml'), 'utf8') });
    expect(result.code).toBe(0);
    expect(result.stdout).toBe('ok <stdin>: answers of Brightwater City Council for model community 1.0 (29/72 answered)\n');
  });

  it('with one good and one bad file: exit 2, ok for the good one on stdout, a located error for the bad one on stderr', async () => {
    const bad = join(dir, 'bad.yaml');
    writeFileSync(bad, ['organisation: Typo Ltd', 'model: community', 'answers:', '  strategy.purpose: "yes"', '  strategy.sponsr: "yes"', ''].join('\n'));
    const result = await runInProcess(['validate', 'examples/community@1.0/middle.yaml', bad]);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('ok examples/community@1.0/middle.yaml: answers of Larkspur Analytics for model community 1.0 (72/72 answered)\n');
    expect(result.stderr).toMatch(new RegExp(`^${bad.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:5:3: unknown indicator "strategy\\.sponsr"`, 'm'));
    expect(result.stderr).toContain('strategy.sponsor');
    expect(result.stderr).not.toContain('ok ');
    expect(result.stderr).not.toMatch(/^\s+at /m);
  });

  it('checks every file even after a bad one', async () => {
    const bad = join(dir, 'bad-model.yaml');
    writeFileSync(bad, 'id: broken\nname: Broken\nversion: "1"\nscale: []\nstages: []\ncompetencies: []\n');
    const result = await runInProcess(['validate', bad, 'models/community@1.0.yaml', 'examples/community@1.0/early.yaml']);
    expect(result.code).toBe(2);
    expect(result.stdout.trimEnd().split('\n')).toEqual([
      expect.stringMatching(/^ok models\/community@1\.0\.yaml: model community /),
      expect.stringMatching(/^ok examples\/community@1\.0\/early\.yaml: answers of /),
    ]);
    expect(result.stderr.startsWith(`${bad}:`)).toBe(true);
  });
});
