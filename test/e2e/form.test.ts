import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, runCli, tempDir } from './support.js';

// What the page holds is checked in-process (test/cli/form.test.ts) and in Chromium
// (test/browser/form.test.ts). Spawned here: the built CLI finds the page's script beside its
// bundle, writes the file it is asked for, and refuses to replace one.
describe('form, built', () => {
  it('writes the page with the script the build made, and refuses to replace it without --force', () => {
    const dir = tempDir();
    const file = join(dir, 'survey', 'survey.html');
    const result = runCli(['form', '--organisation', 'Acme Corp', '-o', file]);
    expect(result).toEqual({ code: 0, stdout: '', stderr: '' });
    const html = readFileSync(file, 'utf8');
    const script = readFileSync(join(ROOT, 'dist/form-page.js'), 'utf8').trimEnd();
    expect(html).toContain(`<script>${script}</script>`);
    writeFileSync(file, 'kept');
    expect(runCli(['form', '-o', file]).code).toBe(2);
    expect(readFileSync(file, 'utf8')).toBe('kept');
    expect(runCli(['form', '--questions', 'csv', '-o', join(dir, 'questions.csv')]).code).toBe(0);
    expect(readFileSync(join(dir, 'questions.csv'), 'utf8').split('\n')[0]).toMatch(/ \[strategy\.purpose\]",Yes,Mostly,Partly,No,n\/a$/);
    expect(runCli(['form', '--context', 'nowhere', '-o', join(dir, 'no.html')]).code).toBe(2);
    expect(existsSync(join(dir, 'no.html'))).toBe(false);
  });
});
