import { formatRegistry } from '../registry.js';
import type { QuestionsFormatter } from './format.js';

/** The formats of `form --questions`: the questions for pasting into a form builder. */
export const questionFormats = formatRegistry({
  csv: async (): Promise<QuestionsFormatter> => (await import('./questions-csv.js')).formatQuestionsCsv,
});

export type QuestionsFormatName = (typeof questionFormats.names)[number];
