import { checkModel } from '../core/check-model.js';
import { fileDiagnostic, UserError } from '../errors.js';
import { modelSchema, type Model } from '../schema/model.js';
import { toDiagnostics } from './diagnostics.js';
import { documentKind, hasModelKeys } from './document-kind.js';
import { expectMapping } from './mapping.js';
import { scalarSourceAt } from './locate.js';
import { keepProtoKey } from './proto-key.js';
import type { TextSource } from '../source.js';
import { parseYaml, type ParsedSource } from './yaml.js';
import { fromZodIssues } from './zod-issues.js';

/**
 * A mapping without stages, scale or competencies: refused without naming its keys or values, as
 * the file may be anything a `model:` line points to (`./.env`, `/etc/passwd`, a CI config).
 */
const NOT_A_MODEL = 'this is not a model: it has none of the keys a model has (stages, scale, competencies); what it holds is not shown';

/** Parses and checks a model from text; throws a UserError listing every problem. */
export function parseModel(source: TextSource): Model {
  return modelFromYaml(parseYaml(source));
}

/** Checks a parsed YAML document as a model. */
export function modelFromYaml(parsed: ParsedSource): Model {
  const source = parsed;
  expectMapping(parsed, 'model');
  if (documentKind(parsed.data) === 'report') {
    throw new UserError([fileDiagnostic(source.file, 'wrong-kind', 'this is a JSON report written by --format json, not a model')]);
  }
  if (documentKind(parsed.data) === 'answers') {
    throw new UserError([
      fileDiagnostic(source.file, 'wrong-kind', 'this is an answers file, not a model; pass it as the answers to score, and a model with --model'),
    ]);
  }
  if (!hasModelKeys(parsed.data as object)) {
    throw new UserError([fileDiagnostic(source.file, 'not-a-model', NOT_A_MODEL)]);
  }
  const result = modelSchema.safeParse(parsed.data);
  if (!result.success) {
    throw new UserError(toDiagnostics(parsed, fromZodIssues(result.error.issues, modelSchema, parsed.data, (path) => scalarSourceAt(parsed, path))));
  }
  const rawCompetencies = (parsed.data as { competencies: { stages?: unknown }[] }).competencies;
  // A `__proto__` stage descriptor must be reported as an unknown stage, not silently dropped;
  // its placeholder text is never shown, as the checks below refuse the model.
  result.data.competencies.forEach((competency, index) => keepProtoKey(rawCompetencies[index]?.stages, competency.stages, ''));
  const issues = checkModel(result.data);
  if (issues.length > 0) throw new UserError(toDiagnostics(parsed, issues));
  return result.data;
}
