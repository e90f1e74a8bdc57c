import { formatDiagnostic, type Diagnostic } from '../errors.js';

/** More than this many errors are summarised: the first screenful is what gets fixed first. */
const MAX_PRINTED_DIAGNOSTICS = 20;

/** `file:line:col: message` lines, sorted, with "… and N more" past the cap. */
export function diagnosticLines(diagnostics: readonly Diagnostic[], max = MAX_PRINTED_DIAGNOSTICS): string[] {
  const lines = diagnostics.slice(0, max).map(formatDiagnostic);
  if (diagnostics.length > max) lines.push(`… and ${diagnostics.length - max} more`);
  return lines;
}
