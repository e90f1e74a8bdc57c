import { describe, expect, it } from 'vitest';
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
});
