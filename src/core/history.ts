import type { History } from '../schema/history.js';
import type { Report } from '../schema/report.js';
import { ENGLISH } from '../locale/english.js';
import type { Locale } from '../locale/locale.js';
import { quoted } from './quote.js';
import { compareVersions } from './versions.js';

/** One scored assessment of the series, with where it came from. */
export interface HistoryEntry {
  report: Report;
  source: string;
  commit: string | null;
  /** Used when the report has no date of its own (a committed version's commit date). */
  fallbackDate?: string;
}

/** A problem with one entry, by its index in the input. */
export interface HistoryProblem {
  index: number;
  code: string;
  message: string;
}

const BLOCKS = '▁▂▃▄▅▆▇█';

/** A sparkline on the model's own scale: ▁ is the first stage, █ the top one, so series are comparable. */
export function sparkline(scores: readonly number[], top: number): string {
  return scores.map((score) => BLOCKS[Math.max(0, Math.min(7, Math.round(((score - 1) / Math.max(1, top - 1)) * 7)))]).join('');
}

/**
 * Sorts dated assessments of one organisation and one model into a series. Returns every
 * problem instead when an entry has no date, another organisation or model, or a date already taken.
 * `linkedVersions` are the other versions of the first entry's model that its migrations link to
 * the first entry's version: assessments of those are in the series too, compared competency by
 * competency, and the history says it crosses versions.
 */
export function buildHistory(entries: readonly HistoryEntry[], linkedVersions: ReadonlySet<string> = new Set(), locale: Locale = ENGLISH): History | HistoryProblem[] {
  const problems: HistoryProblem[] = [];
  const first = entries[0]?.report;
  if (!first) return [{ index: -1, code: 'no-assessments', message: locale.t('input.history.no-assessments') }];
  const dated = entries.map((entry, index) => ({ entry, index, date: entry.report.date ?? entry.fallbackDate ?? null }));
  const seen = new Map<string, number>();
  for (const { entry, index, date } of dated) {
    const { report } = entry;
    if (date === null) problems.push({ index, code: 'no-date', message: locale.t('input.history.no-date') });
    else if (seen.has(date)) problems.push({ index, code: 'duplicate-date', message: locale.t('input.history.duplicate-date', { date, other: entries[seen.get(date)!]!.source }) });
    else seen.set(date, index);
    if (report.organisation !== first.organisation) {
      const message = locale.t('input.history.other-organisation', { organisation: quoted(report.organisation), first: quoted(first.organisation), source: entries[0]!.source });
      problems.push({ index, code: 'other-organisation', message });
    }
    if (report.model.id !== first.model.id || (report.model.version !== first.model.version && !linkedVersions.has(report.model.version))) {
      const message = locale.t('input.history.other-model', {
        model: `${report.model.id} ${report.model.version}`,
        first: `${first.model.id} ${first.model.version}`,
        source: entries[0]!.source,
      });
      problems.push({ index, code: 'other-model', message });
    }
  }
  if (problems.length > 0) return problems;

  const sorted = [...dated].sort((a, b) => (a.date! < b.date! ? -1 : a.date! > b.date! ? 1 : 0));
  // The newest assessment names the columns: competencies in its model order.
  const latest = sorted.at(-1)!.entry.report;
  const top = latest.stages.length;
  const versions = [...new Set(sorted.map(({ entry }) => entry.report.model.version))].sort(compareVersions);
  const crosses = versions.length > 1;
  const points = sorted.map(({ entry, date }) => ({
    date: date!,
    source: entry.source,
    commit: entry.commit,
    ...(crosses ? { version: entry.report.model.version } : {}),
    overall: { level: entry.report.overall.level, stage: entry.report.overall.stage, score: entry.report.overall.score },
    scores: Object.fromEntries(entry.report.competencies.map((competency) => [competency.id, competency.score])),
  }));
  const trends: Record<string, string> = {};
  for (const competency of latest.competencies) trends[competency.id] = sparkline(points.map((point) => point.scores[competency.id] ?? 1), top);
  trends.overall = sparkline(points.map((point) => point.overall.score), top);
  return {
    organisation: latest.organisation,
    model: { id: latest.model.id, name: latest.model.name, version: latest.model.version },
    ...(crosses ? { crossesVersions: { from: versions[0]!, to: versions.at(-1)! } } : {}),
    stages: latest.stages,
    competencies: latest.competencies.map((competency) => ({ id: competency.id, name: competency.name })),
    points,
    trends,
  };
}
