import type { TextOptions } from '../fit.js';
import type { History } from '../../schema/history.js';
import type { Locale } from '../../locale/locale.js';

/** What a history format is given besides the history. */
interface HistoryFormatOptions extends TextOptions {
  /** The language of the texts and numbers shown to a person; JSON and CSV are the same in every language. */
  locale: Locale;
}

/** A history format: a pure function from an organisation's scores over time to the text to write. */
export type HistoryFormatter = (history: History, options: HistoryFormatOptions) => string;
