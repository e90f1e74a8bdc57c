import { checkAnswers, unansweredIndicators } from '../core/assessment.js';
import { fileDiagnostic, UserError } from '../errors.js';
import type { AnswerEntry, AnswersFile, answerEntrySchema as AnswerEntrySchema } from '../schema/answers.js';
import { modelFor, type AssessmentOptions, type LoadedAssessment } from './answers-model.js';
import { toDiagnostics } from './diagnostics.js';
import { documentKind } from './document-kind.js';
import type { LoadedModel } from './model.js';
import { expectMapping } from './mapping.js';
import { STDIN_NAME, type TextSource } from './read.js';
import { parseYaml, type ParsedSource } from './yaml.js';
import { fromZodIssues } from './zod-issues.js';
import { locate, scalarSourceAt } from './locate.js';
import { keepProtoKey } from './proto-key.js';

/** A saved JSON report is a result, not answers: it is read by --baseline, diff and history. */
const REPORT_NOT_ANSWERS = 'this is a JSON report written by --format json, not an answers file; reports are read by --baseline, diff and history';

/** Parses answers from text and checks them against their model. */
export async function parseAssessment(source: TextSource, options: AssessmentOptions = {}): Promise<LoadedAssessment> {
  return assessmentFromYaml(parseYaml(source), options);
}

/** An error at the answers file's `model:` value. */
function modelReferenceError(parsed: ParsedSource, message: string): UserError {
  const at = locate(parsed, ['model']);
  return new UserError([{ file: parsed.file, line: at.line, column: at.column, code: 'unknown-model', message }]);
}

/**
 * The parts of an answers file that passed the schema, for checking answers against the model
 * when something else in the file is wrong. Ill-formed entries are left out: the schema has
 * reported them already.
 */
function wellFormedPart(data: unknown, answerEntrySchema: typeof AnswerEntrySchema): AnswersFile {
  const raw = data as Record<string, unknown>;
  const answers = raw.answers !== null && typeof raw.answers === 'object' && !Array.isArray(raw.answers) ? (raw.answers as Record<string, unknown>) : {};
  const entries: Record<string, AnswerEntry> = {};
  for (const [id, value] of Object.entries(answers)) {
    const entry = answerEntrySchema.safeParse(value);
    if (entry.success) Object.defineProperty(entries, id, { value: entry.data, enumerable: true, writable: true, configurable: true });
  }
  return { organisation: '', model: typeof raw.model === 'string' && raw.model.trim() !== '' ? raw.model : undefined, answers: entries };
}

/** Checks a parsed YAML document as an answers file and loads its model. */
export async function assessmentFromYaml(parsed: ParsedSource, options: AssessmentOptions = {}): Promise<LoadedAssessment> {
  const source = parsed;
  expectMapping(parsed, 'answers');
  if (documentKind(parsed.data) === 'report') {
    throw new UserError([fileDiagnostic(source.file, 'wrong-kind', REPORT_NOT_ANSWERS)]);
  }
  if (documentKind(parsed.data) === 'model') {
    throw new UserError([
      fileDiagnostic(source.file, 'wrong-kind', `this is a model, not an answers file; use it with --model ${source.file === STDIN_NAME ? '<file>' : source.file}`),
    ]);
  }
  // Loaded here, not with this module: the quick path (loadAssessment) builds no schema.
  const { answersSchema, answerEntrySchema } = await import('../schema/answers.js');
  const result = answersSchema.safeParse(parsed.data);
  const shapeIssues = result.success ? [] : fromZodIssues(result.error.issues, answersSchema, parsed.data, (path) => scalarSourceAt(parsed, path));
  // A file with a wrong key somewhere still has its well-formed answers checked against the
  // model, so that one run reports every error rather than one layer at a time.
  const file = result.success ? result.data : wellFormedPart(parsed.data, answerEntrySchema);
  // Null (unanswered) is a valid entry; the key is reported as an unknown indicator before its value matters.
  keepProtoKey((parsed.data as { answers?: unknown }).answers, file.answers, null);

  let model: LoadedModel;
  try {
    model = await modelFor((message) => modelReferenceError(parsed, message), file.model, options);
  } catch (error) {
    if (error instanceof UserError && shapeIssues.length > 0) throw new UserError([...toDiagnostics(parsed, shapeIssues), ...error.diagnostics]);
    throw error;
  }

  const { assessment, issues } = checkAnswers(model.model, file);
  issues.unshift(...shapeIssues);
  if (options.strict) {
    for (const id of unansweredIndicators(model.model, assessment)) {
      // An indicator written with an empty answer is pointed at; one left out, at the answers it is missing from.
      const written = file.answers !== null && file.answers !== undefined && Object.hasOwn(file.answers, id);
      issues.push({ path: written ? ['answers', id] : ['answers'], at: 'key', code: 'unanswered', message: `indicator ${id} is not answered (--strict)` });
    }
  }
  if (issues.length > 0) throw new UserError(toDiagnostics(parsed, issues));
  return { file: source.file, model, assessment };
}
