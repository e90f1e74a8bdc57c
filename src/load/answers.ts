import { checkAnswers, unansweredIndicators } from '../core/assessment.js';
import { modelFor, type AssessmentOptions, type LoadedAssessment, type LoadOptions } from './answers-model.js';
import type { LoadedModel } from './model.js';
import { readInput, type TextSource } from './read.js';
import { fastAnswersData, fastAnswersFile } from './fast-answers.js';

export type { AssessmentOptions, LoadedAssessment, LoadOptions } from './answers-model.js';

/** Reads an answers file (`-` for standard input) and checks it against its model. */
export async function loadAssessment(input: string, options: LoadOptions = {}): Promise<LoadedAssessment> {
  const { baseDir, ...source } = await readInput(input);
  return (await quickAssessment(source, { ...options, baseDir })) ?? parseAssessment(source, { ...options, baseDir });
}

/**
 * Parses answers from text with positions and checks them against their model: every error at
 * its line. Loaded only when needed, as the `yaml` library it uses costs a fifth of a correct
 * file's whole run to load.
 */
export async function parseAssessment(source: TextSource, options: AssessmentOptions = {}): Promise<LoadedAssessment> {
  return (await import('./answers-yaml.js')).parseAssessment(source, options);
}

/** A `model:` reference the quick path cannot place: the full path reports it at its line. */
class NeedsFullPath extends Error {}

/**
 * A well-formed answers file read without the `yaml` document and the zod schema (see
 * fast-answers.ts), or undefined when anything about it needs them: the full path then reads it
 * again and reports what is wrong where it is.
 */
async function quickAssessment(source: TextSource, options: AssessmentOptions): Promise<LoadedAssessment | undefined> {
  const file = fastAnswersFile(fastAnswersData(source.text));
  if (file === undefined) return undefined;
  let model: LoadedModel;
  try {
    model = await modelFor(() => new NeedsFullPath(), file.model, options);
  } catch (error) {
    if (error instanceof NeedsFullPath) return undefined;
    throw error;
  }
  const { assessment, issues } = checkAnswers(model.model, file);
  if (issues.length > 0 || (options.strict && unansweredIndicators(model.model, assessment).length > 0)) return undefined;
  return { file: source.file, model, assessment };
}

