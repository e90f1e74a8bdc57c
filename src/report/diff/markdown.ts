import { ENGLISH } from '../english.js';
import { inline } from '../escape/markdown.js';
import { deltaText } from '../text.js';
import type { DiffFormatter } from './format.js';
import { answerText, crossingLine, dates, indicatorText, modelText, noteChange, score, stageName, subjectName } from './text.js';

/** The changes as GitHub-flavoured markdown, every text from the files escaped. */
export const formatDiffMarkdown: DiffFormatter = (diff) => {
  const lines = [`# ${inline(diff.model.name)} changes: ${inline(diff.organisation)}`, '', `**Model:** ${inline(modelText(diff))} · **Compared:** ${inline(dates(diff))}`, ''];
  const crossing = crossingLine(diff);
  if (crossing !== undefined) lines.push(`${inline(crossing)}.`, '');
  lines.push('| Competency | Old | New | Change |', '| --- | ---: | ---: | --- |');
  for (const competency of diff.competencies) {
    lines.push(`| ${inline(competency.name)} | ${score(competency.old)} | ${score(competency.new)} | ${competency.new === null ? 'removed' : deltaText(ENGLISH, competency.delta)} |`);
  }
  lines.push(`| **Overall** | **${score(diff.overall.old)}** | **${score(diff.overall.new)}** | **${deltaText(ENGLISH, diff.overall.delta)}** |`, '');
  lines.push('## Stages', '');
  if (diff.stageChanges.length === 0) lines.push('No change.');
  for (const change of diff.stageChanges) {
    lines.push(`- ${change.change === 'gained' ? '▲ gained' : '▼ lost'} ${inline(subjectName(diff, change.subject))}: ${inline(stageName(diff, change.from))} → ${inline(stageName(diff, change.to))}`);
  }
  lines.push('', `## Answers`, '');
  if (diff.answers.length === 0) lines.push('No change.');
  else {
    lines.push('| Indicator | Competency | Old → new | Note |', '| --- | --- | --- | --- |');
    for (const change of diff.answers) {
      lines.push(`| ${inline(indicatorText(change))} | ${inline(subjectName(diff, change.competency))} | ${inline(`${answerText(change.old)} → ${answerText(change.new)}`)} | ${inline(noteChange(change))} |`);
    }
  }
  return `${lines.join('\n')}\n`;
};
