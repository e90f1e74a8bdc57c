import { scoreAssessment } from '../core/score.js';
import { isReport, parseReport } from '../parse/report.js';
import { parseYaml } from '../parse/yaml.js';
import { locate, type Position } from '../parse/locate.js';
import { readInput } from '../read/text.js';
import type { Report } from '../schema/report.js';
import type { TextSource } from '../source.js';
import { assessmentFromYaml } from './load-assessment.js';
import type { AssessmentOptions, LoadedModel, LoadOptions } from './load-model.js';
import { foundKind } from '../parse/document-kind.js';
import { skipIf } from './each-file.js';
import { reportModel } from './load-overlay.js';

/** A scored result read back: from a JSON report written by `--format json`, or by scoring an answers file. */
export interface LoadedResult {
  file: string;
  kind: 'report' | 'answers';
  report: Report;
  /** Where the file says which organisation it is of: what an error about the organisation points at. */
  organisationAt: Position;
  /** The model an answers file was scored with (a JSON report names its model only). */
  model?: LoadedModel;
}

/** Reads a JSON report or an answers file (`-` for standard input) and returns its scored report. */
export async function loadResult(input: string, options: LoadOptions = {}): Promise<LoadedResult> {
  const { baseDir, ...source } = await readInput(input, options.stdin, options.locale);
  return parseResult(source, { ...options, baseDir });
}

/** A JSON report as it is, or an answers file scored against its model. */
export async function parseResult(source: TextSource, options: AssessmentOptions = {}): Promise<LoadedResult> {
  const parsed = parseYaml(source, options.locale);
  skipIf(parsed.file, foundKind(parsed.data), options.passOver);
  const organisationAt = locate(parsed, ['organisation'], 'key');
  if (isReport(parsed)) return { file: source.file, kind: 'report', report: parseReport(parsed, options.locale), organisationAt };
  const { model: original, assessment } = await assessmentFromYaml(parsed, options);
  const { language, loaded: model } = await reportModel(original, assessment.language, { lang: options.lang, language: options.language ?? options.locale?.language });
  return { file: source.file, kind: 'answers', report: scoreAssessment(model.model, assessment, language), organisationAt, model };
}
