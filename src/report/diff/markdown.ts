import { inline } from '../escape/markdown.js';
import type { DiffFormatter } from './format.js';
import { answerLabels } from '../text.js';
import { answerText, crossingLine, dates, deltaCell, indicatorText, modelText, noteChange, score, stageName, subjectName } from './text.js';

/** The changes as GitHub-flavoured markdown, every text from the files escaped. */
export const formatDiffMarkdown: DiffFormatter = (diff, { locale, scale }) => {
  const labels = answerLabels(locale, scale === undefined ? undefined : { scale });
  const lines = [
    `# ${locale.t('reports.diff.markdown.title', { model: inline(diff.model.name), organisation: inline(diff.organisation) })}`,
    '',
    `**${locale.t('reports.model')}** ${inline(modelText(diff))} · **${locale.t('reports.diff.compared')}** ${inline(dates(locale, diff))}`,
    '',
  ];
  const crossing = crossingLine(locale, diff);
  if (crossing !== undefined) lines.push(`${inline(crossing)}.`, '');
  const scoreHead = [locale.t('reports.column.competency'), locale.t('reports.diff.column.old'), locale.t('reports.diff.column.new'), locale.t('reports.diff.column.change')];
  lines.push(`| ${scoreHead.join(' | ')} |`, '| --- | ---: | ---: | --- |');
  for (const competency of diff.competencies) {
    lines.push(`| ${inline(competency.name)} | ${score(locale, competency.old)} | ${score(locale, competency.new)} | ${competency.new === null ? locale.t('reports.diff.removed') : deltaCell(locale, competency.delta)} |`);
  }
  lines.push(`| **${locale.t('reports.overall')}** | **${score(locale, diff.overall.old)}** | **${score(locale, diff.overall.new)}** | **${deltaCell(locale, diff.overall.delta)}** |`, '');
  lines.push(`## ${locale.t('reports.diff.stages')}`, '');
  if (diff.stageChanges.length === 0) lines.push(locale.t('reports.diff.unchanged'));
  for (const change of diff.stageChanges) {
    const mark = locale.t(change.change === 'gained' ? 'reports.diff.gained' : 'reports.diff.lost');
    lines.push(`- ${locale.t('reports.diff.stageChange', { mark, subject: inline(subjectName(locale, diff, change.subject)), from: inline(stageName(diff, change.from)), to: inline(stageName(diff, change.to)) })}`);
  }
  lines.push('', `## ${locale.t('reports.diff.answers')}`, '');
  if (diff.answers.length === 0) lines.push(locale.t('reports.diff.unchanged'));
  else {
    const answerHead = [locale.t('reports.column.indicator'), locale.t('reports.column.competency'), locale.t('reports.diff.column.answers'), locale.t('reports.column.note')];
    lines.push(`| ${answerHead.join(' | ')} |`, '| --- | --- | --- | --- |');
    for (const change of diff.answers) {
      lines.push(
        `| ${inline(indicatorText(locale, change))} | ${inline(subjectName(locale, diff, change.competency))} | ${inline(`${answerText(locale, change.old, labels)} → ${answerText(locale, change.new, labels)}`)} | ${inline(noteChange(locale, change))} |`,
      );
    }
  }
  return `${lines.join('\n')}\n`;
};
