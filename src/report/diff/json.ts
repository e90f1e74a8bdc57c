import type { DiffFormatter } from './format.js';

/** The changes as pretty-printed JSON. */
export const formatDiffJson: DiffFormatter = (diff) => `${JSON.stringify(diff, null, 2)}\n`;
