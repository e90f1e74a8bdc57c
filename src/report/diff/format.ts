import type { TextOptions } from '../fit.js';
import type { Diff } from '../../schema/diff.js';
import type { Locale } from '../../locale/locale.js';

/** What a diff format is given besides the changes. */
interface DiffFormatOptions extends TextOptions {
  /** The language of the texts and numbers shown to a person; JSON is the same in every language. */
  locale: Locale;
  /**
   * The scale of the model compared, its labels in the report's language: the formats for people
   * show answers by them in a language but English (see answerLabels); by the scale's ids without it.
   */
  scale?: DiffScale;
}

/** A model's scale as a diff's answers are shown by: each level's id and label. */
export type DiffScale = readonly { id: string; label: string }[] | undefined;

/** A diff format: a pure function from the changes between two assessments to the text to write. */
export type DiffFormatter = (diff: Diff, options: DiffFormatOptions) => string;
