import type { Report } from '../../schema/report.js';

export interface FormatOptions {
  /** Use terminal colours (only ever true when writing to a colour terminal). */
  color: boolean;
  /** How many next steps to list per competency; Infinity lists every one. */
  nextSteps: number;
  /** The terminal's width in columns, for the formats laid out for one (table); 80 when not given, never under 60. */
  width?: number;
}

/** A report format: a pure function from a scored report to the text to write. */
export type Formatter = (report: Report, options: FormatOptions) => string;

/** A binary report format (`xlsx`): a pure function from a scored report to the bytes of its file. */
export type BinaryFormatter = (report: Report, options: FormatOptions) => Uint8Array;

export const DEFAULT_NEXT_STEPS = 3;
