import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, onTestFinished } from 'vitest';
import { parse } from 'yaml';
import { ROOT, runCli, type CliOptions } from '../helpers/cli.js';
import { runInProcess, type InProcessOptions } from '../helpers/in-process.js';
import { reportSchema, type Report } from '../../src/schema/report.js';

export { ROOT, runCli, runInProcess };

/** Every example answers file, as a path relative to the package root. */
export const EXAMPLES = readdirSync(join(ROOT, 'examples', 'community@1.0'))
  .filter((name) => name.endsWith('.yaml'))
  .sort()
  .map((name) => `examples/community@1.0/${name}`);

/** The examples that answer every indicator. */
export const COMPLETE_EXAMPLES = EXAMPLES.filter((file) => file !== 'examples/community@1.0/partial.yaml');

export const FORMATS = ['table', 'json', 'markdown', 'html'] as const;

export const ESC = '\u001b';

/** The parts of a model file the tests read, straight from the YAML (not through the tool's loader). */
export interface RawModel {
  id: string;
  name: string;
  version: string;
  threshold?: number;
  scale: { id: string; value: number }[];
  stages: { id: string; name: string }[];
  competencies: { id: string; name: string; weight?: number; indicators: { id: string; stage: string; weight?: number }[] }[];
}

type RawAnswer = string | { answer?: string | null; note?: string } | null;

export interface RawAnswers {
  organisation: string;
  model?: string;
  answers?: Record<string, RawAnswer> | null;
}

export function readYaml<T>(path: string): T {
  return parse(readFileSync(join(ROOT, path), 'utf8')) as T;
}

export const MODEL = readYaml<RawModel>('models/community@1.0.yaml');

export const INDICATOR_COUNT = MODEL.competencies.reduce((sum, competency) => sum + competency.indicators.length, 0);

/** The answer written for an indicator, or null when there is none. */
export function answerOf(answers: RawAnswers, id: string): string | null {
  const entry = answers.answers?.[id];
  if (entry === undefined || entry === null) return null;
  return typeof entry === 'object' ? (entry.answer ?? null) : entry;
}

/** Runs the CLI and expects success; returns stdout. */
export function ok(args: string[], options?: CliOptions): string {
  const result = runCli(args, options);
  if (result.code !== 0) throw new Error(`cm-maturity ${args.join(' ')} exited ${result.code}:\n${result.stderr}`);
  return result.stdout;
}

/** Scores a file with --format json and returns the parsed, schema-checked report. */
export function scoreJson(args: string[], options?: CliOptions): Report {
  return reportSchema.parse(JSON.parse(ok(['score', ...args, '--format', 'json'], options)));
}

/** As ok(), with the CLI run in this process (runInProcess). */
export async function okInProcess(args: string[], options?: InProcessOptions): Promise<string> {
  const result = await runInProcess(args, options);
  if (result.code !== 0) throw new Error(`cm-maturity ${args.join(' ')} exited ${result.code}:\n${result.stderr}`);
  return result.stdout;
}

/** As scoreJson(), with the CLI run in this process (runInProcess). */
export async function scoreJsonInProcess(args: string[], options?: InProcessOptions): Promise<Report> {
  return reportSchema.parse(JSON.parse(await okInProcess(['score', ...args, '--format', 'json'], options)));
}

/** A fresh temporary folder, removed when the test that made it ends (or the file, when made outside a test). */
export function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'cm-maturity-e2e-'));
  const remove = () => rmSync(dir, { recursive: true, force: true });
  // afterAll registered inside a test body never runs; onTestFinished exists only inside one.
  try {
    onTestFinished(remove);
  } catch {
    afterAll(remove);
  }
  return dir;
}

/** A score in hundredths as the reports print it: 344 → "3.44". */
export function hundredthsText(hundredths: number): string {
  return `${Math.floor(hundredths / 100)}.${String(hundredths % 100).padStart(2, '0')}`;
}

/** The cells of the rows of a cli-table3 box table (lines that start with │). */
export function boxRows(table: string): string[][] {
  return table
    .split('\n')
    .filter((line) => line.startsWith('│'))
    .map((line) =>
      line
        .slice(1, -1)
        .split('│')
        .map((cell) => cell.trim()),
    );
}

/** The `|` characters of a markdown line that are not escaped with a backslash. */
export function unescapedPipes(line: string): number {
  let count = 0;
  for (let i = 0; i < line.length; i++) {
    if (line[i] === '\\') i++;
    else if (line[i] === '|') count++;
  }
  return count;
}

/** The cells of a markdown table row, split on unescaped `|`. */
export function markdownCells(line: string): string[] {
  const cells: string[] = [];
  let cell = '';
  for (let i = 0; i < line.length; i++) {
    if (line[i] === '\\' && i + 1 < line.length) {
      cell += line[i]! + line[i + 1]!;
      i++;
    } else if (line[i] === '|') {
      cells.push(cell.trim());
      cell = '';
    } else {
      cell += line[i];
    }
  }
  cells.push(cell.trim());
  return cells.slice(1, -1);
}
