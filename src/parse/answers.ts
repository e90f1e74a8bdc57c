import { checkAnswers, unansweredIndicators, type Assessment } from '../core/assessment.js';
import type { InputIssue } from '../core/issue.js';
import { fileDiagnostic, UserError } from '../errors.js';
import { answerEntrySchema, answersSchema, type AnswerEntry, type AnswersFile } from '../schema/answers.js';
import type { Model } from '../schema/model.js';
import { toDiagnostics } from './diagnostics.js';
import { documentKind } from './document-kind.js';
import { locate, scalarSourceAt } from './locate.js';
import { expectMapping } from './mapping.js';
import { keepProtoKey } from './proto-key.js';
import { STDIN_NAME } from '../source.js';
import type { ParsedSource } from './yaml.js';
import { fromZodIssues } from './zod-issues.js';
import { ENGLISH } from '../locale/english.js';
import type { Locale } from '../locale/locale.js';

/** An answers file checked against the schema: its well-formed part, and what is wrong with the rest. */
export interface ParsedAnswers {
  source: ParsedSource;
  /** The language errors about the file are written in: the run's. */
  locale: Locale;
  file: AnswersFile;
  /** Problems with the file's shape, reported with those found against the model. */
  shapeIssues: InputIssue[];
}

/**
 * The parts of an answers file that passed the schema, for checking answers against the model
 * when something else in the file is wrong. Ill-formed entries are left out: the schema has
 * reported them already.
 */
function wellFormedPart(data: unknown): AnswersFile {
  const raw = data as Record<string, unknown>;
  const answers = raw.answers !== null && typeof raw.answers === 'object' && !Array.isArray(raw.answers) ? (raw.answers as Record<string, unknown>) : {};
  const entries: Record<string, AnswerEntry> = {};
  for (const [id, value] of Object.entries(answers)) {
    const entry = answerEntrySchema.safeParse(value);
    if (entry.success) Object.defineProperty(entries, id, { value: entry.data, enumerable: true, writable: true, configurable: true });
  }
  return { organisation: '', model: typeof raw.model === 'string' && raw.model.trim() !== '' ? raw.model : undefined, answers: entries };
}

/** Checks a parsed YAML document against the answers schema; a file of another kind is refused. */
export function parseAnswers(source: ParsedSource, locale: Locale = ENGLISH): ParsedAnswers {
  expectMapping(source, 'answers', locale);
  if (documentKind(source.data) === 'report') {
    // A saved JSON report is a result, not answers: it is read by --baseline, diff and history.
    throw new UserError([fileDiagnostic(source.file, 'wrong-kind', locale.t('input.parse.report-not-answers'))]);
  }
  if (documentKind(source.data) === 'plan') {
    throw new UserError([fileDiagnostic(source.file, 'wrong-kind', locale.t('input.parse.plan-not-answers'))]);
  }
  if (documentKind(source.data) === 'model') {
    const file = source.file === STDIN_NAME ? '<file>' : source.file;
    throw new UserError([fileDiagnostic(source.file, 'wrong-kind', locale.t('input.parse.model-not-answers', { file }))]);
  }
  const result = answersSchema.safeParse(source.data);
  const shapeIssues = result.success ? [] : fromZodIssues(result.error.issues, answersSchema, source.data, (path) => scalarSourceAt(source, path), locale);
  // A file with a wrong key somewhere still has its well-formed answers checked against the
  // model, so that one run reports every error rather than one layer at a time.
  const file = result.success ? result.data : wellFormedPart(source.data);
  // Null (unanswered) is a valid entry; the key is reported as an unknown indicator before its value matters.
  keepProtoKey((source.data as { answers?: unknown }).answers, file.answers, null);
  return { source, locale, file, shapeIssues };
}

/** An error at the answers file's `model:` value, about the model it names; with the file's shape errors, if any. */
export function modelReferenceError(answers: ParsedAnswers, message: string): UserError {
  const at = locate(answers.source, ['model']);
  return new UserError([{ file: answers.source.file, line: at.line, column: at.column, code: 'unknown-model', message }]);
}

/** The file's shape errors followed by `error`'s, when the model could not be had. */
export function withShapeIssues(answers: ParsedAnswers, error: UserError): UserError {
  if (answers.shapeIssues.length === 0) return error;
  return new UserError([...toDiagnostics(answers.source, answers.shapeIssues, answers.locale), ...error.diagnostics]);
}

/** The assessment the answers make against their model; every problem of the file at its line. */
export function assessmentOf(answers: ParsedAnswers, model: Model, options: { strict?: boolean } = {}): Assessment {
  const { file, source, locale } = answers;
  const { assessment, issues } = checkAnswers(model, file, locale);
  issues.unshift(...answers.shapeIssues);
  if (options.strict) {
    for (const id of unansweredIndicators(model, assessment)) {
      // An indicator written with an empty answer is pointed at; one left out, at the answers it is missing from.
      const written = file.answers !== null && file.answers !== undefined && Object.hasOwn(file.answers, id);
      issues.push({ path: written ? ['answers', id] : ['answers'], at: 'key', code: 'unanswered', message: locale.t('input.parse.unanswered', { id }) });
    }
  }
  if (issues.length > 0) throw new UserError(toDiagnostics(source, issues, locale));
  return assessment;
}
