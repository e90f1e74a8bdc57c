import type { Locale } from '../../locale/locale.js';
import type { ModelNames } from '../../core/model-facts.js';
import type { Model } from '../../schema/model.js';
import type { Report } from '../../schema/report.js';
import { ENGLISH } from '../../locale/english.js';

export interface FormatOptions {
  /** Use terminal colours (only ever true when writing to a colour terminal). */
  color: boolean;
  /** How many next steps to list per competency; Infinity lists every one. */
  nextSteps: number;
  /**
   * The model the report was scored with. The HTML report's summary ranks the next steps of
   * every competency by how much each would raise the overall score, which needs the model's
   * indicator weights and scale; without it, the summary takes the first step of the three
   * weakest competencies.
   */
  model?: Model;
  /** HTML: print the appendix of every answer too (on screen it is always there, folded). */
  printAnswers?: boolean;
  /**
   * The language of every fixed text and the way numbers, percentages and dates are written;
   * English when not given (the library API's callers), so that a formatter reads nothing.
   */
  locale?: Locale;
  /** The terminal's width in columns, for the formats laid out for one (table); 80 when not given, never under 60. */
  width?: number;
  /**
   * The model's own names, as its file writes them, before any translation: what JUnit names its
   * suite, test cases and context property by, so that CI tools follow them from run to run
   * whatever the report's language. The report's names when not given.
   */
  names?: ModelNames;
}

/** A report format: a pure function from a scored report to the text to write. */
export type Formatter = (report: Report, options: FormatOptions) => string;

/** A binary report format (`xlsx`): a pure function from a scored report to the bytes of its file. */
export type BinaryFormatter = (report: Report, options: FormatOptions) => Uint8Array;

export const DEFAULT_NEXT_STEPS = 3;

/** The locale a report is written in: the one given, else English. */
export function reportLocale(options: Pick<FormatOptions, 'locale'>): Locale {
  return options.locale ?? ENGLISH;
}
