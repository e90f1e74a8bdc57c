import type { TextOptions } from '../fit.js';
import type { CsvDialect } from '../escape/csv.js';
import type { PortfolioEntry } from '../../core/portfolio.js';
import type { Locale } from '../../locale/locale.js';

/** A portfolio format: a pure function from the scored organisations, in order, to the text to write. */
export type PortfolioFormatter = (entries: readonly PortfolioEntry[], options: PortfolioFormatOptions) => string;

/** A binary portfolio format (`xlsx`): the scored organisations, in order, to the bytes of a file. */
export type BinaryPortfolioFormatter = (entries: readonly PortfolioEntry[], options: PortfolioFormatOptions) => Uint8Array;

interface PortfolioFormatOptions extends TextOptions {
  /** How the CSV formats separate cells and write numbers; RFC 4180 when absent. */
  csv?: CsvDialect;
  /** The language of the texts and numbers shown to a person; the CSV and JSON formats are the same in every language. */
  locale: Locale;
}
