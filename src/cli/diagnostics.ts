import { formatDiagnostic, type Diagnostic } from '../errors.js';
import type { Locale } from '../locale/locale.js';

/** More than this many errors in one file are summarised: the first screenful is what gets fixed first. */
const MAX_PRINTED_DIAGNOSTICS = 20;

/**
 * `file:line:col: message` lines, in the order given (sorted), at most `max` per file, each
 * file's list cut with "… and N more" (naming the file when there are several), so that a file
 * with many errors never hides the others.
 */
export function diagnosticLines(locale: Locale, diagnostics: readonly Diagnostic[], max = MAX_PRINTED_DIAGNOSTICS): string[] {
  const byFile = new Map<string, Diagnostic[]>();
  for (const diagnostic of diagnostics) {
    const list = byFile.get(diagnostic.file);
    if (list) list.push(diagnostic);
    else byFile.set(diagnostic.file, [diagnostic]);
  }
  const lines: string[] = [];
  for (const [file, list] of byFile) {
    lines.push(...list.slice(0, max).map(formatDiagnostic));
    if (list.length > max) lines.push(byFile.size > 1 ? locale.t('cli.diagnostics.moreIn', { count: list.length - max, file }) : locale.t('cli.diagnostics.more', { count: list.length - max }));
  }
  return lines;
}
