import { csvText } from '../escape/csv.js';
import type { PortfolioFormatter } from './format.js';

/**
 * Every answer of every organisation as CSV (RFC 4180, or the dialect of `--excel`): one row per
 * organisation and indicator, organisations in `--sort` order, indicators in model order, with
 * the organisation, file, competency id, indicator id, stage id, answer (a scale id or `n/a`;
 * empty when unanswered) and note.
 */
export const formatPortfolioCsvAnswers: PortfolioFormatter = (entries, { csv }) => {
  const header = ['organisation', 'file', 'competency', 'indicator', 'stage', 'answer', 'note'];
  const records = entries.flatMap(({ file, report }) =>
    report.competencies.flatMap((competency) =>
      competency.indicators.map((indicator) => [report.organisation, file, competency.id, indicator.id, indicator.stage, indicator.answer ?? '', indicator.note ?? '']),
    ),
  );
  return csvText([header, ...records], csv);
};
