/** Collects the values of a repeatable option (`--require a --require b`). */
export function collect(value: string, previous: string[] | undefined): string[] {
  return [...(previous ?? []), value];
}
