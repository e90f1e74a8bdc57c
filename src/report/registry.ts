/**
 * A family of output formats (one report, many organisations, a benchmark, a diff, a history):
 * the names `--format` takes, each loaded only when it is asked for, so that a run evaluates the
 * code of the one format it writes. Adding a format to a family is one file and one entry.
 */
export interface FormatRegistry<Name extends string, Formatter> {
  readonly names: Name[];
  load(name: Name): Promise<Formatter>;
}

export function formatRegistry<Name extends string, Formatter>(loaders: Record<Name, () => Promise<Formatter>>): FormatRegistry<Name, Formatter> {
  return { names: Object.keys(loaders) as Name[], load: (name) => loaders[name]() };
}
