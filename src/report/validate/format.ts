import type { Locale } from '../../locale/locale.js';
import type { Validation } from '../../schema/validation.js';

/** One file as `validate` checked it, with the line that says so when it is valid. */
export type CheckedFile = Validation['files'][number] & {
  /** `ok <file>: …`, what the file is and holds; null for an invalid file. */
  summary: string | null;
};

/** A format of what `validate` found: a pure function from the files checked to the text for standard output. */
export type ValidationFormatter = (files: readonly CheckedFile[], options: ValidationFormatOptions) => string;

/** What a format of `validate` is given besides the files. */
interface ValidationFormatOptions {
  /** Use terminal colours (only ever true when writing to a colour terminal). */
  color: boolean;
  /** The language of the run: the lines themselves are written in it by the command; JSON is the same in every language. */
  locale: Locale;
}
