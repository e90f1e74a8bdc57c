import type { HistoryFormatter } from './format.js';

/** The history as pretty-printed JSON. */
export const formatHistoryJson: HistoryFormatter = (history) => `${JSON.stringify(history, null, 2)}\n`;
