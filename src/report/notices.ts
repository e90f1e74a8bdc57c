import type { OutdatedTally, SkippedKind, SkipTally, StaleTally, UnansweredTally } from '../core/file-summary.js';
import { STDIN_NAME } from '../source.js';
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

/** A hint on standard error: a better way to go on, which the user may not know of. */
function hintLine(message: string): string {
  return terminalText(`cm-maturity: hint: ${message}`);
}

/** A file name as a shell reads it back: as it is when plain, else in single quotes. */
function shellWord(file: string): string {
  return /^[\w./@+:,-]+$/.test(file) ? file : `'${file.replace(/'/g, `'\\''`)}'`;
}

/**
 * The hint for an answers file that names a built-in model without a version and fits only an
 * earlier version of it (so it is scored with that version): `migrate` moves it to the newest.
 */
export function migrateHint(file: string, model: { id: string; version: string }, newer: string): string {
  return hintLine(`${file} answers ${model.id} ${model.version} and is scored with it; cm-maturity migrate ${shellWord(file === STDIN_NAME ? '-' : file)} moves it to ${model.id} ${newer}, the newest version`);
}

/** The one hint for the many files of a run that answer an earlier version of their model, or null when none does. */
export function migrateHintSummary(tally: OutdatedTally, files: number): string | null {
  if (tally.count === 0) return null;
  if (tally.count === 1 && tally.only !== null) return tally.only;
  const named = tally.first.map((entry) => `${entry.file}: ${entry.model} ${entry.version}`).join(', ');
  const more = tally.count > tally.first.length ? ', …' : '';
  return hintLine(`${tally.count} of ${files} answers files answer an earlier version of their model and are scored with it (${named}${more}); cm-maturity migrate <file> moves one to the newest version; --verbose names every one`);
}

/** A note on standard error: what a run did that the user may not expect, but is no problem. */
function noteLine(message: string): string {
  return terminalText(`cm-maturity: note: ${message}`);
}

/** The stderr warning for unanswered indicators, or null when every one is answered; `file` names the file when there are several. */
export function unansweredWarning(report: Report, file?: string): string | null {
  const { unanswered, total } = report.completeness;
  if (unanswered.length === 0) return null;
  const sample = unanswered.slice(0, 3).join(', ') + (unanswered.length > 3 ? ', …' : '');
  return warningLine(`${file === undefined ? '' : `${file}: `}${unanswered.length} of ${total} indicators are unanswered and count as 0 (${sample}); --strict makes this an error`);
}

/**
 * The one warning for the unanswered indicators of many files, or null when every file answers
 * every indicator: how many files have some, and the ones with the most.
 */
export function unansweredSummary(tally: UnansweredTally, files: number): string | null {
  if (tally.count === 0) return null;
  const worst = tally.worst.map((entry) => `${entry.file} (${entry.unanswered} of ${entry.total})`).join(', ');
  const more = tally.count > tally.worst.length ? ', …' : '';
  const has = tally.count === 1 ? 'has' : 'have';
  return warningLine(`${tally.count} of ${files} answers files ${has} unanswered indicators, which count as 0; the most: ${worst}${more}; --verbose shows every file, --strict makes this an error`);
}

/**
 * The stderr warning for a report's stale answers (`--stale-after`), or null when none is stale;
 * `file` names the file when there are several. A report without a date has its own warning
 * (undatedStaleWarning).
 */
export function staleWarning(report: Report, file?: string): string | null {
  const stale = report.stale;
  if (!stale || stale.checkedBefore === null || stale.answers.length === 0) return null;
  const { answers } = stale;
  const sample = answers.slice(0, 3).map((answer) => `${answer.id} (${answer.checked})`).join(', ') + (answers.length > 3 ? ', …' : '');
  const were = answers.length === 1 ? 'answer was' : 'answers were';
  return warningLine(
    `${file === undefined ? '' : `${file}: `}${answers.length} ${were} last checked before ${stale.checkedBefore}, more than --stale-after ${stale.after} before the assessment's date ${report.date ?? ''}: ${sample}; --fail-on-stale makes this a gate`,
  );
}

/** The stderr warning for a report that `--stale-after` cannot judge, having no date, or null when it can. */
export function undatedStaleWarning(report: Report, file?: string): string | null {
  const stale = report.stale;
  if (!stale || stale.checkedBefore !== null) return null;
  return warningLine(`${file === undefined ? 'the assessment' : file} has no date:, so --stale-after ${stale.after} cannot judge its answers (stale answers are those checked that long before the assessment's date)`);
}

/**
 * The warnings of `--stale-after` over many files, each one line or none: the files with stale
 * answers (how many, and the ones with the most), and the files without a date, which cannot be judged.
 */
export function staleSummary(tally: StaleTally, files: number): string[] {
  const lines: string[] = [];
  const after = tally.after ?? '';
  if (tally.count > 0) {
    const worst = tally.worst.map((entry) => `${entry.file} (${entry.stale})`).join(', ');
    const more = tally.count > tally.worst.length ? ', …' : '';
    const has = tally.count === 1 ? 'has' : 'have';
    lines.push(warningLine(`${tally.count} of ${files} answers files ${has} stale answers, checked more than --stale-after ${after} before their date; the most: ${worst}${more}; --verbose shows every file, --fail-on-stale makes this a gate`));
  }
  if (tally.undated > 0) {
    const more = tally.undated > tally.firstUndated.length ? ', …; --verbose shows every file' : '';
    const [has, their] = tally.undated === 1 ? ['has', 'its'] : ['have', 'their'];
    lines.push(warningLine(`${tally.undated} of ${files} answers files ${has} no date:, so --stale-after ${after} cannot judge ${their} answers: ${tally.firstUndated.join(', ')}${more}`));
  }
  return lines;
}

const KIND_NAMES: Record<SkippedKind, [string, string]> = {
  model: ['model', 'models'],
  report: ['JSON report', 'JSON reports'],
  plan: ['plan', 'plans'],
  other: ['YAML file without organisation or answers', 'YAML files without organisation or answers'],
};

/** "2 models". */
function kindCount(kind: SkippedKind, count: number): string {
  return `${count} ${KIND_NAMES[kind][count === 1 ? 0 : 1]}`;
}

/**
 * The one note for the files found in folders or by patterns that were passed over, or null when
 * none was: how many of the `found`, of which kinds, naming the first few; `reads` says what the
 * command reads ("answers files").
 */
export function skippedSummary(tally: SkipTally, found: number, reads: string): string | null {
  if (tally.count === 0) return null;
  const kinds = (Object.keys(tally.byKind) as SkippedKind[]).filter((kind) => tally.byKind[kind] > 0).map((kind) => kindCount(kind, tally.byKind[kind]));
  const more = tally.count > tally.first.length ? ', …; --verbose names every one' : '';
  return noteLine(`skipped ${tally.count} of ${found} files found (not ${reads}): ${kinds.join(', ')} (${tally.first.join(', ')}${more})`);
}

/** The note for the assessments `benchmark --min-completeness` left out of its statistics: how many, and the first few. */
export function excludedNote(excluded: { count: number; first: readonly { file: string; answered: number; total: number }[] }, scored: number, min: number): string {
  const named = excluded.first.map((entry) => `${entry.file} (${entry.answered} of ${entry.total} answered)`).join(', ');
  const more = excluded.count > excluded.first.length ? ', …' : '';
  const were = excluded.count === 1 ? 'was' : 'were';
  return noteLine(`${excluded.count} of ${scored} assessments ${were} left out of the statistics by --min-completeness ${min}: ${named}${more}`);
}

/** The note for a migration `validate` could not check, as the earlier version it comes from was not found. */
export function migrationNotCheckedNote(file: string, from: string, why: string): string {
  return noteLine(`${file}: the migration from version ${from} is not checked against it: ${why}`);
}

/** The note for one file passed over (--verbose). */
export function skippedLine(skipped: { file: string; kind: SkippedKind }): string {
  return noteLine(`skipped ${skipped.file}: a ${KIND_NAMES[skipped.kind][0]}`);
}

/** The option of each gate that takes no value, by the gate's name in reports. */
const GATE_OPTIONS: Readonly<Record<string, string>> = {
  'no-regression': '--fail-on-regression',
  'no-stale': '--fail-on-stale',
  'behind-plan': '--fail-behind-plan',
  'stale-action': '--fail-on-stale-actions',
};

/** The stderr lines for the gates that failed; `file` names the answers file when there are several. */
export function gateFailureLines(report: Report, gates: readonly GateResult[], file?: string): string[] {
  return gates
    .filter((gate) => !gate.passed)
    .map((gate) => {
      const stage = Number.isInteger(gate.target) ? report.stages.find((candidate) => candidate.level === gate.target) : undefined;
      const target = stage ? `${stage.id} (${gate.target})` : String(gate.target);
      const option = gate.gate === 'fail-under' ? `--fail-under ${target}` : gate.gate === 'require' ? `--require ${gate.subject}=${target}` : GATE_OPTIONS[gate.gate] ?? gate.gate;
      return terminalText(`cm-maturity: gate failed (${option}): ${file === undefined ? '' : `${file}: `}${gateFailureText(gate, report)}`);
    });
}

/** The warning for `diff` of two assessments of differently named organisations (a renamed one, most often). */
export function renamedOrganisationWarning(file: string, organisation: string, oldFile: string, oldOrganisation: string): string {
  return warningLine(`${file}: this is an assessment of "${organisation}", but ${oldFile} is of "${oldOrganisation}"; they are compared as they are`);
}

/** The warning for a baseline of another organisation than the answers scored. */
export function otherOrganisationWarning(file: string, baseline: string, current: string): string {
  return warningLine(`${file}: the baseline is an assessment of "${baseline}", not of "${current}"; its scores are compared as they are`);
}
