import type { TextOptions } from '../fit.js';
import type { Diff } from '../../schema/diff.js';
import type { Locale } from '../../locale/locale.js';

/** What a diff format is given besides the changes. */
interface DiffFormatOptions extends TextOptions {
  /** The language of the texts and numbers shown to a person; JSON is the same in every language. */
  locale: Locale;
}

/** A diff format: a pure function from the changes between two assessments to the text to write. */
export type DiffFormatter = (diff: Diff, options: DiffFormatOptions) => string;
