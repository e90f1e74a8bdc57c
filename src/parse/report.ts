import { checkReport } from '../core/check-report.js';
import { UserError } from '../errors.js';
import { reportSchema, type Report } from '../schema/report.js';
import { toDiagnostics } from './diagnostics.js';
import { documentKind } from './document-kind.js';
import { scalarSourceAt } from './locate.js';
import type { ParsedSource } from './yaml.js';
import { ENGLISH } from '../locale/english.js';
import type { Locale } from '../locale/locale.js';
import { fromZodIssues } from './zod-issues.js';

/** Whether a parsed document is a JSON report written by `--format json` (JSON is YAML, so both are parsed alike). */
export function isReport(parsed: ParsedSource): boolean {
  return documentKind(parsed.data) === 'report';
}

/** Checks a parsed JSON report against the report schema, then that its levels, stages and scores are possible (check-report.ts); a damaged one gets `file:line:col` errors like any file. */
export function parseReport(parsed: ParsedSource, locale: Locale = ENGLISH): Report {
  const result = reportSchema.safeParse(parsed.data);
  if (!result.success) {
    throw new UserError(toDiagnostics(parsed, fromZodIssues(result.error.issues, reportSchema, parsed.data, (path) => scalarSourceAt(parsed, path), locale), locale));
  }
  const issues = checkReport(result.data, locale);
  if (issues.length > 0) throw new UserError(toDiagnostics(parsed, issues, locale));
  return result.data;
}
