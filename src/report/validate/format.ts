import type { Validation } from '../../schema/validation.js';

/** One file as `validate` checked it, with the line that says so when it is valid. */
export type CheckedFile = Validation['files'][number] & {
  /** `ok <file>: …`, what the file is and holds; null for an invalid file. */
  summary: string | null;
};

/** A format of what `validate` found: a pure function from the files checked to the text for standard output. */
export type ValidationFormatter = (files: readonly CheckedFile[], options: { color: boolean }) => string;
