import { Chalk } from 'chalk';
import Table from 'cli-table3';
import { formatScore } from '../../core/truncate.js';
import type { Benchmark } from '../../schema/benchmark.js';
import { COMPACT } from '../table-style.js';
import { terminalSafe } from '../escape/terminal.js';
import type { BenchmarkFormatter } from './format.js';
import { distributionRows, percentileText, shareText, signed, STAT_COLUMNS, statCells } from './rows.js';

/** The peer benchmark for a terminal: the pool's distributions, then one organisation against it; every text made inert (terminalSafe). */
export const formatBenchmarkTable: BenchmarkFormatter = (raw, options) => {
  const benchmark = terminalSafe(raw);
  const paint = new Chalk({ level: options.color ? 1 : 0 });
  const lines = [
    paint.bold(`${benchmark.model.name}: peer benchmark — ${benchmark.count} assessment${benchmark.count === 1 ? '' : 's'}`),
    paint.dim(`Model: ${benchmark.model.name} ${benchmark.model.version} (${benchmark.model.id}) · quartiles by linear interpolation`),
    '',
  ];
  const pool = new Table({
    head: ['Competency', ...STAT_COLUMNS, ...benchmark.stages.map((stage) => stage.name)].map((title) => paint.bold(title)),
    colAligns: ['left', ...STAT_COLUMNS.map(() => 'right' as const), ...benchmark.stages.map(() => 'right' as const)],
    style: { head: [], border: [] },
    chars: COMPACT,
  });
  for (const row of distributionRows(benchmark)) {
    const cells = [row.name, ...statCells(row.distribution), ...benchmark.stages.map((stage) => shareText(row.stages[stage.id] ?? 0))];
    pool.push(row.id === 'overall' ? cells.map((cell) => paint.bold(cell)) : cells);
  }
  lines.push(pool.toString());
  lines.push(...standing(benchmark, paint));
  return `${lines.join('\n')}\n`;
};

function standing(benchmark: Benchmark, paint: InstanceType<typeof Chalk>): string[] {
  const organisation = benchmark.organisation;
  if (!organisation) return [];
  const stageName = (id: string) => benchmark.stages.find((stage) => stage.id === id)?.name ?? id;
  const table = new Table({
    head: ['Competency', 'Score', 'Stage', 'Pool median', 'Gap', 'Percentile'].map((title) => paint.bold(title)),
    colAligns: ['left', 'right', 'left', 'right', 'right', 'right'],
    style: { head: [], border: [] },
    chars: COMPACT,
  });
  const rows = [...organisation.competencies, { ...organisation.overall, name: 'Overall' }];
  for (const row of rows) {
    table.push([row.name, formatScore(row.score), stageName(row.stage), formatScore(row.median), signed(row.gap), percentileText(row.percentile)]);
  }
  const behind = organisation.furthestBehind.map((id) => {
    const competency = organisation.competencies.find((item) => item.id === id)!;
    return `${competency.name} (${signed(competency.gap)})`;
  });
  return [
    '',
    paint.bold(`${organisation.organisation}${organisation.date ? ` (${organisation.date})` : ''} against the pool`),
    table.toString(),
    '',
    behind.length > 0 ? `Furthest behind the median: ${behind.join(', ')}.` : 'At or above the median in every competency.',
  ];
}
