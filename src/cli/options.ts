import { extname } from 'node:path';
import { InvalidArgumentError } from 'commander';
import { UserError } from '../errors.js';

/** Collects the values of a repeatable option (`--require a --require b`). */
export function collect(value: string, previous: string[] | undefined): string[] {
  return [...(previous ?? []), value];
}

/**
 * The format an output file's extension stands for, matched whatever its case. A format missing
 * from a command's registry is refused for that command rather than written as another format.
 */
const EXTENSION_FORMATS: Readonly<Record<string, string>> = {
  '.json': 'json',
  '.jsonl': 'jsonl',
  '.ndjson': 'jsonl',
  '.csv': 'csv',
  '.md': 'markdown',
  '.markdown': 'markdown',
  '.html': 'html',
  '.htm': 'html',
  '.xml': 'junit',
  '.txt': 'table',
  '.xlsx': 'xlsx',
};

/** Formats that write the same kind of file as another: `-f csv-answers -o answers.csv` is no conflict. */
const VARIANT_OF: Readonly<Record<string, string>> = { 'csv-answers': 'csv', 'csv-actions': 'csv' };

/** The format an extension must name for a file to be written in `format`. */
const fileKindOf = (format: string): string => VARIANT_OF[format] ?? format;

/** The format that the file name's extension asks for, or undefined when it names none (`-`, `report`, `out.log`). */
export function formatOfExtension(path: string): string | undefined {
  if (path === '-') return undefined;
  const extension = extname(path).toLowerCase();
  return Object.hasOwn(EXTENSION_FORMATS, extension) ? EXTENSION_FORMATS[extension] : undefined;
}

/** For help texts: the extension of each of `names` that has one, with its format where the two differ (`.md markdown`). */
export function extensionsOf(names: readonly string[]): string {
  const first = new Map<string, string>();
  for (const [extension, format] of Object.entries(EXTENSION_FORMATS)) if (names.includes(format) && !first.has(format)) first.set(format, extension);
  return [...first].map(([format, extension]) => (extension === `.${format}` ? extension : `${extension} ${format}`)).join(', ');
}

/** One output of a run: where it goes and in which format. */
export interface OutputTarget<Name extends string> {
  /** The file, or undefined for standard output. */
  path: string | undefined;
  format: Name;
}

export interface OutputRequest<Name extends string> {
  /** The `-o` values, in order; none means standard output. */
  output: readonly string[] | undefined;
  /** `-f` as given, or undefined when it is not. */
  format: string | undefined;
  /** The formats this run can write. */
  names: readonly Name[];
  /** Why a format is not one of `names`, said after the option asking for it. */
  unavailable: (format: string) => string;
}

/** The format of standard output and of files without a known extension when `-f` is not given. */
const DEFAULT_FORMAT = 'table';

/**
 * Every output of a run with its format: a file's extension gives its format; `-f` gives the
 * format of standard output and of files whose extension names none. A `-f` that applies to no
 * output and disagrees with a file's extension is refused, as is an extension of a format the run
 * cannot write: a file whose name says one format never holds another. A `-f` naming a variant of
 * an extension's format (csv-answers for .csv) sets the format of the files with that extension.
 */
export function outputTargets<Name extends string>(request: OutputRequest<Name>): OutputTarget<Name>[] {
  const paths = request.output === undefined || request.output.length === 0 ? ['-'] : request.output;
  const variant = request.format !== undefined && fileKindOf(request.format) !== request.format ? request.format : undefined;
  const named = paths.map((path) => {
    const byExtension = formatOfExtension(path);
    return { path, byExtension: variant !== undefined && byExtension === fileKindOf(variant) ? variant : byExtension };
  });
  const problems: string[] = [];
  const takesFormatOption = named.some((output) => output.byExtension === undefined || (variant !== undefined && output.byExtension === variant));
  if (request.format !== undefined && !takesFormatOption) {
    for (const { path, byExtension } of named) {
      if (byExtension !== request.format) {
        problems.push(`--format ${request.format} conflicts with -o ${path}, which its extension makes ${byExtension}; --format sets only standard output (-o -) and files without a known extension`);
      }
    }
  }
  const isName = (format: string): format is Name => (request.names as readonly string[]).includes(format);
  const optionFormat = request.format ?? DEFAULT_FORMAT;
  if (takesFormatOption && !isName(optionFormat)) problems.push(`--format ${optionFormat} ${request.unavailable(optionFormat)}`);
  for (const { path, byExtension } of named) {
    if (byExtension !== undefined && !isName(byExtension)) problems.push(`-o ${path}: ${byExtension} (its extension) ${request.unavailable(byExtension)}`);
  }
  if (problems.length > 0) throw new UserError([...new Set(problems)].join('; '));
  return named.map(({ path, byExtension }) => ({ path: path === '-' ? undefined : path, format: (byExtension ?? optionFormat) as Name }));
}

/** The reason for `unavailable` when a command has one family of formats. */
export function notAFormatOf(command: string, names: readonly string[]): (format: string) => string {
  return () => `is not a format of ${command}; it writes ${names.join(', ')}`;
}

/** `--regression-tolerance`: a number of score points, 0 or more, written in decimal. */
export function parseTolerance(value: string): number {
  const points = Number(value);
  if (!/^(\d+(\.\d*)?|\.\d+)$/.test(value.trim()) || !Number.isFinite(points)) throw new InvalidArgumentError('expected a number of score points, 0 or more (0.05)');
  return points;
}

/** --jobs: a whole number of threads, at least 1. */
export function parseJobs(value: string): number {
  const jobs = Number(value);
  if (!/^\d+$/.test(value) || !Number.isSafeInteger(jobs) || jobs < 1) throw new InvalidArgumentError('expected a whole number of threads, 1 or more');
  return jobs;
}
