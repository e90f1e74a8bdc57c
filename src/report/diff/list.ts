import type { Diff } from '../../schema/diff.js';
import type { DiffFormatter, DiffScale } from './format.js';

/**
 * The diffs of two folders, one per organisation: `json` as one array of diff objects, the other
 * formats each diff as it would be alone, one after the other with a blank line between, each
 * with the scale of its own model (`scales`, in the order of `diffs`) when it is known.
 */
export function formatDiffList(diffs: readonly Diff[], name: string, format: DiffFormatter, options: Parameters<DiffFormatter>[1], scales: readonly DiffScale[] = []): string {
  if (name === 'json') return `${JSON.stringify(diffs, null, 2)}\n`;
  return diffs.map((diff, index) => format(diff, { ...options, scale: scales[index] })).join('\n');
}
