import { csvText } from '../escape/csv.js';
import type { BenchmarkFormatter } from './format.js';
import { distributionRows } from './rows.js';

/** The name of the overall row, alike in every language: programs read this file. */
const OVERALL = 'Overall';

/**
 * The peer benchmark as CSV (RFC 4180): a row per competency and one for overall, with the
 * statistics, the share at each stage and, with `--org`, that organisation's standing.
 */
export const formatBenchmarkCsv: BenchmarkFormatter = (benchmark) => {
  const organisation = benchmark.organisation;
  const header = [
    'competency',
    'name',
    'count',
    'min',
    'p25',
    'median',
    'p75',
    'max',
    'mean',
    ...benchmark.stages.map((stage) => `share_${stage.id}`),
    ...(organisation ? ['org_score', 'org_stage', 'org_gap', 'org_percentile'] : []),
  ];
  const standings = organisation ? [...organisation.competencies, { ...organisation.overall, id: 'overall' }] : [];
  const rows = distributionRows(benchmark, OVERALL).map((row) => {
    const { count, min, p25, median, p75, max, mean } = row.distribution;
    const standing = standings.find((item) => item.id === row.id);
    return [
      row.id,
      row.name,
      count,
      min.toFixed(2),
      p25.toFixed(2),
      median.toFixed(2),
      p75.toFixed(2),
      max.toFixed(2),
      mean.toFixed(2),
      ...benchmark.stages.map((stage) => String(row.stages[stage.id] ?? 0)),
      ...(standing ? [standing.score.toFixed(2), standing.stage, standing.gap.toFixed(2), String(standing.percentile)] : []),
    ];
  });
  return csvText([header, ...rows]);
};
