import { isMap, isPair, isScalar, isSeq, type Node as YamlNode } from 'yaml';
import type { ParsedSource } from './yaml.js';

export type PathSegment = string | number;

/** Whether a position should point at a mapping key or at its value. */
export type Target = 'key' | 'value';

export interface Position {
  line: number;
  column: number;
}

/**
 * The position of the node at `path` in the YAML document. Where the path goes further
 * than the document (a missing key), the deepest node that exists is used, so a missing
 * key is reported at the mapping that lacks it.
 */
export function locate(source: ParsedSource, path: readonly PathSegment[], target: Target = 'value'): Position {
  let node: unknown = source.document.contents;
  let offset = rangeStart(node) ?? 0;
  for (let index = 0; index < path.length; index++) {
    const segment = path[index];
    const last = index === path.length - 1;
    if (isMap(node)) {
      const pair = node.items.find((item) => isPair(item) && keyText(item.key) === String(segment));
      if (!pair) break;
      const keyOffset = rangeStart(pair.key);
      if (last && target === 'key' && keyOffset !== undefined) return toPosition(source, keyOffset);
      node = pair.value;
      // `key:` with nothing after it has no value node: point at the key.
      offset = rangeStart(node) ?? keyOffset ?? offset;
      if (node === null || node === undefined) break;
    } else if (isSeq(node) && typeof segment === 'number') {
      const item = node.items[segment];
      if (item === undefined) break;
      node = item;
      offset = rangeStart(node) ?? offset;
    } else {
      break;
    }
  }
  return toPosition(source, offset);
}

/** The source text of the scalar at `path`, exactly as written, or undefined when there is none. */
export function scalarSourceAt(source: ParsedSource, path: readonly PathSegment[]): string | undefined {
  let node: unknown = source.document.contents;
  for (const segment of path) {
    if (isMap(node)) node = node.items.find((item) => isPair(item) && keyText(item.key) === String(segment))?.value;
    else if (isSeq(node) && typeof segment === 'number') node = node.items[segment];
    else return undefined;
  }
  if (!isScalar(node) || !node.range) return undefined;
  return source.text.slice(node.range[0], node.range[1]);
}

function keyText(key: unknown): string | undefined {
  if (isScalar(key)) return String(key.value);
  return undefined;
}

function rangeStart(node: unknown): number | undefined {
  const range = (node as YamlNode | null | undefined)?.range;
  return range ? range[0] : undefined;
}

function toPosition(source: ParsedSource, offset: number): Position {
  const { line, col } = source.lines.linePos(offset);
  return { line, column: col };
}
