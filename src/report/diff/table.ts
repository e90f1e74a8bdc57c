import { Chalk } from 'chalk';
import { fitTable, layoutWidth, wrapLines } from '../fit.js';
import { terminalSafe } from '../escape/terminal.js';
import type { DiffFormatter } from './format.js';
import { answerLabels } from '../text.js';
import { answerText, crossingLine, dates, deltaCell, indicatorText, modelText, noteChange, score, stageName, subjectName } from './text.js';

/** The changes for a terminal: scores side by side, stages gained and lost, then every changed answer; every text made inert (terminalSafe). */
export const formatDiffTable: DiffFormatter = (raw, options) => {
  const diff = terminalSafe(raw);
  const { locale } = options;
  // The labels are the model's texts: inert like the diff's.
  const labels = answerLabels(locale, options.scale === undefined ? undefined : { scale: terminalSafe(options.scale) });
  const width = layoutWidth(options.width);
  const paint = new Chalk({ level: options.color ? 1 : 0 });
  const head = (title: string) => paint.bold(title);
  const crossing = crossingLine(locale, diff);
  const lines = [
    ...wrapLines(paint.bold(locale.t('reports.diff.table.title', { organisation: diff.organisation, model: diff.model.name, dates: dates(locale, diff) })), width),
    ...wrapLines(paint.dim(`${locale.t('reports.model')} ${modelText(diff)}`), width),
    ...(crossing === undefined ? [] : wrapLines(crossing, width)),
    '',
  ];
  const trend = (delta: number | null) => (delta === null || delta === 0 ? deltaCell(locale, delta) : delta > 0 ? paint.green(deltaCell(locale, delta)) : paint.red(deltaCell(locale, delta)));
  const scores = diff.competencies.map((competency) => [competency.name, score(locale, competency.old), score(locale, competency.new), competency.new === null ? locale.t('reports.diff.removed') : trend(competency.delta)]);
  scores.push([paint.bold(locale.t('reports.overall')), paint.bold(score(locale, diff.overall.old)), paint.bold(score(locale, diff.overall.new)), paint.bold(trend(diff.overall.delta))]);
  const scoreColumns = [
    { head: locale.t('reports.column.competency'), key: true },
    { head: locale.t('reports.diff.column.old'), align: 'right' },
    { head: locale.t('reports.diff.column.new'), align: 'right' },
    { head: locale.t('reports.diff.column.change') },
  ] as const;
  lines.push(fitTable(scoreColumns, scores, { width, head }), '');

  if (diff.stageChanges.length === 0) lines.push(locale.t('reports.diff.stages.unchanged'));
  else {
    lines.push(paint.bold(locale.t('reports.diff.stages')));
    for (const change of diff.stageChanges) {
      const mark = change.change === 'gained' ? paint.green(locale.t('reports.diff.gained')) : paint.red(locale.t('reports.diff.lost'));
      const line = locale.t('reports.diff.stageChange', { mark, subject: subjectName(locale, diff, change.subject), from: stageName(diff, change.from), to: stageName(diff, change.to) });
      lines.push(...wrapLines(line, width, '  '));
    }
  }
  lines.push('');
  if (diff.answers.length === 0) lines.push(locale.t('reports.diff.answers.unchanged'));
  else {
    lines.push(paint.bold(locale.t('reports.diff.answers.changed', { count: diff.answers.length })));
    const answers = diff.answers.map((change) => [
      indicatorText(locale, change),
      subjectName(locale, diff, change.competency),
      `${answerText(locale, change.old, labels)} → ${answerText(locale, change.new, labels)}`,
      noteChange(locale, change),
    ]);
    const answerColumns = [
      { head: locale.t('reports.column.indicator'), key: true },
      { head: locale.t('reports.column.competency') },
      { head: locale.t('reports.diff.column.answers') },
      { head: locale.t('reports.column.note') },
    ] as const;
    lines.push(fitTable(answerColumns, answers, { width, head }));
  }
  return `${lines.join('\n')}\n`;
};
