import { scoreAssessment } from '../core/score.js';
import { UserError } from '../errors.js';
import { reportSchema, type Report } from '../schema/report.js';
import type { LoadOptions } from './answers-model.js';
import { assessmentFromYaml } from './answers-yaml.js';
import { toDiagnostics } from './diagnostics.js';
import { scalarSourceAt } from './locate.js';
import { readInput, type TextSource } from './read.js';
import { parseYaml } from './yaml.js';
import { fromZodIssues } from './zod-issues.js';

/** A scored result read back: from a JSON report written by `--format json`, or by scoring an answers file. */
export interface LoadedResult {
  file: string;
  kind: 'report' | 'answers';
  report: Report;
}

/** Reads a JSON report or an answers file (`-` for standard input) and returns its scored report. */
export async function loadResult(input: string, options: LoadOptions = {}): Promise<LoadedResult> {
  const { baseDir, ...source } = await readInput(input);
  return parseResult(source, { ...options, baseDir });
}

/**
 * Parses a JSON report or an answers file from text. JSON is YAML, so both go through the YAML
 * parser, and a damaged report gets the same `file:line:col` errors as a damaged answers file.
 */
export async function parseResult(source: TextSource, options: LoadOptions & { baseDir?: string } = {}): Promise<LoadedResult> {
  const parsed = parseYaml(source);
  const data = parsed.data;
  if (data !== null && typeof data === 'object' && !Array.isArray(data) && Object.hasOwn(data, 'schemaVersion')) {
    const result = reportSchema.safeParse(data);
    if (!result.success) {
      throw new UserError(toDiagnostics(parsed, fromZodIssues(result.error.issues, reportSchema, data, (path) => scalarSourceAt(parsed, path))));
    }
    return { file: source.file, kind: 'report', report: result.data };
  }
  const { model, assessment } = await assessmentFromYaml(parsed, options);
  return { file: source.file, kind: 'answers', report: scoreAssessment(model.model, assessment) };
}
