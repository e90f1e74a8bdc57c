import { formatScore } from '../../core/truncate.js';
import { inline } from '../escape/markdown.js';
import type { BenchmarkFormatter } from './format.js';
import { distributionRows, percentileText, shareText, signed, STAT_COLUMNS, statCells } from './rows.js';

/** The peer benchmark as GitHub-flavoured markdown. */
export const formatBenchmarkMarkdown: BenchmarkFormatter = (benchmark) => {
  const stages = benchmark.stages;
  const lines = [
    `# ${inline(benchmark.model.name)}: peer benchmark of ${benchmark.count} assessment${benchmark.count === 1 ? '' : 's'}`,
    '',
    `**Model:** ${inline(benchmark.model.name)} ${inline(benchmark.model.version)} (\`${benchmark.model.id}\`) · quartiles by linear interpolation`,
    '',
    `| Competency | ${STAT_COLUMNS.join(' | ')} | ${stages.map((stage) => inline(stage.name)).join(' | ')} |`,
    `| --- | ${[...STAT_COLUMNS, ...stages].map(() => '---:').join(' | ')} |`,
  ];
  for (const row of distributionRows(benchmark)) {
    const cells = [inline(row.name), ...statCells(row.distribution), ...stages.map((stage) => shareText(row.stages[stage.id] ?? 0))];
    lines.push(`| ${(row.id === 'overall' ? cells.map((cell) => `**${cell}**`) : cells).join(' | ')} |`);
  }
  const organisation = benchmark.organisation;
  if (organisation) {
    const stageName = (id: string) => inline(stages.find((stage) => stage.id === id)?.name ?? id);
    lines.push('', `## ${inline(organisation.organisation)} against the pool`, '');
    lines.push('| Competency | Score | Stage | Pool median | Gap | Percentile |', '| --- | ---: | --- | ---: | ---: | ---: |');
    for (const row of [...organisation.competencies, { ...organisation.overall, name: 'Overall' }]) {
      lines.push(`| ${inline(row.name)} | ${formatScore(row.score)} | ${stageName(row.stage)} | ${formatScore(row.median)} | ${signed(row.gap)} | ${percentileText(row.percentile)} |`);
    }
    const behind = organisation.furthestBehind.map((id) => {
      const competency = organisation.competencies.find((item) => item.id === id)!;
      return `${inline(competency.name)} (${signed(competency.gap)})`;
    });
    lines.push('', behind.length > 0 ? `Furthest behind the median: ${behind.join(', ')}.` : 'At or above the median in every competency.');
  }
  return `${lines.join('\n')}\n`;
};
