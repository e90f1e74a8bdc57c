import { staleIds } from '../../core/stale.js';
import { csvText } from '../escape/csv.js';
import { hasAnswerDetails } from '../text.js';
import type { PortfolioFormatter } from './format.js';

/**
 * Every answer of every organisation as CSV (RFC 4180, or the dialect of `--excel`): one row per
 * organisation and indicator, organisations in `--sort` order, indicators in model order, with
 * the organisation, file, competency id, indicator id, stage id, answer (a scale id or `n/a`;
 * empty when unanswered) and note. When some answer carries evidence or a date checked, or an
 * indicator is outside its assessment's context, or with `--stale-after`, four more: `in_context`
 * (`no` for an indicator outside the context, which counts as `n/a`), `checked` (YYYY-MM-DD),
 * `stale` (`yes` or `no` for an answer `--stale-after` judged, else empty) and `evidence` (one item a line).
 */
export const formatPortfolioCsvAnswers: PortfolioFormatter = (entries, { csv }) => {
  const details = entries.some(({ report }) => hasAnswerDetails(report));
  const header = ['organisation', 'file', 'competency', 'indicator', 'stage', 'answer', 'note', ...(details ? ['in_context', 'checked', 'stale', 'evidence'] : [])];
  const records = entries.flatMap(({ file, report }) => {
    const stale = staleIds(report);
    const judged = report.stale !== undefined && report.stale.checkedBefore !== null;
    return report.competencies.flatMap((competency) =>
      competency.indicators.map((indicator) => [
        report.organisation,
        file,
        competency.id,
        indicator.id,
        indicator.stage,
        indicator.answer ?? '',
        indicator.note ?? '',
        ...(details
          ? [
              indicator.applicable === false ? 'no' : 'yes',
              indicator.checked ?? '',
              stale.has(indicator.id) ? 'yes' : judged && indicator.checked !== undefined && indicator.answer !== null && indicator.applicable !== false ? 'no' : '',
              indicator.evidence?.join('\n') ?? '',
            ]
          : []),
      ]),
    );
  });
  return csvText([header, ...records], csv);
};
