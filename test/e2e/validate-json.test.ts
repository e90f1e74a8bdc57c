import { describe, expect, it } from 'vitest';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { validationSchema, type Validation } from '../../src/schema/validation.js';
import { ROOT, runInProcess, tempDir } from './support.js';

// Every run here is in this process (runInProcess): what validate finds and how it words it is
// the work of the code.

const WEAK = 'test/fixtures/weak-models/weak.yaml';
const DUPLICATE_KEY = 'test/fixtures/bad/duplicate-key.yaml';

async function validateJson(args: string[], input?: string): Promise<{ code: number | null; stderr: string; validation: Validation }> {
  const result = await runInProcess(['validate', ...args, '--format', 'json'], { input });
  return { code: result.code, stderr: result.stderr, validation: validationSchema.parse(JSON.parse(result.stdout)) };
}

describe('validate --format json', () => {
  const dir = tempDir();

  it('lists every file with its kind, valid, and no errors; nothing on standard error; exit 0', async () => {
    const { code, stderr, validation } = await validateJson(['models/community@1.0.yaml', 'examples/community@1.0/middle.yaml']);
    expect(code).toBe(0);
    expect(stderr).toBe('');
    expect(validation).toEqual({
      valid: true,
      files: [
        { path: 'models/community@1.0.yaml', kind: 'model', valid: true, errors: [], warnings: [] },
        { path: 'examples/community@1.0/middle.yaml', kind: 'answers', valid: true, errors: [], warnings: [] },
      ],
    });
  });

  it('puts an invalid file’s errors, located, in the JSON and exits 2 with standard error empty', async () => {
    const { code, stderr, validation } = await validateJson(['examples/community@1.0/middle.yaml', DUPLICATE_KEY]);
    expect(code).toBe(2);
    expect(stderr).toBe('');
    expect(validation.valid).toBe(false);
    expect(validation.files[1]).toEqual({
      path: DUPLICATE_KEY,
      // A file that does not parse is of no kind yet.
      kind: 'unknown',
      valid: false,
      errors: [{ file: DUPLICATE_KEY, line: 5, column: 3, code: 'duplicate-key', message: 'duplicate key "strategy.purpose": each key may appear only once in a mapping' }],
      warnings: [],
    });
  });

  it('names the kind of an invalid file it could read, and errors in the model an answers file names', async () => {
    const model = join(dir, 'broken-model.yaml');
    writeFileSync(model, readFileSync(join(ROOT, 'models/community@1.0.yaml'), 'utf8').replace(/^version: .*$/m, 'version: 2'));
    const answers = join(dir, 'answers.yaml');
    writeFileSync(answers, 'organisation: Acme\nmodel: ./broken-model.yaml\nanswers:\n  strategy.purpose: maybe\n');
    const { code, validation } = await validateJson([answers, model]);
    expect(code).toBe(2);
    const versionLine = readFileSync(model, 'utf8').split('\n').indexOf('version: 2') + 1;
    const versionError = { file: model, line: versionLine, column: 10, code: 'wrong-type', message: 'version must be text, not 2 (write it in quotes: "2")' };
    expect(validation.files).toEqual([
      { path: answers, kind: 'answers', valid: false, errors: [versionError], warnings: [] },
      { path: model, kind: 'model', valid: false, errors: [versionError], warnings: [] },
    ]);
  });

  it('lists a weak model’s warnings with the file valid; --strict makes them its errors', async () => {
    const lenient = await validateJson([WEAK]);
    expect(lenient.code).toBe(0);
    expect(lenient.stderr).toBe('');
    const [file] = lenient.validation.files;
    expect(file).toMatchObject({ path: WEAK, kind: 'model', valid: true, errors: [] });
    expect(file!.warnings.map((warning) => `${warning.line}:${warning.column} ${warning.code}`)).toEqual([
      '7:47 scale-order',
      '23:5 missing-stage-descriptor',
      '25:15 no-advice',
      '28:50 duplicate-text',
      '29:9 no-stage-descriptors',
      '31:5 small-competency',
    ]);
    const strict = await validateJson([WEAK, '--strict']);
    expect(strict.code).toBe(2);
    expect(strict.validation.files).toEqual([
      { path: WEAK, kind: 'model', valid: false, errors: file!.warnings.map((warning) => ({ ...warning, message: `${warning.message} (--strict)` })), warnings: [] },
    ]);
  });

  it('names standard input <stdin>', async () => {
    const { code, validation } = await validateJson(['-'], 'organisation: Acme\nanswers: {}\n');
    expect(code).toBe(0);
    expect(validation.files).toEqual([{ path: '<stdin>', kind: 'answers', valid: true, errors: [], warnings: [] }]);
  });

  it('leaves the default output as it was: ok lines, errors on standard error', async () => {
    const result = await runInProcess(['validate', 'examples/community@1.0/middle.yaml', DUPLICATE_KEY]);
    expect(result.code).toBe(2);
    expect(result.stdout).toMatch(/^ok examples\/community@1\.0\/middle\.yaml: answers of .* for model community \S+ \(72\/72 answered\)\n$/);
    expect(result.stderr.split('\n')[0]).toBe(`${DUPLICATE_KEY}:5:3: duplicate key "strategy.purpose": each key may appear only once in a mapping`);
  });

  it('refuses an unknown format with exit 2', async () => {
    const result = await runInProcess(['validate', 'examples/community@1.0/middle.yaml', '--format', 'markdown']);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain("argument 'markdown' is invalid");
  });
});
