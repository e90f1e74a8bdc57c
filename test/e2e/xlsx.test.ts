import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll } from 'vitest';
import { BIN, ROOT, runCli } from '../helpers/cli.js';
import { readWorkbook } from '../helpers/xlsx.js';
import type * as Library from '../../src/index.js';

/**
 * The built CLI writes xlsx to a pipe as it writes it to a file (the library it loads is not
 * bundled: it comes from node_modules), and the built library gives the same bytes.
 */

const dir = mkdtempSync(join(tmpdir(), 'cm-maturity-xlsx-e2e-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('score --format xlsx, built', () => {
  it('writes the same bytes to a pipe as to -o, and the library gives them too', async () => {
    const file = join(dir, 'middle.xlsx');
    const written = runCli(['score', 'examples/community@1.0/middle.yaml', '-f', 'xlsx', '-o', file]);
    expect(written.code, written.stderr).toBe(0);
    const bytes = readFileSync(file);
    expect(readWorkbook(bytes).map((sheet) => sheet.name)).toEqual(['Assessment', 'Scores', 'Stage grid', 'Next steps', 'Answers']);

    const piped = spawnSync(process.env.CM_MATURITY_TEST_NODE || process.execPath, [BIN, 'score', 'examples/community@1.0/middle.yaml', '-f', 'xlsx'], { cwd: ROOT, input: '', timeout: 20_000 });
    expect(piped.status, piped.stderr.toString()).toBe(0);
    expect(piped.stdout.equals(bytes)).toBe(true);

    const library = (await import(pathToFileURL(join(ROOT, 'dist/index.js')).href)) as typeof Library;
    const { model, assessment } = await library.loadAssessment(join(ROOT, 'examples/community@1.0/middle.yaml'));
    const report = library.scoreAssessment(model.model, assessment);
    const formatted = (await library.reportFormats.load('xlsx'))(report, { color: false, nextSteps: library.DEFAULT_NEXT_STEPS });
    expect(Buffer.from(formatted).equals(bytes)).toBe(true);
  });
});
