import { InvalidArgumentError } from 'commander';
import { MIN_WIDTH } from '../report/width.js';
import type { Locale } from '../locale/locale.js';
import { streamWriter, type OutputStream } from '../write/stream-writer.js';

/**
 * What a run reads and writes besides files: the standard streams and the environment. Commands
 * get it from the caller, so that the same run can happen in a process or inside a test.
 */
export interface Io {
  readonly stdout: OutputStream;
  readonly stderr: OutputStream;
  readonly stdin: NodeJS.ReadableStream & { isTTY?: boolean };
  readonly env: NodeJS.ProcessEnv;
  /** The width in columns of the terminal standard output is, when it is one. */
  readonly columns?: number;
}

/** The process's own streams, each made when first used (a run that never reads standard input does not open it), and its environment. */
export function processIo(): Io {
  let stdout: OutputStream | undefined;
  let stderr: OutputStream | undefined;
  return {
    get stdout() {
      return (stdout ??= streamWriter(process.stdout, 'stdout'));
    },
    get stderr() {
      return (stderr ??= streamWriter(process.stderr, 'stderr'));
    },
    get stdin() {
      return process.stdin;
    },
    env: process.env,
    get columns() {
      return process.stdout.isTTY ? process.stdout.columns : undefined;
    },
  };
}

/**
 * The width a table or text report is laid out for: --width when given; else, when the report is
 * printed on a terminal, the terminal's width; else the COLUMNS environment variable; else none,
 * and the formatter lays it out for 80 columns. A report written to a file (-o) does not follow
 * the terminal it was run in, so that the file is the same whoever writes it.
 */
export function outputWidth(io: Io, output: string | undefined, option: number | undefined): number | undefined {
  if (option !== undefined) return option;
  const toStdout = output === undefined || output === '-';
  if (toStdout && io.stdout.isTTY && io.columns !== undefined && io.columns > 0) return io.columns;
  const columns = io.env.COLUMNS?.trim() ?? '';
  return /^\d{1,6}$/.test(columns) && Number(columns) > 0 ? Number(columns) : undefined;
}

/** --width: a whole number of columns, at least the narrowest layout. */
export function widthParser(locale: Locale): (value: string) => number {
  return (value) => {
    const width = Number(value);
    if (!/^\d{1,6}$/.test(value) || width < MIN_WIDTH) throw new InvalidArgumentError(locale.t('cli.option.width.invalid', { min: MIN_WIDTH }));
    return width;
  };
}
