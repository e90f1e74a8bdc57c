import { gateFailureText } from '../core/gates.js';
import { formatDiagnostic, type Diagnostic } from '../errors.js';
import type { GateResult, Report } from '../schema/report.js';
import { terminalText } from './escape/terminal.js';

// What a run says on standard error about a report, besides its errors: warnings and failed gates.
// Each is one line, made inert for a terminal (terminalText): it names files and quotes their texts.

/**
 * A warning about no place in particular, worded as the tool's errors are (`cm-maturity: error: …`):
 * `cm-maturity: warning: …`, one inert line.
 */
export function warningLine(message: string): string {
  return terminalText(`cm-maturity: warning: ${message}`);
}

/** A warning at a place in a file, shaped as a located error: `file:line:col: warning: …`, one inert line. */
export function locatedWarning(warning: Diagnostic): string {
  return formatDiagnostic({ ...warning, message: `warning: ${warning.message}` });
}

/** The stderr warning for unanswered indicators, or null when every one is answered; `file` names the file when there are several. */
export function unansweredWarning(report: Report, file?: string): string | null {
  const { unanswered, total } = report.completeness;
  if (unanswered.length === 0) return null;
  const sample = unanswered.slice(0, 3).join(', ') + (unanswered.length > 3 ? ', …' : '');
  return warningLine(`${file === undefined ? '' : `${file}: `}${unanswered.length} of ${total} indicators are unanswered and count as 0 (${sample}); --strict makes this an error`);
}

/** The stderr lines for the gates that failed; `file` names the answers file when there are several. */
export function gateFailureLines(report: Report, gates: readonly GateResult[], file?: string): string[] {
  return gates
    .filter((gate) => !gate.passed)
    .map((gate) => {
      const stage = Number.isInteger(gate.target) ? report.stages.find((candidate) => candidate.level === gate.target) : undefined;
      const target = stage ? `${stage.id} (${gate.target})` : String(gate.target);
      const option = gate.gate === 'fail-under' ? `--fail-under ${target}` : gate.gate === 'require' ? `--require ${gate.subject}=${target}` : '--fail-on-regression';
      return terminalText(`cm-maturity: gate failed (${option}): ${file === undefined ? '' : `${file}: `}${gateFailureText(gate)}`);
    });
}

/** The warning for a baseline of another organisation than the answers scored. */
export function otherOrganisationWarning(file: string, baseline: string, current: string): string {
  return warningLine(`${file}: the baseline is an assessment of "${baseline}", not of "${current}"; its scores are compared as they are`);
}
