import type { Locale } from '../../locale/locale.js';
import type { Disagreement } from '../../schema/disagreement.js';

export interface DisagreementFormatOptions {
  locale: Locale;
  /** Use terminal colours (only ever true when writing to a colour terminal). */
  color: boolean;
  /** The terminal's width in columns, for the table format; 80 when not given. */
  width?: number;
}

/** A disagreement report format: a pure function from the disagreement to the text to write. */
export type DisagreementFormatter = (disagreement: Disagreement, options: DisagreementFormatOptions) => string;

/** The binary format (`xlsx`): the bytes of its file. */
export type BinaryDisagreementFormatter = (disagreement: Disagreement, options: DisagreementFormatOptions) => Uint8Array;
