import { Chalk } from 'chalk';
import Table from 'cli-table3';
import { COMPACT } from '../table-style.js';
import { terminalSafe } from '../escape/terminal.js';
import { deltaText } from '../text.js';
import type { DiffFormatter } from './format.js';
import { answerText, dates, modelText, noteChange, score, stageName, subjectName } from './text.js';

const NOTE_WIDTH = 60;

/** The changes for a terminal: scores side by side, stages gained and lost, then every changed answer; every text made inert (terminalSafe). */
export const formatDiffTable: DiffFormatter = (raw, options) => {
  const diff = terminalSafe(raw);
  const paint = new Chalk({ level: options.color ? 1 : 0 });
  const lines = [paint.bold(`${diff.organisation} — ${diff.model.name} changes ${dates(diff)}`), paint.dim(`Model: ${modelText(diff)}`), ''];
  const trend = (delta: number | null) => (delta === null ? 'new' : delta > 0 ? paint.green(deltaText(delta)) : delta < 0 ? paint.red(deltaText(delta)) : deltaText(delta));
  const scores = new Table({ head: ['Competency', 'Old', 'New', 'Change'].map((title) => paint.bold(title)), colAligns: ['left', 'right', 'right', 'left'], style: { head: [], border: [] }, chars: COMPACT });
  for (const competency of diff.competencies) scores.push([competency.name, score(competency.old), score(competency.new), competency.new === null ? 'removed' : trend(competency.delta)]);
  scores.push([paint.bold('Overall'), paint.bold(score(diff.overall.old)), paint.bold(score(diff.overall.new)), paint.bold(trend(diff.overall.delta))]);
  lines.push(scores.toString(), '');

  if (diff.stageChanges.length === 0) lines.push('Stages: no change.');
  else {
    lines.push(paint.bold('Stages'));
    for (const change of diff.stageChanges) {
      const mark = change.change === 'gained' ? paint.green('▲ gained') : paint.red('▼ lost');
      lines.push(`  ${mark} ${subjectName(diff, change.subject)}: ${stageName(diff, change.from)} → ${stageName(diff, change.to)}`);
    }
  }
  lines.push('');
  if (diff.answers.length === 0) lines.push('Answers: no change.');
  else {
    lines.push(paint.bold(`Answers (${diff.answers.length} changed)`));
    // Notes can be long: wrapped, so the table fits a terminal.
    const answers = new Table({
      head: ['Indicator', 'Competency', 'Old → new', 'Note'].map((title) => paint.bold(title)),
      colWidths: [null, null, null, NOTE_WIDTH],
      wordWrap: true,
      style: { head: [], border: [] },
      chars: COMPACT,
    });
    for (const change of diff.answers) answers.push([change.indicator, subjectName(diff, change.competency), `${answerText(change.old)} → ${answerText(change.new)}`, noteChange(change)]);
    lines.push(answers.toString());
  }
  return `${lines.join('\n')}\n`;
};
