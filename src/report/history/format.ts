import type { TextOptions } from '../fit.js';
import type { History } from '../../schema/history.js';

/** A history format: a pure function from an organisation's scores over time to the text to write. */
export type HistoryFormatter = (history: History, options: TextOptions) => string;
