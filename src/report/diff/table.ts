import { ENGLISH } from '../english.js';
import { Chalk } from 'chalk';
import { fitTable, layoutWidth, wrapLines } from '../fit.js';
import { terminalSafe } from '../escape/terminal.js';
import { deltaText } from '../text.js';
import type { DiffFormatter } from './format.js';
import { answerText, crossingLine, dates, indicatorText, modelText, noteChange, score, stageName, subjectName } from './text.js';

/** The changes for a terminal: scores side by side, stages gained and lost, then every changed answer; every text made inert (terminalSafe). */
export const formatDiffTable: DiffFormatter = (raw, options) => {
  const diff = terminalSafe(raw);
  const width = layoutWidth(options.width);
  const paint = new Chalk({ level: options.color ? 1 : 0 });
  const head = (title: string) => paint.bold(title);
  const crossing = crossingLine(diff);
  const lines = [
    ...wrapLines(paint.bold(`${diff.organisation} — ${diff.model.name} changes ${dates(diff)}`), width),
    ...wrapLines(paint.dim(`Model: ${modelText(diff)}`), width),
    ...(crossing === undefined ? [] : wrapLines(crossing, width)),
    '',
  ];
  const trend = (delta: number | null) => (delta === null ? 'new' : delta > 0 ? paint.green(deltaText(ENGLISH, delta)) : delta < 0 ? paint.red(deltaText(ENGLISH, delta)) : deltaText(ENGLISH, delta));
  const scores = diff.competencies.map((competency) => [competency.name, score(competency.old), score(competency.new), competency.new === null ? 'removed' : trend(competency.delta)]);
  scores.push([paint.bold('Overall'), paint.bold(score(diff.overall.old)), paint.bold(score(diff.overall.new)), paint.bold(trend(diff.overall.delta))]);
  const scoreColumns = [{ head: 'Competency', key: true }, { head: 'Old', align: 'right' }, { head: 'New', align: 'right' }, { head: 'Change' }] as const;
  lines.push(fitTable(scoreColumns, scores, { width, head }), '');

  if (diff.stageChanges.length === 0) lines.push('Stages: no change.');
  else {
    lines.push(paint.bold('Stages'));
    for (const change of diff.stageChanges) {
      const mark = change.change === 'gained' ? paint.green('▲ gained') : paint.red('▼ lost');
      lines.push(...wrapLines(`${mark} ${subjectName(diff, change.subject)}: ${stageName(diff, change.from)} → ${stageName(diff, change.to)}`, width, '  '));
    }
  }
  lines.push('');
  if (diff.answers.length === 0) lines.push('Answers: no change.');
  else {
    lines.push(paint.bold(`Answers (${diff.answers.length} changed)`));
    const answers = diff.answers.map((change) => [indicatorText(change), subjectName(diff, change.competency), `${answerText(change.old)} → ${answerText(change.new)}`, noteChange(change)]);
    const answerColumns = [{ head: 'Indicator', key: true }, { head: 'Competency' }, { head: 'Old → new' }, { head: 'Note' }] as const;
    lines.push(fitTable(answerColumns, answers, { width, head }));
  }
  return `${lines.join('\n')}\n`;
};
