import { csvText } from '../escape/csv.js';
import { formatScore } from '../../core/truncate.js';
import type { HistoryFormatter } from './format.js';
import { hasCommits } from './rows.js';

/**
 * One row per date; columns date, commit (with --git), overall, then each competency id. With
 * --plan, a `phase` column too, and a target line per phase after the assessments (its date the
 * phase's, its scores the targets). Quoting by csv-stringify.
 */
export const formatHistoryCsv: HistoryFormatter = (history) => {
  const commits = hasCommits(history);
  const planned = history.targets !== undefined;
  const header = ['date', ...(commits ? ['commit'] : []), 'overall', ...history.competencies.map((competency) => competency.id), ...(planned ? ['phase'] : [])];
  const records = history.points.map((point) => [
    point.date,
    ...(commits ? [point.commit ?? ''] : []),
    formatScore(point.overall.score),
    ...history.competencies.map((competency) => {
      const score = point.scores[competency.id];
      return score === undefined ? '' : formatScore(score);
    }),
    ...(planned ? [''] : []),
  ]);
  const targets = (history.targets ?? []).map((target) => [
    target.by,
    ...(commits ? [''] : []),
    target.overall === null ? '' : formatScore(target.overall),
    ...history.competencies.map((competency) => {
      const score = target.scores[competency.id];
      return score === undefined ? '' : formatScore(score);
    }),
    target.phase,
  ]);
  return csvText([header, ...records, ...targets]);
};
