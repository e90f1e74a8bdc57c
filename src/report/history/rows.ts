import type { Locale } from '../../locale/locale.js';
import type { History } from '../../schema/history.js';

// The rows and texts every format of a history shows alike.

/** Commit ids are shown short, as git shows them. */
function shortCommit(commit: string | null): string {
  return commit === null ? '' : commit.slice(0, 7);
}

export function hasCommits(history: History): boolean {
  return history.points.some((point) => point.commit !== null);
}

/** The rows of the human formats: dates as the language writes them, scores with its decimal sign. */
export function rows(locale: Locale, history: History): string[][] {
  const scored = history.points.map((point) => ({
    date: point.date,
    cells: [
      locale.date(point.date),
      ...(hasCommits(history) ? [shortCommit(point.commit)] : []),
      ...history.competencies.map((competency) => {
        const score = point.scores[competency.id];
        return score === undefined ? '' : locale.score(score);
      }),
      locale.score(point.overall.score),
    ],
  }));
  // With --plan, a row per phase with its targets, among the assessments by date (on the same
  // day, after the assessment), so that the table reads as the trajectory it is.
  const targets = (history.targets ?? []).map((target) => ({
    date: target.by,
    cells: [
      locale.t('reports.history.target', { date: locale.date(target.by) }),
      ...(hasCommits(history) ? [target.phase] : []),
      ...history.competencies.map((competency) => {
        const score = target.scores[competency.id];
        return score === undefined ? '' : locale.score(score);
      }),
      target.overall === null ? '' : locale.score(target.overall),
    ],
  }));
  const merged = [...scored];
  for (const target of targets) {
    const at = merged.findIndex((row) => row.date > target.date);
    merged.splice(at === -1 ? merged.length : at, 0, target);
  }
  return merged.map((row) => row.cells);
}

export function trendRow(locale: Locale, history: History): string[] {
  return [locale.t('reports.history.trend'), ...(hasCommits(history) ? [''] : []), ...history.competencies.map((competency) => history.trends[competency.id] ?? ''), history.trends.overall ?? ''];
}

export function heading(locale: Locale, history: History): string {
  const first = locale.date(history.points[0]!.date);
  const span = history.points.length === 1 ? first : `${first} → ${locale.date(history.points.at(-1)!.date)}`;
  return locale.t('reports.history.heading', { count: history.points.length, span });
}

/** Across versions: "Compared across model versions 1.0 → 2.0, competency by competency…"; undefined otherwise. */
export function crossingLine(locale: Locale, history: History): string | undefined {
  if (history.crossesVersions === undefined) return undefined;
  const versions = history.points.map((point) => locale.t('reports.history.version', { date: locale.date(point.date), version: point.version ?? history.model.version })).join(', ');
  return locale.t('reports.history.crossing', { from: history.crossesVersions.from, to: history.crossesVersions.to, versions });
}

/** "Trend: ▁ Hierarchy … █ Network": what the sparklines' lowest and highest bars stand for. */
export function trendLegend(locale: Locale, history: History): string {
  return locale.t('reports.history.legend', { lowest: history.stages[0]?.name ?? '', highest: history.stages.at(-1)?.name ?? '' });
}
