import { existsSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The script of a worker thread: beside the bundle that runs (dist/), or in dist/ when the code
 * runs from the sources (in tests, which build it first).
 */
export function threadScript(name: 'score-worker.cjs' | 'list-worker.cjs'): string {
  const bundled = join(import.meta.dirname, name);
  const fromSources = join(import.meta.dirname, '..', 'dist', name);
  return !existsSync(bundled) && existsSync(fromSources) ? fromSources : bundled;
}
