import { fileDiagnostic, UserError } from '../errors.js';
import { planSchema, type PlanFile } from '../schema/plan.js';
import { toDiagnostics } from './diagnostics.js';
import { documentKind } from './document-kind.js';
import { scalarSourceAt } from './locate.js';
import { expectMapping } from './mapping.js';
import type { MessageKey } from '../locale/keys.js';
import type { ParsedSource } from './yaml.js';
import { ENGLISH } from '../locale/english.js';
import type { Locale } from '../locale/locale.js';

import { fromZodIssues } from './zod-issues.js';

/** What a plan file is told apart from, and what to do with it instead. */
const OTHER_KINDS = {
  answers: 'input.parse.answers-not-plan',
  model: 'input.parse.model-not-plan',
  report: 'input.parse.report-not-plan',
} as const satisfies Record<string, MessageKey>;

/** Checks a parsed YAML document against the plan schema: every problem of its shape at its line. */
export function planFromYaml(parsed: ParsedSource, locale: Locale = ENGLISH): PlanFile {
  expectMapping(parsed, 'plan', locale);
  const kind = documentKind(parsed.data);
  if (Object.hasOwn(OTHER_KINDS, kind)) throw new UserError([fileDiagnostic(parsed.file, 'wrong-kind', locale.t(OTHER_KINDS[kind as keyof typeof OTHER_KINDS]))]);
  const result = planSchema.safeParse(parsed.data);
  if (!result.success) {
    throw new UserError(toDiagnostics(parsed, fromZodIssues(result.error.issues, planSchema, parsed.data, (path) => scalarSourceAt(parsed, path), locale), locale));
  }
  return result.data;
}
