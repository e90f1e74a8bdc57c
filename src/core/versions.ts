/**
 * Orders versions written as dot-separated numbers: 1.10 comes after 1.9. A part that is not a
 * number counts as 0, and versions equal as numbers (2 and 2.0) go by their text, so that the
 * order is total and the same every time.
 */
export function compareVersions(a: string, b: string): number {
  const left = a.split('.').map(partValue);
  const right = b.split('.').map(partValue);
  for (let index = 0; index < Math.max(left.length, right.length); index++) {
    const difference = (left[index] ?? 0) - (right[index] ?? 0);
    if (difference !== 0) return difference;
  }
  return a < b ? -1 : a > b ? 1 : 0;
}

function partValue(part: string): number {
  const value = Number(part);
  return Number.isFinite(value) ? value : 0;
}
