import type { MessageKey } from './locale/keys.js';
import type { Locale } from './locale/locale.js';
import { terminalText } from './report/escape/terminal.js';

/** One problem found in a user's input, located in its file. Lines and columns are 1-based. */
export interface Diagnostic {
  file: string;
  line: number;
  column: number;
  /** A stable, machine-readable code such as `yaml-syntax` or `unknown-indicator`. */
  code: string;
  message: string;
}

/**
 * The one error type for problems the user can fix: bad input files or bad usage.
 * The CLI prints its diagnostics and exits 2; anything else thrown is an internal failure (exit 3).
 */
export class UserError extends Error {
  readonly diagnostics: Diagnostic[];
  /** The message as a catalogue key, when it was raised where the run's language is not known: printed in that language. */
  readonly said: SaidMessage | undefined;

  constructor(diagnostics: Diagnostic[] | string, said?: SaidMessage) {
    const list = typeof diagnostics === 'string' ? [] : sortDiagnostics(diagnostics);
    super(typeof diagnostics === 'string' ? diagnostics : list.map(formatDiagnostic).join('\n'));
    this.name = 'UserError';
    this.diagnostics = list;
    this.said = said;
  }
}

/** A message by its key and values, said in whichever language the error is printed in. */
export interface SaidMessage {
  key: MessageKey;
  values?: Readonly<Record<string, string | number>>;
}

/** What a user error without diagnostics says, in `locale`'s language when it was raised by key. */
export function userErrorText(error: UserError, locale: Locale): string {
  return error.said === undefined ? error.message : locale.t(error.said.key, error.said.values);
}

/** An error thrown in a worker thread, as it is sent to the main thread: the user's (a UserError) or an internal failure. */
export interface ThreadError {
  usage: boolean;
  message: string;
  stack?: string;
}

/** What a worker thread sends of an error it met. */
export function threadError(error: unknown): ThreadError {
  if (error instanceof UserError) return { usage: true, message: error.message };
  return { usage: false, message: error instanceof Error ? error.message : String(error), stack: error instanceof Error ? error.stack : undefined };
}

/** An error a worker thread sent, as it would have been thrown on the main thread. */
export function revivedError(error: ThreadError): Error {
  if (error.usage) return new UserError(error.message);
  const revived = new Error(error.message);
  if (error.stack !== undefined) revived.stack = error.stack;
  return revived;
}

/** A diagnostic for the whole file, at its first line. */
export function fileDiagnostic(file: string, code: string, message: string): Diagnostic {
  return { file, line: 1, column: 1, code, message };
}

/**
 * `file:line:col: message`, one line whatever the file's name or the message hold: a control
 * character in either (a line break, ESC) is shown escaped, so it can neither forge another
 * line nor act on the terminal.
 */
export function formatDiagnostic(d: Diagnostic): string {
  return `${terminalText(d.file)}:${d.line}:${d.column}: ${terminalText(d.message)}`;
}

export function sortDiagnostics(list: Diagnostic[]): Diagnostic[] {
  return [...list].sort(
    (a, b) =>
      compareText(a.file, b.file) || a.line - b.line || a.column - b.column || compareText(a.message, b.message),
  );
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
