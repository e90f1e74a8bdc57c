import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from './support.js';

/** The modules bundled into a file, from the `// path` line esbuild writes before each. */
function modulesOf(file: string): string[] {
  const text = readFileSync(join(ROOT, 'dist', file), 'utf8');
  return [...text.matchAll(/^\/\/ ((?:src|node_modules)\/\S+)$/gm)].map((match) => match[1]!);
}

describe('the bundle (scripts/split-bundle.mjs)', () => {
  const hot = modulesOf('cli.cjs');
  const cold = modulesOf('cold.cjs');

  it('puts every module in one file only, so that classes and caches exist once', () => {
    expect(hot.filter((path) => cold.includes(path))).toEqual([]);
    expect(new Set(hot).size).toBe(hot.length);
    expect(new Set(cold).size).toBe(cold.length);
  });

  it('keeps what `score <file> --format json` needs in the file every run loads, and the heavy libraries out of it', () => {
    for (const path of ['src/cli/main.ts', 'src/cli/commands/score.ts', 'src/load/fast-answers.ts', 'src/core/score.ts', 'src/report/json.ts', 'src/errors.ts']) {
      expect(hot).toContain(path);
    }
    expect(hot.some((path) => path.startsWith('node_modules/commander/'))).toBe(true);
    expect(hot.some((path) => path.startsWith('node_modules/js-yaml/'))).toBe(true);
    for (const library of ['yaml', 'zod', 'cli-table3', 'chalk', 'csv-stringify', 'tinyglobby']) {
      expect(hot.filter((path) => path.startsWith(`node_modules/${library}/`))).toEqual([]);
      expect(cold.some((path) => path.startsWith(`node_modules/${library}/`))).toBe(true);
    }
  });

  it('names the same build on the first line of both files', () => {
    const firstLine = (file: string) => readFileSync(join(ROOT, 'dist', file), 'utf8').split('\n', 1)[0];
    expect(firstLine('cli.cjs')).toMatch(/^\/\/ build [0-9a-f]{32}$/);
    expect(firstLine('cold.cjs')).toBe(firstLine('cli.cjs'));
  });
});
