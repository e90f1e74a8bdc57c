import type { Diagnostic } from '../errors.js';
import type { InputIssue } from '../core/issue.js';
import { locate } from './locate.js';
import type { ParsedSource } from './yaml.js';

/** Places the core's path-based issues in the file they came from. */
export function toDiagnostics(source: ParsedSource, issues: readonly InputIssue[]): Diagnostic[] {
  return issues.map((issue) => {
    const at = locate(source, issue.path, issue.at);
    const related = issue.related ? ` (first defined at line ${locate(source, issue.related).line})` : '';
    return { file: source.file, line: at.line, column: at.column, code: issue.code, message: issue.message + related };
  });
}
