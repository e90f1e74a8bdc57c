import { csvText } from '../escape/csv.js';
import { formatScore } from '../../core/truncate.js';
import type { HistoryFormatter } from './format.js';
import { hasCommits } from './rows.js';

/**
 * One row per date; columns date, commit (with --git), model_version (across model versions: the
 * version each assessment was scored with), overall, then each competency id. With --plan, a
 * `phase` column too, and a target line per phase after the assessments (its date the phase's,
 * its scores the targets). Quoting by csv-stringify.
 */
export const formatHistoryCsv: HistoryFormatter = (history) => {
  const commits = hasCommits(history);
  const crosses = history.crossesVersions !== undefined;
  const planned = history.targets !== undefined;
  const header = ['date', ...(commits ? ['commit'] : []), ...(crosses ? ['model_version'] : []), 'overall', ...history.competencies.map((competency) => competency.id), ...(planned ? ['phase'] : [])];
  const records = history.points.map((point) => [
    point.date,
    ...(commits ? [point.commit ?? ''] : []),
    ...(crosses ? [point.version ?? history.model.version] : []),
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
    ...(crosses ? [''] : []),
    target.overall === null ? '' : formatScore(target.overall),
    ...history.competencies.map((competency) => {
      const score = target.scores[competency.id];
      return score === undefined ? '' : formatScore(score);
    }),
    target.phase,
  ]);
  return csvText([header, ...records, ...targets]);
};
