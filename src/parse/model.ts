import { checkModel } from '../core/check-model.js';
import { fileDiagnostic, UserError } from '../errors.js';
import { modelSchema, type Model } from '../schema/model.js';
import { toDiagnostics } from './diagnostics.js';
import { documentKind, hasModelKeys } from './document-kind.js';
import { expectMapping } from './mapping.js';
import { scalarSourceAt } from './locate.js';
import { keepProtoKey } from './proto-key.js';
import type { TextSource } from '../source.js';
import { ENGLISH } from '../locale/english.js';
import type { Locale } from '../locale/locale.js';

import { parseYaml, type ParsedSource } from './yaml.js';
import { fromZodIssues } from './zod-issues.js';

/** Parses and checks a model from text; throws a UserError listing every problem. */
export function parseModel(source: TextSource, locale: Locale = ENGLISH): Model {
  return modelFromYaml(parseYaml(source, locale), locale);
}

/** Checks a parsed YAML document as a model. */
export function modelFromYaml(parsed: ParsedSource, locale: Locale = ENGLISH): Model {
  const source = parsed;
  expectMapping(parsed, 'model', locale);
  if (documentKind(parsed.data) === 'report') {
    throw new UserError([fileDiagnostic(source.file, 'wrong-kind', locale.t('input.parse.report-not-model'))]);
  }
  if (documentKind(parsed.data) === 'answers') {
    throw new UserError([
      fileDiagnostic(source.file, 'wrong-kind', locale.t('input.parse.answers-not-model')),
    ]);
  }
  if (!hasModelKeys(parsed.data as object)) {
    // Refused without naming its keys or values, as the file may be anything a `model:` line
    // points to (`./.env`, `/etc/passwd`, a CI config).
    throw new UserError([fileDiagnostic(source.file, 'not-a-model', locale.t('input.parse.not-a-model'))]);
  }
  const result = modelSchema.safeParse(parsed.data);
  if (!result.success) {
    throw new UserError(toDiagnostics(parsed, fromZodIssues(result.error.issues, modelSchema, parsed.data, (path) => scalarSourceAt(parsed, path), locale), locale));
  }
  const rawCompetencies = (parsed.data as { competencies: { stages?: unknown }[] }).competencies;
  // A `__proto__` stage descriptor must be reported as an unknown stage, not silently dropped;
  // its placeholder text is never shown, as the checks below refuse the model.
  result.data.competencies.forEach((competency, index) => keepProtoKey(rawCompetencies[index]?.stages, competency.stages, ''));
  const issues = checkModel(result.data, locale);
  if (issues.length > 0) throw new UserError(toDiagnostics(parsed, issues, locale));
  return result.data;
}
