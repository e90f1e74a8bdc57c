import type { Formatter } from './format.js';

/** The report as stable, pretty-printed JSON; keys in a fixed order, so equal input gives equal bytes. */
export const formatJson: Formatter = (report) => `${JSON.stringify(report, null, 2)}\n`;
