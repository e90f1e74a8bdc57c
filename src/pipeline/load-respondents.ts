import { oddOnesOut, type RespondentAnswers } from '../core/consensus.js';
import { fileDiagnostic, UserError, type Diagnostic } from '../errors.js';
import type { Locale } from '../locale/locale.js';
import { assessmentOf, modelReferenceError, parseAnswers, withShapeIssues } from '../parse/answers.js';
import { foundKind } from '../parse/document-kind.js';
import { locate, type PathSegment } from '../parse/locate.js';
import { parseYaml, type ParsedSource } from '../parse/yaml.js';
import { readInput } from '../read/text.js';
import type { AnswersFile } from '../schema/answers.js';
import { eachFile, skipIf, type SkippedFile } from './each-file.js';
import { modelFor, type LoadedModel } from './load-model.js';

/** One respondent's answers file, read and checked against its model. */
interface LoadedRespondent extends RespondentAnswers {
  source: string;
  file: AnswersFile;
  parsed: ParsedSource;
  model: LoadedModel;
}

/** Several respondents of one organisation and one model, ready to combine. */
export interface RespondentsOfOne {
  respondents: LoadedRespondent[];
  organisation: string;
  model: LoadedModel;
  context: string | null;
  skipped: SkippedFile[];
}

/** What `consensus` passes over among the files found in folders or by patterns: anything but answers files. */
const NOT_ANSWERS = ['model', 'report', 'plan', 'other'] as const;

/**
 * Reads every respondent's answers file and checks that they can be combined: each valid against
 * its model, and all of one organisation, one model (id and version) and one context, none already
 * a combination. Every problem of every file is thrown at once, each at its place in its file.
 */
export async function loadRespondents(
  files: readonly string[],
  found: ReadonlySet<string>,
  options: { model?: string; stdin?: () => NodeJS.ReadableStream },
  locale: Locale,
): Promise<RespondentsOfOne> {
  const modelCache = new Map<string, Promise<LoadedModel>>();
  const loaded: LoadedRespondent[] = [];
  const { diagnostics, skipped } = await eachFile(
    files,
    async (input) => {
      const { baseDir, ...text } = await readInput(input, options.stdin, locale);
      const parsed = parseYaml(text, locale);
      skipIf(parsed.file, foundKind(parsed.data), found.has(input) ? NOT_ANSWERS : undefined);
      const answers = parseAnswers(parsed, locale);
      let model: LoadedModel;
      try {
        model = await modelFor((message) => modelReferenceError(answers, message), answers.file.model, { model: options.model, modelCache, baseDir, locale }, Object.keys(answers.file.answers ?? {}));
      } catch (error) {
        throw error instanceof UserError ? withShapeIssues(answers, error) : error;
      }
      const assessment = assessmentOf(answers, model.model);
      return {
        source: parsed.file,
        name: answers.file.respondent?.name ?? null,
        role: answers.file.respondent?.role ?? null,
        answers: assessment.answers,
        file: answers.file,
        parsed,
        model,
      } satisfies LoadedRespondent;
    },
    (value) => loaded.push(value),
  );
  if (diagnostics.length === 0 && loaded.length < 2) {
    throw new UserError(locale.t('team.consensus.tooFew', { count: loaded.length, skipped: skipped.length }));
  }
  const at = (respondent: LoadedRespondent, path: PathSegment[], code: string, message: string): Diagnostic => {
    const position = locate(respondent.parsed, path);
    return { file: respondent.source, line: position.line, column: position.column, code, message };
  };
  for (const respondent of loaded) {
    if (respondent.file.respondents !== undefined || respondent.file.panel !== undefined) {
      const path = respondent.file.respondents !== undefined ? 'respondents' : 'panel';
      diagnostics.push(at(respondent, [path], 'already-combined', locale.t('team.consensus.alreadyCombined')));
    }
  }
  const organisations = oddOnesOut(loaded.map((respondent) => respondent.file.organisation.trim()));
  for (const index of organisations.odd) {
    const respondent = loaded[index]!;
    diagnostics.push(at(respondent, ['organisation'], 'other-organisation', locale.t('team.consensus.otherOrganisation', { organisation: respondent.file.organisation.trim(), expected: organisations.expected })));
  }
  const models = oddOnesOut(loaded.map((respondent) => `${respondent.model.model.id} ${respondent.model.model.version}`));
  for (const index of models.odd) {
    const respondent = loaded[index]!;
    const message = locale.t('team.consensus.otherModel', { model: `${respondent.model.model.id} ${respondent.model.model.version}`, expected: models.expected });
    diagnostics.push(respondent.file.model === undefined ? fileDiagnostic(respondent.source, 'model-mismatch', message) : at(respondent, ['model'], 'model-mismatch', message));
  }
  const contexts = oddOnesOut(loaded.map((respondent) => respondent.file.context ?? ''));
  for (const index of contexts.odd) {
    const respondent = loaded[index]!;
    const context = respondent.file.context ?? '';
    const named = (id: string) => (id === '' ? locale.t('team.consensus.noContext') : id);
    const message = locale.t('team.consensus.otherContext', { context: named(context), expected: named(contexts.expected) });
    diagnostics.push(respondent.file.context === undefined ? fileDiagnostic(respondent.source, 'context-mismatch', message) : at(respondent, ['context'], 'context-mismatch', message));
  }
  if (diagnostics.length > 0) throw new UserError(diagnostics);
  // Past the checks, every file names the same organisation, model and context.
  return {
    respondents: loaded,
    organisation: organisations.expected,
    model: loaded[0]!.model,
    context: contexts.expected === '' ? null : contexts.expected,
    skipped,
  };
}
