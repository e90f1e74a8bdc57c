import { Chalk } from 'chalk';
import { formatScore } from '../../core/truncate.js';
import type { Benchmark } from '../../schema/benchmark.js';
import { fitTable, layoutWidth, packItems, wrapLines, type FitColumn } from '../fit.js';
import { terminalSafe } from '../escape/terminal.js';
import type { BenchmarkFormatter } from './format.js';
import { distributionRows, percentileText, shareText, signed, STAT_COLUMNS, statCells } from './rows.js';

/** The peer benchmark for a terminal: the pool's distributions, then one organisation against it; every text made inert (terminalSafe). */
export const formatBenchmarkTable: BenchmarkFormatter = (raw, options) => {
  const benchmark = terminalSafe(raw);
  const width = layoutWidth(options.width);
  const paint = new Chalk({ level: options.color ? 1 : 0 });
  const head = (title: string) => paint.bold(title);
  const lines = [
    ...wrapLines(paint.bold(`${benchmark.model.name}: peer benchmark — ${benchmark.count} assessment${benchmark.count === 1 ? '' : 's'}`), width),
    ...packItems([`Model: ${benchmark.model.name} ${benchmark.model.version} (${benchmark.model.id})`, 'quartiles by linear interpolation'], ' · ', width).map((line) => paint.dim(line)),
    '',
  ];
  const columns: FitColumn[] = [
    { head: 'Competency', key: true },
    ...STAT_COLUMNS.map((title): FitColumn => ({ head: title, align: 'right' })),
    ...benchmark.stages.map((stage): FitColumn => ({ head: stage.name, align: 'right' })),
  ];
  const rows = distributionRows(benchmark).map((row) => {
    const cells = [row.name, ...statCells(row.distribution), ...benchmark.stages.map((stage) => shareText(row.stages[stage.id] ?? 0))];
    return row.id === 'overall' ? cells.map((cell) => paint.bold(cell)) : cells;
  });
  lines.push(fitTable(columns, rows, { width, head }));
  lines.push(...standing(benchmark, paint, width));
  return `${lines.join('\n')}\n`;
};

function standing(benchmark: Benchmark, paint: InstanceType<typeof Chalk>, width: number): string[] {
  const organisation = benchmark.organisation;
  if (!organisation) return [];
  const stageName = (id: string) => benchmark.stages.find((stage) => stage.id === id)?.name ?? id;
  const columns: FitColumn[] = [
    { head: 'Competency', key: true },
    { head: 'Score', align: 'right' },
    { head: 'Stage' },
    { head: 'Pool median', align: 'right' },
    { head: 'Gap', align: 'right' },
    { head: 'Percentile', align: 'right' },
  ];
  const rows = [...organisation.competencies, { ...organisation.overall, name: 'Overall' }].map((row) => [
    row.name,
    formatScore(row.score),
    stageName(row.stage),
    formatScore(row.median),
    signed(row.gap),
    percentileText(row.percentile),
  ]);
  const behind = organisation.furthestBehind.map((id) => {
    const competency = organisation.competencies.find((item) => item.id === id)!;
    return `${competency.name} (${signed(competency.gap)})`;
  });
  return [
    '',
    ...wrapLines(paint.bold(`${organisation.organisation}${organisation.date ? ` (${organisation.date})` : ''} against the pool`), width),
    fitTable(columns, rows, { width, head: (title) => paint.bold(title) }),
    '',
    ...wrapLines(behind.length > 0 ? `Furthest behind the median: ${behind.join(', ')}.` : 'At or above the median in every competency.', width),
  ];
}
