import type { TextOptions } from '../fit.js';
import type { Diff } from '../../schema/diff.js';

/** A diff format: a pure function from the changes between two assessments to the text to write. */
export type DiffFormatter = (diff: Diff, options: TextOptions) => string;
