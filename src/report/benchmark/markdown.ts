import { inline } from '../escape/markdown.js';
import type { BenchmarkFormatter } from './format.js';
import { distributionRows, percentileText, shareText, signed, statColumns, statCells } from './rows.js';

/** The peer benchmark as GitHub-flavoured markdown, every text from the files escaped. */
export const formatBenchmarkMarkdown: BenchmarkFormatter = (benchmark, { locale }) => {
  const stages = benchmark.stages;
  const stats = statColumns(locale);
  const lines = [
    `# ${locale.t('reports.benchmark.markdown.title', { model: inline(benchmark.model.name), count: benchmark.count })}`,
    '',
    `**${locale.t('reports.model')}** ${inline(benchmark.model.name)} ${inline(benchmark.model.version)} (\`${benchmark.model.id}\`) · ${locale.t('reports.benchmark.method')}`,
    '',
    `| ${locale.t('reports.column.competency')} | ${stats.join(' | ')} | ${stages.map((stage) => inline(stage.name)).join(' | ')} |`,
    `| --- | ${[...stats, ...stages].map(() => '---:').join(' | ')} |`,
  ];
  for (const row of distributionRows(benchmark, locale.t('reports.overall'))) {
    const cells = [inline(row.name), ...statCells(locale, row.distribution), ...stages.map((stage) => shareText(locale, row.stages[stage.id] ?? 0))];
    lines.push(`| ${(row.id === 'overall' ? cells.map((cell) => `**${cell}**`) : cells).join(' | ')} |`);
  }
  const organisation = benchmark.organisation;
  if (organisation) {
    const stageName = (id: string) => inline(stages.find((stage) => stage.id === id)?.name ?? id);
    const head = [
      locale.t('reports.column.competency'),
      locale.t('reports.benchmark.column.score'),
      locale.t('reports.column.stage'),
      locale.t('reports.benchmark.column.poolMedian'),
      locale.t('reports.benchmark.column.gap'),
      locale.t('reports.benchmark.column.percentile'),
    ];
    lines.push('', `## ${locale.t('reports.benchmark.standing', { organisation: inline(organisation.organisation) })}`, '');
    lines.push(`| ${head.join(' | ')} |`, '| --- | ---: | --- | ---: | ---: | ---: |');
    for (const row of [...organisation.competencies, { ...organisation.overall, name: locale.t('reports.overall') }]) {
      lines.push(`| ${inline(row.name)} | ${locale.score(row.score)} | ${stageName(row.stage)} | ${locale.score(row.median)} | ${signed(locale, row.gap)} | ${percentileText(locale, row.percentile)} |`);
    }
    const behind = organisation.furthestBehind.map((id) => {
      const competency = organisation.competencies.find((item) => item.id === id)!;
      return `${inline(competency.name)} (${signed(locale, competency.gap)})`;
    });
    lines.push('', behind.length > 0 ? locale.t('reports.benchmark.behind', { competencies: behind.join(', ') }) : locale.t('reports.benchmark.noneBehind'));
  }
  return `${lines.join('\n')}\n`;
};
