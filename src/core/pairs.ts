// Two sets of assessments paired by organisation, as `diff` compares two folders.

/** An assessment on one side, by the organisation it is of. */
export interface Sided<T> {
  organisation: string;
  value: T;
}

/** What pairing two sides gives: the pairs in organisation order, the ones without a partner, and any second assessment of an organisation on one side. */
export interface Pairing<T> {
  pairs: { organisation: string; old: T; new: T }[];
  onlyOld: Sided<T>[];
  onlyNew: Sided<T>[];
  /** An assessment of an organisation already met on the same side: which one, and the first. */
  repeated: { side: 'old' | 'new'; value: T; first: T }[];
}

/** Pairs the assessments of two sides by organisation name, exactly as written. Pure. */
export function pairByOrganisation<T>(old: readonly Sided<T>[], current: readonly Sided<T>[]): Pairing<T> {
  const repeated: Pairing<T>['repeated'] = [];
  const index = (side: 'old' | 'new', list: readonly Sided<T>[]) => {
    const byName = new Map<string, T>();
    for (const item of list) {
      const first = byName.get(item.organisation);
      if (first === undefined) byName.set(item.organisation, item.value);
      else repeated.push({ side, value: item.value, first });
    }
    return byName;
  };
  const oldByName = index('old', old);
  const newByName = index('new', current);
  const pairs = [...oldByName.keys()]
    .filter((name) => newByName.has(name))
    .sort(compareNames)
    .map((organisation) => ({ organisation, old: oldByName.get(organisation)!, new: newByName.get(organisation)! }));
  const only = (byName: Map<string, T>, other: Map<string, T>) =>
    [...byName.entries()].filter(([name]) => !other.has(name)).sort(([a], [b]) => compareNames(a, b)).map(([organisation, value]) => ({ organisation, value }));
  return { pairs, onlyOld: only(oldByName, newByName), onlyNew: only(newByName, oldByName), repeated };
}

/** Case-insensitive first (people read "acme" next to "Acme"), then exact, so the order is total. */
function compareNames(a: string, b: string): number {
  const lowerA = a.toLowerCase();
  const lowerB = b.toLowerCase();
  if (lowerA !== lowerB) return lowerA < lowerB ? -1 : 1;
  return a < b ? -1 : a > b ? 1 : 0;
}
