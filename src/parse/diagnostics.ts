import type { Diagnostic } from '../errors.js';
import type { InputIssue } from '../core/issue.js';
import { ENGLISH } from '../locale/english.js';
import type { Locale } from '../locale/locale.js';
import { locate } from './locate.js';
import type { ParsedSource } from './yaml.js';

/** Places the core's path-based issues in the file they came from. */
export function toDiagnostics(source: ParsedSource, issues: readonly InputIssue[], locale: Locale = ENGLISH): Diagnostic[] {
  return issues.map((issue) => {
    const at = locate(source, issue.path, issue.at);
    const message = issue.related ? locale.t('input.located.first-defined', { message: issue.message, line: locate(source, issue.related).line }) : issue.message;
    return { file: source.file, line: at.line, column: at.column, code: issue.code, message };
  });
}
