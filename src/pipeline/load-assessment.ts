import { assessmentOf, modelReferenceError, parseAnswers, withShapeIssues } from '../parse/answers.js';
import { parseYaml, type ParsedSource } from '../parse/yaml.js';
import { readInput } from '../read/text.js';
import { UserError } from '../errors.js';
import type { TextSource } from '../source.js';
import { foundKind } from '../parse/document-kind.js';
import { skipIf } from './each-file.js';
import { modelFor, type AssessmentOptions, type LoadedAssessment, type LoadedModel, type LoadOptions } from './load-model.js';

/** Reads an answers file (`-` for standard input) and checks it against its model. */
export async function loadAssessment(input: string, options: LoadOptions = {}): Promise<LoadedAssessment> {
  const { baseDir, ...source } = await readInput(input, options.stdin, options.locale);
  const parsed = parseYaml(source, options.locale);
  skipIf(parsed.file, foundKind(parsed.data), options.passOver);
  return assessmentFromYaml(parsed, { ...options, baseDir });
}

/** Parses answers from text with positions and checks them against their model: every error at its line. */
export function parseAssessment(source: TextSource, options: AssessmentOptions = {}): Promise<LoadedAssessment> {
  return assessmentFromYaml(parseYaml(source, options.locale), options);
}

/** Checks a parsed YAML document as an answers file against the model it names (or `--model`). */
export async function assessmentFromYaml(parsed: ParsedSource, options: AssessmentOptions = {}): Promise<LoadedAssessment> {
  const answers = parseAnswers(parsed, options.locale);
  let model: LoadedModel;
  try {
    model = await modelFor((message) => modelReferenceError(answers, message), answers.file.model, options, Object.keys(answers.file.answers ?? {}));
  } catch (error) {
    throw error instanceof UserError ? withShapeIssues(answers, error) : error;
  }
  return { file: parsed.file, model, assessment: assessmentOf(answers, model.model, options) };
}
