import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll } from 'vitest';
import { ROOT } from '../helpers/cli.js';

/** The hostile fixtures: one answers file per class of issue 13, with its model next to it. */
const HOSTILE = join(ROOT, 'test/fixtures/hostile');

export function fixture(name: string): string {
  return join(HOSTILE, name);
}

/** A temporary folder for this test file, removed after it. */
export function tempFolder(): string {
  const dir = mkdtempSync(join(tmpdir(), 'cm-maturity-hostile-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/**
 * A copy of a hostile answers file in `dir` under `name` (which may itself be hostile), with its
 * model beside it, each line edited by `edit`: another date, other answers, for diff and history.
 */
export function copyFixture(dir: string, fixtureName: string, name: string, edit: (text: string) => string = (text) => text): string {
  const text = readFileSync(fixture(fixtureName), 'utf8');
  const model = /^model: \.\/(.+)$/m.exec(text)?.[1];
  if (model !== undefined) copyFileSync(fixture(model), join(dir, model));
  const file = join(dir, name);
  writeFileSync(file, edit(text));
  return file;
}

/** Another value for a top-level key (`date`, `organisation`) or an answer (`goals.shared`). */
export function withValue(key: string, value: string): (text: string) => string {
  return (text) => {
    const pattern = new RegExp(`^(\\s*${key.replace(/\./g, '\\.')}:).*$`, 'm');
    if (!pattern.test(text)) throw new Error(`no ${key} in the fixture`);
    return text.replace(pattern, `$1 ${value}`);
  };
}

/** Control characters (C0, DEL, C1) other than the line feed that ends each line. */
// eslint-disable-next-line no-control-regex
export const CONTROL_EXCEPT_NEWLINE = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/;

/** Any control character at all. */
// eslint-disable-next-line no-control-regex
export const ANY_CONTROL = /[\u0000-\u001f\u007f-\u009f]/;

/** chalk's colour and style sequences (SGR), the only escape sequences a coloured table may hold. */
// eslint-disable-next-line no-control-regex
export const SGR = /\u001b\[[0-9;]*m/g;
