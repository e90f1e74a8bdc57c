import { appliesIn } from '../../core/assessment.js';
import { NOT_APPLICABLE } from '../../schema/constants.js';
import type { Model } from '../../schema/model.js';
import { csvText } from '../escape/csv.js';
import type { QuestionsFormatter } from './format.js';

/**
 * The questions for a form builder, one CSV line per indicator that applies: the question as
 * `<indicator text> [<indicator id>]`, then the answers to offer, the scale's labels and `n/a`.
 * The id in brackets at the end is what `import` matches a survey export's columns by, so it is
 * always the last thing in the question, whatever the text holds.
 */
export const formatQuestionsCsv: QuestionsFormatter = (model: Model, context: string | null) => {
  const choices = [...model.scale.map((level) => level.label), NOT_APPLICABLE];
  const rows = model.competencies.flatMap((competency) =>
    competency.indicators.filter((indicator) => appliesIn(indicator, context)).map((indicator) => [`${indicator.text.replace(/\s+/g, ' ').trim()} [${indicator.id}]`, ...choices]),
  );
  return csvText(rows);
};
