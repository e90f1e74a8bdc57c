import type { DisagreementFormatter } from './format.js';

/** The disagreement as pretty-printed JSON (`disagreementSchema`): figures as computed, every respondent's answers. */
export const formatDisagreementJson: DisagreementFormatter = (disagreement) => `${JSON.stringify(disagreement, null, 2)}\n`;
