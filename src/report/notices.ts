import type { OutdatedTally, SkippedKind, SkipTally, StaleTally, UnansweredTally } from '../core/file-summary.js';
import { STDIN_NAME } from '../source.js';
import { gateFailureText } from '../core/gates.js';
import { formatDiagnostic, type Diagnostic } from '../errors.js';
import type { GateResult, Report } from '../schema/report.js';
import { terminalText } from './escape/terminal.js';
import type { Locale } from '../locale/locale.js';

// What a run says on standard error about a report, besides its errors: warnings and failed gates.
// Each is one line, made inert for a terminal (terminalText): it names files and quotes their texts.

/**
 * A warning about no place in particular, worded as the tool's errors are (`cm-maturity: error: …`):
 * `cm-maturity: warning: …`, one inert line.
 */
export function warningLine(locale: Locale, message: string): string {
  return terminalText(`cm-maturity: ${locale.t('cli.notice.warning', { message })}`);
}

/** A warning at a place in a file, shaped as a located error: `file:line:col: warning: …`, one inert line. */
export function locatedWarning(locale: Locale, warning: Diagnostic): string {
  return formatDiagnostic({ ...warning, message: locale.t('cli.notice.warning', { message: warning.message }) });
}

/** A hint on standard error: a better way to go on, which the user may not know of. */
function hintLine(locale: Locale, message: string): string {
  return terminalText(`cm-maturity: ${locale.t('cli.notice.hint', { message })}`);
}

/** A file name as a shell reads it back: as it is when plain, else in single quotes. */
function shellWord(file: string): string {
  return /^[\w./@+:,-]+$/.test(file) ? file : `'${file.replace(/'/g, `'\\''`)}'`;
}

/**
 * The hint for an answers file that names a built-in model without a version and fits only an
 * earlier version of it (so it is scored with that version): `migrate` moves it to the newest.
 */
export function migrateHint(locale: Locale, file: string, model: { id: string; version: string }, newer: string): string {
  return hintLine(locale, locale.t('cli.notice.migrateHint', { file, model: `${model.id} ${model.version}`, word: shellWord(file === STDIN_NAME ? '-' : file), newer: `${model.id} ${newer}` }));
}

/** The one hint for the many files of a run that answer an earlier version of their model, or null when none does. */
export function migrateHintSummary(locale: Locale, tally: OutdatedTally, files: number): string | null {
  if (tally.count === 0) return null;
  if (tally.count === 1 && tally.only !== null) return tally.only;
  const named = tally.first.map((entry) => `${entry.file}: ${entry.model} ${entry.version}`).join(', ');
  const more = tally.count > tally.first.length ? ', …' : '';
  return hintLine(locale, locale.t('cli.notice.migrateHintSummary', { count: tally.count, files, named: `${named}${more}` }));
}

/** A note on standard error: what a run did that the user may not expect, but is no problem. */
function noteLine(locale: Locale, message: string): string {
  return terminalText(`cm-maturity: ${locale.t('cli.notice.note', { message })}`);
}

/** The stderr warning for unanswered indicators, or null when every one is answered; `file` names the file when there are several. */
export function unansweredWarning(locale: Locale, report: Report, file?: string): string | null {
  const { unanswered, total } = report.completeness;
  if (unanswered.length === 0) return null;
  const sample = unanswered.slice(0, 3).join(', ') + (unanswered.length > 3 ? ', …' : '');
  return warningLine(locale, locale.t('cli.notice.unanswered', { file: file === undefined ? '' : `${file}: `, count: unanswered.length, total, sample }));
}

/**
 * The one warning for the unanswered indicators of many files, or null when every file answers
 * every indicator: how many files have some, and the ones with the most.
 */
export function unansweredSummary(locale: Locale, tally: UnansweredTally, files: number): string | null {
  if (tally.count === 0) return null;
  const worst = tally.worst.map((entry) => locale.t('cli.notice.outOf', { file: entry.file, count: entry.unanswered, total: entry.total })).join(', ');
  const more = tally.count > tally.worst.length ? ', …' : '';
  return warningLine(locale, locale.t('cli.notice.unansweredSummary', { count: tally.count, files, worst: `${worst}${more}` }));
}

/**
 * The stderr warning for a report's stale answers (`--stale-after`), or null when none is stale;
 * `file` names the file when there are several. A report without a date has its own warning
 * (undatedStaleWarning).
 */
export function staleWarning(locale: Locale, report: Report, file?: string): string | null {
  const stale = report.stale;
  if (!stale || stale.checkedBefore === null || stale.answers.length === 0) return null;
  const { answers } = stale;
  // Dates as the language writes them (ISO in English), like the reports' own.
  const sample = answers.slice(0, 3).map((answer) => `${answer.id} (${locale.date(answer.checked)})`).join(', ') + (answers.length > 3 ? ', …' : '');
  return warningLine(
    locale,
    locale.t('cli.notice.stale', {
      file: file === undefined ? '' : `${file}: `,
      count: answers.length,
      before: locale.date(stale.checkedBefore),
      after: stale.after,
      date: report.date ? locale.date(report.date) : '',
      sample,
    }),
  );
}

/** The stderr warning for a report that `--stale-after` cannot judge, having no date, or null when it can. */
export function undatedStaleWarning(locale: Locale, report: Report, file?: string): string | null {
  const stale = report.stale;
  if (!stale || stale.checkedBefore !== null) return null;
  return warningLine(locale, file === undefined ? locale.t('cli.notice.undated', { after: stale.after }) : locale.t('cli.notice.undatedFile', { file, after: stale.after }));
}

/**
 * The warnings of `--stale-after` over many files, each one line or none: the files with stale
 * answers (how many, and the ones with the most), and the files without a date, which cannot be judged.
 */
export function staleSummary(locale: Locale, tally: StaleTally, files: number): string[] {
  const lines: string[] = [];
  const after = tally.after ?? '';
  if (tally.count > 0) {
    const worst = tally.worst.map((entry) => `${entry.file} (${entry.stale})`).join(', ');
    const more = tally.count > tally.worst.length ? ', …' : '';
    lines.push(warningLine(locale, locale.t('cli.notice.staleSummary', { count: tally.count, files, after, worst: `${worst}${more}` })));
  }
  if (tally.undated > 0) {
    const first = tally.firstUndated.join(', ');
    const values = { count: tally.undated, files, after, first };
    lines.push(warningLine(locale, locale.t(tally.undated > tally.firstUndated.length ? 'cli.notice.undatedSummaryMore' : 'cli.notice.undatedSummary', values)));
  }
  return lines;
}

/** "2 models". */
function kindCount(locale: Locale, kind: SkippedKind, count: number): string {
  return locale.t(`cli.notice.kinds.${kind}`, { count });
}

/**
 * The one note for the files found in folders or by patterns that were passed over, or null when
 * none was: how many of the `found`, of which kinds, naming the first few; `reads` says what the
 * command reads ("answers files").
 */
export function skippedSummary(locale: Locale, tally: SkipTally, found: number, reads: string): string | null {
  if (tally.count === 0) return null;
  const kinds = (Object.keys(tally.byKind) as SkippedKind[]).filter((kind) => tally.byKind[kind] > 0).map((kind) => kindCount(locale, kind, tally.byKind[kind]));
  const values = { count: tally.count, found, reads, kinds: kinds.join(', '), first: tally.first.join(', ') };
  return noteLine(locale, locale.t(tally.count > tally.first.length ? 'cli.notice.skippedSummaryMore' : 'cli.notice.skippedSummary', values));
}

/** The note for the assessments `benchmark --min-completeness` left out of its statistics: how many, and the first few. */
export function excludedNote(locale: Locale, excluded: { count: number; first: readonly { file: string; answered: number; total: number }[] }, scored: number, min: number): string {
  const named = excluded.first.map((entry) => locale.t('cli.notice.answeredOutOf', { file: entry.file, answered: entry.answered, total: entry.total })).join(', ');
  const more = excluded.count > excluded.first.length ? ', …' : '';
  return noteLine(locale, locale.t('cli.notice.excluded', { count: excluded.count, scored, min: String(min), named: `${named}${more}` }));
}

/** The note for a migration `validate` could not check, as the earlier version it comes from was not found. */
export function migrationNotCheckedNote(locale: Locale, file: string, from: string, why: string): string {
  return noteLine(locale, locale.t('cli.notice.migrationNotChecked', { file, from, why }));
}

/** The note for one file passed over (--verbose). */
export function skippedLine(locale: Locale, skipped: { file: string; kind: SkippedKind }): string {
  return noteLine(locale, locale.t(`cli.notice.skipped.${skipped.kind}`, { file: skipped.file }));
}

/** The option of each gate that takes no value, by the gate's name in reports. */
const GATE_OPTIONS: Readonly<Record<string, string>> = {
  'no-regression': '--fail-on-regression',
  'no-stale': '--fail-on-stale',
  'behind-plan': '--fail-behind-plan',
  'stale-action': '--fail-on-stale-actions',
};

/** The stderr lines for the gates that failed; `file` names the answers file when there are several. */
export function gateFailureLines(locale: Locale, report: Report, gates: readonly GateResult[], file?: string): string[] {
  return gates
    .filter((gate) => !gate.passed)
    .map((gate) => {
      const stage = Number.isInteger(gate.target) ? report.stages.find((candidate) => candidate.level === gate.target) : undefined;
      const target = stage ? `${stage.id} (${gate.target})` : String(gate.target);
      const option = gate.gate === 'fail-under' ? `--fail-under ${target}` : gate.gate === 'require' ? `--require ${gate.subject}=${target}` : GATE_OPTIONS[gate.gate] ?? gate.gate;
      return terminalText(`cm-maturity: ${locale.t('cli.notice.gateFailed', { option, file: file === undefined ? '' : `${file}: `, text: gateFailureText(gate, report, locale) })}`);
    });
}

/** The warning for `diff` of two assessments of differently named organisations (a renamed one, most often). */
export function renamedOrganisationWarning(locale: Locale, file: string, organisation: string, oldFile: string, oldOrganisation: string): string {
  return warningLine(locale, locale.t('cli.notice.renamedOrganisation', { file, organisation, oldFile, oldOrganisation }));
}

/** The warning for a baseline of another organisation than the answers scored. */
export function otherOrganisationWarning(locale: Locale, file: string, baseline: string, current: string): string {
  return warningLine(locale, locale.t('cli.notice.otherOrganisation', { file, baseline, current }));
}
