import { Chalk } from 'chalk';
import Table from 'cli-table3';
import { formatScore } from '../core/truncate.js';
import type { Diff } from '../schema/diff.js';
import { inline } from './markdown.js';
import { COMPACT } from './table-style.js';
import { deltaText } from './text.js';

const NOTE_WIDTH = 60;

export interface DiffFormatOptions {
  color: boolean;
}

export type DiffFormatter = (diff: Diff, options: DiffFormatOptions) => string;

function stageName(diff: Diff, id: string): string {
  return diff.stages.find((stage) => stage.id === id)?.name ?? id;
}

function subjectName(diff: Diff, subject: string): string {
  return subject === 'overall' ? 'Overall' : (diff.competencies.find((competency) => competency.id === subject)?.name ?? subject);
}

function answerText(answer: { answer: string | null } | null): string {
  if (answer === null) return '(not in model)';
  return answer.answer ?? 'unanswered';
}

function noteChange(change: Diff['answers'][number]): string {
  const before = change.old?.note ?? null;
  const after = change.new?.note ?? null;
  if (before === after) return after ?? '';
  if (after === null) return `(note removed: ${before})`;
  return before === null ? after : `${after} (was: ${before})`;
}

function dates(diff: Diff): string {
  return `${diff.old.date ?? diff.old.file} → ${diff.new.date ?? diff.new.file}`;
}

function modelText(diff: Diff): string {
  const version = diff.model.old === diff.model.new ? diff.model.new : `${diff.model.old} → ${diff.model.new}`;
  return `${diff.model.name} ${version} (${diff.model.id})`;
}

function score(value: { score: number } | null): string {
  return value ? formatScore(value.score) : '—';
}

/** The changes for a terminal: scores side by side, stages gained and lost, then every changed answer. */
export const formatDiffTable: DiffFormatter = (diff, options) => {
  const paint = new Chalk({ level: options.color ? 1 : 0 });
  const lines = [paint.bold(`${diff.organisation} — changes ${dates(diff)}`), paint.dim(`Model: ${modelText(diff)}`), ''];
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

export const formatDiffJson: DiffFormatter = (diff) => `${JSON.stringify(diff, null, 2)}\n`;

/** The changes as GitHub-flavoured markdown, every text from the files escaped. */
export const formatDiffMarkdown: DiffFormatter = (diff) => {
  const lines = [`# Community maturity changes: ${inline(diff.organisation)}`, '', `**Model:** ${inline(modelText(diff))} · **Compared:** ${inline(dates(diff))}`, ''];
  lines.push('| Competency | Old | New | Change |', '| --- | ---: | ---: | --- |');
  for (const competency of diff.competencies) {
    lines.push(`| ${inline(competency.name)} | ${score(competency.old)} | ${score(competency.new)} | ${competency.new === null ? 'removed' : deltaText(competency.delta)} |`);
  }
  lines.push(`| **Overall** | **${score(diff.overall.old)}** | **${score(diff.overall.new)}** | **${deltaText(diff.overall.delta)}** |`, '');
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
      lines.push(`| ${inline(change.indicator)} | ${inline(subjectName(diff, change.competency))} | ${inline(`${answerText(change.old)} → ${answerText(change.new)}`)} | ${inline(noteChange(change))} |`);
    }
  }
  return `${lines.join('\n')}\n`;
};

export const diffFormatters = { table: formatDiffTable, json: formatDiffJson, markdown: formatDiffMarkdown } satisfies Record<string, DiffFormatter>;

export type DiffFormatName = keyof typeof diffFormatters;
