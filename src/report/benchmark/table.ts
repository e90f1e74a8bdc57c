import { Chalk } from 'chalk';
import type { Locale } from '../../locale/locale.js';
import type { Benchmark } from '../../schema/benchmark.js';
import { fitTable, layoutWidth, packItems, wrapLines, type FitColumn } from '../fit.js';
import { terminalSafe } from '../escape/terminal.js';
import type { BenchmarkFormatter } from './format.js';
import { distributionRows, percentileText, shareText, signed, statColumns, statCells } from './rows.js';

/** The peer benchmark for a terminal: the pool's distributions, then one organisation against it; every text made inert (terminalSafe). */
export const formatBenchmarkTable: BenchmarkFormatter = (raw, options) => {
  const benchmark = terminalSafe(raw);
  const { locale } = options;
  const width = layoutWidth(options.width);
  const paint = new Chalk({ level: options.color ? 1 : 0 });
  const head = (title: string) => paint.bold(title);
  const lines = [
    ...wrapLines(paint.bold(locale.t('reports.benchmark.table.title', { model: benchmark.model.name, count: benchmark.count })), width),
    ...packItems([`${locale.t('reports.model')} ${benchmark.model.name} ${benchmark.model.version} (${benchmark.model.id})`, locale.t('reports.benchmark.method')], ' · ', width).map((line) => paint.dim(line)),
    '',
  ];
  const columns: FitColumn[] = [
    { head: locale.t('reports.column.competency'), key: true },
    ...statColumns(locale).map((title): FitColumn => ({ head: title, align: 'right' })),
    ...benchmark.stages.map((stage): FitColumn => ({ head: stage.name, align: 'right' })),
  ];
  const rows = distributionRows(benchmark, locale.t('reports.overall')).map((row) => {
    const cells = [row.name, ...statCells(locale, row.distribution), ...benchmark.stages.map((stage) => shareText(locale, row.stages[stage.id] ?? 0))];
    return row.id === 'overall' ? cells.map((cell) => paint.bold(cell)) : cells;
  });
  lines.push(fitTable(columns, rows, { width, head }));
  lines.push(...standing(locale, benchmark, paint, width));
  return `${lines.join('\n')}\n`;
};

function standing(locale: Locale, benchmark: Benchmark, paint: InstanceType<typeof Chalk>, width: number): string[] {
  const organisation = benchmark.organisation;
  if (!organisation) return [];
  const stageName = (id: string) => benchmark.stages.find((stage) => stage.id === id)?.name ?? id;
  const columns: FitColumn[] = [
    { head: locale.t('reports.column.competency'), key: true },
    { head: locale.t('reports.benchmark.column.score'), align: 'right' },
    { head: locale.t('reports.column.stage') },
    { head: locale.t('reports.benchmark.column.poolMedian'), align: 'right' },
    { head: locale.t('reports.benchmark.column.gap'), align: 'right' },
    { head: locale.t('reports.benchmark.column.percentile'), align: 'right' },
  ];
  const rows = [...organisation.competencies, { ...organisation.overall, name: locale.t('reports.overall') }].map((row) => [
    row.name,
    locale.score(row.score),
    stageName(row.stage),
    locale.score(row.median),
    signed(locale, row.gap),
    percentileText(locale, row.percentile),
  ]);
  const behind = organisation.furthestBehind.map((id) => {
    const competency = organisation.competencies.find((item) => item.id === id)!;
    return `${competency.name} (${signed(locale, competency.gap)})`;
  });
  const title = organisation.date
    ? locale.t('reports.benchmark.standingDated', { organisation: organisation.organisation, date: locale.date(organisation.date) })
    : locale.t('reports.benchmark.standing', { organisation: organisation.organisation });
  return [
    '',
    ...wrapLines(paint.bold(title), width),
    fitTable(columns, rows, { width, head: (title) => paint.bold(title) }),
    '',
    ...wrapLines(behind.length > 0 ? locale.t('reports.benchmark.behind', { competencies: behind.join(', ') }) : locale.t('reports.benchmark.noneBehind'), width),
  ];
}
