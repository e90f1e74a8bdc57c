import { fileDiagnostic, UserError } from '../errors.js';
import { planSchema, type PlanFile } from '../schema/plan.js';
import { toDiagnostics } from './diagnostics.js';
import { documentKind } from './document-kind.js';
import { scalarSourceAt } from './locate.js';
import { expectMapping } from './mapping.js';
import type { ParsedSource } from './yaml.js';
import { fromZodIssues } from './zod-issues.js';

/** What a plan file is told apart from, and what to do with it instead. */
const OTHER_KINDS: Record<string, string> = {
  answers: 'this is an answers file, not a plan; cm-maturity plan <answers> proposes a plan from it',
  model: 'this is a model, not a plan',
  report: 'this is a JSON report written by --format json, not a plan',
};

/** Checks a parsed YAML document against the plan schema: every problem of its shape at its line. */
export function planFromYaml(parsed: ParsedSource): PlanFile {
  expectMapping(parsed, 'plan');
  const other = OTHER_KINDS[documentKind(parsed.data)];
  if (other !== undefined) throw new UserError([fileDiagnostic(parsed.file, 'wrong-kind', other)]);
  const result = planSchema.safeParse(parsed.data);
  if (!result.success) {
    throw new UserError(toDiagnostics(parsed, fromZodIssues(result.error.issues, planSchema, parsed.data, (path) => scalarSourceAt(parsed, path))));
  }
  return result.data;
}
