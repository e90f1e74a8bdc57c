/**
 * A family of output formats (one report, many organisations, a benchmark, a diff, a history):
 * the names `--format` takes, each loaded only when it is asked for, so that a run evaluates the
 * code of the one format it writes. Adding a format to a family is one file and one entry.
 *
 * Each name keeps its own formatter type: a text format gives a string, a binary one (`xlsx`)
 * the bytes of its file.
 */
export interface FormatRegistry<Loaders extends Record<string, () => Promise<unknown>>> {
  readonly names: (keyof Loaders & string)[];
  load<Name extends keyof Loaders & string>(name: Name): ReturnType<Loaders[Name]>;
}

export function formatRegistry<Loaders extends Record<string, () => Promise<unknown>>>(loaders: Loaders): FormatRegistry<Loaders> {
  return {
    names: Object.keys(loaders) as (keyof Loaders & string)[],
    load: (name) => loaders[name]!() as ReturnType<Loaders[typeof name]>,
  };
}

/** What a formatter gives: text, or the bytes of a binary file. */
export type FormatOutput = string | Uint8Array;

/** The formats whose output is a binary file: written to a file or a pipe, never to a terminal. */
export const BINARY_FORMATS: readonly string[] = ['xlsx'];
