import { describe, expect, it } from 'vitest';
import { readdirSync } from 'node:fs';
import { runInProcess } from './support.js';

// Every run here is in this process (runInProcess): model lint is the work of the code. That a
// bad input is exit 2 of a real process is checked on spawned runs in errors.test.ts.

const WEAK = 'test/fixtures/weak-models/weak.yaml';
const UNORDERED = 'test/fixtures/weak-models/unordered-scale.yaml';

// Positions counted by hand in the fixtures.
const WEAK_WARNINGS = [
  `${WEAK}:7:47: warning: scale levels "partly" and "somewhat" have the same value 0.5`,
  `${WEAK}:23:5: warning: competency people describes no stage grown`,
  `${WEAK}:25:15: warning: indicator people.owner has no advice`,
  `${WEAK}:28:50: warning: indicator people.hiring has the same text as goals.written; assessors cannot tell them apart (first defined at line 17)`,
  `${WEAK}:29:9: warning: competency tools has no stage descriptors`,
  `${WEAK}:31:5: warning: competency tools has 1 indicator, fewer than half the median of 4 per competency`,
];

describe('validate: model lint', () => {
  it('prints located warnings on stderr, still accepts the model (exit 0) and counts them on its ok line', async () => {
    const result = await runInProcess(['validate', WEAK, UNORDERED]);
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(
      `ok ${WEAK}: model weak 1 (2 stages, 3 competencies, 9 indicators), 6 warnings\n` +
        `ok ${UNORDERED}: model unordered 1 (2 stages, 1 competencies, 1 indicators), 1 warning\n`,
    );
    const lines = result.stderr.trimEnd().split('\n');
    expect(lines).toHaveLength(7);
    expect(lines[0]).toMatch(new RegExp(`^${UNORDERED}:7:43: warning: scale level "partly" \\(0\\.5\\) breaks the order`));
    WEAK_WARNINGS.forEach((start, index) => expect(lines[index + 1]!.startsWith(start), lines[index + 1]).toBe(true));
  });

  it('--strict makes warnings errors: exit 2, no ok line for the weak model, the same positions', async () => {
    const result = await runInProcess(['validate', '--strict', WEAK, 'models/community@1.0.yaml']);
    expect(result.code).toBe(2);
    expect(result.stdout).toMatch(/^ok models\/community@1\.0\.yaml: model community /);
    expect(result.stdout).not.toContain(WEAK);
    const [closing, ...lines] = result.stderr.trimEnd().split('\n').reverse();
    lines.reverse();
    expect(closing).toBe(`cm-maturity: error: 1 of 2 files is invalid: ${WEAK}`);
    expect(lines).toHaveLength(WEAK_WARNINGS.length);
    WEAK_WARNINGS.forEach((start, index) => {
      expect(lines[index]!.startsWith(start.replace(': warning: ', ': ')), lines[index]).toBe(true);
      expect(lines[index]).toMatch(/\(--strict\)$/);
    });
  });

  it('the built-in model passes validate --strict', async () => {
    const result = await runInProcess(['validate', '--strict', 'models/community@1.0.yaml']);
    expect(result).toEqual({ code: 0, stdout: expect.stringMatching(/^ok models\/community@1\.0\.yaml: model community 1\.0 \(4 stages, 8 competencies, 72 indicators\)\n$/), stderr: '' });
  });

  it('every built-in model passes validate --strict', async () => {
    const files = readdirSync('models').filter((name) => name.endsWith('.yaml') && !/\.[a-z]{2}\.yaml$/.test(name)).map((name) => `models/${name}`);
    const result = await runInProcess(['validate', '--strict', ...files]);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
  });
});

// The fields of model format 2.0: one fixture per kind of warning, each otherwise clean. Positions
// counted by hand in the fixtures.
const FIXTURE_WARNINGS: Record<string, string[]> = {
  'no-criteria': ['21:13: warning: indicator goals.shared has no criteria; list the conditions that must all hold for the top answer'],
  'no-evidence-prompt': ['15:13: warning: indicator goals.written has no evidence prompt (evidence:); say what an assessor looks at to answer it'],
  'no-scale-description': ['6:11: warning: scale level "partly" has no description; say what choosing it means, so that two assessors of one organisation answer alike'],
  'criteria-count': [
    '18:9: warning: indicator goals.written has 1 criterion; give 2 to 4: a single one only restates the text',
    '24:9: warning: indicator goals.shared has 5 criteria; give 2 to 4: an assessor does not check more than that one by one',
  ],
  'unused-context': ["9:11: warning: context customer is named by no indicator's contexts:, so choosing it changes nothing; give it the indicators that only it has, or remove it"],
  'key-at-lowest-stage': [
    '16:100: warning: key indicator goals.written is at grown, the lowest stage of competency goals: until it is met, goals stays at start whatever else is answered; keep key: for the must-haves of a higher stage',
  ],
  'insecure-source': ['16:41: warning: source "http://example.org/old-goals" of competency goals is not an https: URL; link to its https: address'],
};

describe('validate: lint of the model 2.0 fields', () => {
  for (const [name, warnings] of Object.entries(FIXTURE_WARNINGS)) {
    const file = `test/fixtures/weak-models/${name}.yaml`;
    it(`${name}: ${warnings.length === 1 ? 'one warning' : `${warnings.length} warnings`}, located; --strict fails the model`, async () => {
      const result = await runInProcess(['validate', file]);
      expect(result.code).toBe(0);
      expect(result.stdout).toMatch(new RegExp(`^ok ${file.replace(/[.]/g, '\\.')}: model ${name} 2 .*, ${warnings.length} warnings?\n$`));
      expect(result.stderr).toBe(warnings.map((warning) => `${file}:${warning}\n`).join(''));

      const strict = await runInProcess(['validate', '--strict', file]);
      expect(strict.code).toBe(2);
      expect(strict.stdout).toBe('');
      expect(strict.stderr).toContain(`${file}:${warnings[0]!.replace(': warning: ', ': ')}`);
    });
  }
});
