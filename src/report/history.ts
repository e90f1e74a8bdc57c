import { Chalk } from 'chalk';
import Table from 'cli-table3';
import { stringify } from 'csv-stringify/sync';
import { formatScore } from '../core/truncate.js';
import type { History } from '../schema/history.js';
import { inline } from './markdown.js';
import { COMPACT } from './table-style.js';

export interface HistoryFormatOptions {
  color: boolean;
}

export type HistoryFormatter = (history: History, options: HistoryFormatOptions) => string;

/** Commit ids are shown short, as git shows them. */
function shortCommit(commit: string | null): string {
  return commit === null ? '' : commit.slice(0, 7);
}

function hasCommits(history: History): boolean {
  return history.points.some((point) => point.commit !== null);
}

function rows(history: History): string[][] {
  return history.points.map((point) => [
    point.date,
    ...(hasCommits(history) ? [shortCommit(point.commit)] : []),
    ...history.competencies.map((competency) => {
      const score = point.scores[competency.id];
      return score === undefined ? '' : formatScore(score);
    }),
    formatScore(point.overall.score),
  ]);
}

function trendRow(history: History): string[] {
  return ['trend', ...(hasCommits(history) ? [''] : []), ...history.competencies.map((competency) => history.trends[competency.id] ?? ''), history.trends.overall ?? ''];
}

function heading(history: History): string {
  const span = history.points.length === 1 ? history.points[0]!.date : `${history.points[0]!.date} → ${history.points.at(-1)!.date}`;
  return `${history.points.length} assessment${history.points.length === 1 ? '' : 's'}, ${span}`;
}

/** A row per date, a column per competency (by id, to fit a terminal) and overall, then a trend row of sparklines. */
export const formatHistoryTable: HistoryFormatter = (history, options) => {
  const paint = new Chalk({ level: options.color ? 1 : 0 });
  const head = ['Date', ...(hasCommits(history) ? ['Commit'] : []), ...history.competencies.map((competency) => competency.id), 'overall'];
  const table = new Table({ head: head.map((title) => paint.bold(title)), colAligns: head.map((_, index) => (index === 0 ? 'left' : 'right')), style: { head: [], border: [] }, chars: COMPACT });
  for (const row of rows(history)) table.push(row);
  table.push(trendRow(history).map((cell) => paint.bold(cell)));
  const lines = [
    paint.bold(`${history.organisation} — community maturity over time`),
    paint.dim(`Model: ${history.model.name} ${history.model.version} (${history.model.id}) · ${heading(history)}`),
    '',
    table.toString(),
    paint.dim(`Trend: ▁ ${history.stages[0]?.name ?? ''} … █ ${history.stages.at(-1)?.name ?? ''}`),
  ];
  return `${lines.join('\n')}\n`;
};

export const formatHistoryJson: HistoryFormatter = (history) => `${JSON.stringify(history, null, 2)}\n`;

export const formatHistoryMarkdown: HistoryFormatter = (history) => {
  const head = ['Date', ...(hasCommits(history) ? ['Commit'] : []), ...history.competencies.map((competency) => inline(competency.name)), 'Overall'];
  const lines = [`# Community maturity over time: ${inline(history.organisation)}`, '', `**Model:** ${inline(`${history.model.name} ${history.model.version}`)} (${inline(history.model.id)}) · ${heading(history)}`, ''];
  lines.push(`| ${head.join(' | ')} |`, `| ${head.map((_, index) => (index === 0 ? '---' : '---:')).join(' | ')} |`);
  for (const row of [...rows(history), trendRow(history)]) lines.push(`| ${row.map((cell) => inline(cell)).join(' | ')} |`);
  lines.push('', `Trend: ▁ ${inline(history.stages[0]?.name ?? '')} … █ ${inline(history.stages.at(-1)?.name ?? '')}`);
  return `${lines.join('\n')}\n`;
};

/** One row per date; columns date, commit (with --git), overall, then each competency id. Quoting by csv-stringify. */
export const formatHistoryCsv: HistoryFormatter = (history) => {
  const commits = hasCommits(history);
  const header = ['date', ...(commits ? ['commit'] : []), 'overall', ...history.competencies.map((competency) => competency.id)];
  const records = history.points.map((point) => [
    point.date,
    ...(commits ? [point.commit ?? ''] : []),
    formatScore(point.overall.score),
    ...history.competencies.map((competency) => {
      const score = point.scores[competency.id];
      return score === undefined ? '' : formatScore(score);
    }),
  ]);
  return stringify([header, ...records], { record_delimiter: 'unix' });
};

export const historyFormatters = { table: formatHistoryTable, json: formatHistoryJson, markdown: formatHistoryMarkdown, csv: formatHistoryCsv } satisfies Record<string, HistoryFormatter>;

export type HistoryFormatName = keyof typeof historyFormatters;
