import { ENGLISH } from '../english.js';
import { formatScore } from '../../core/truncate.js';
import type { History } from '../../schema/history.js';
import { crossingText } from '../text.js';

// The rows and texts every format of a history shows alike.

/** Commit ids are shown short, as git shows them. */
function shortCommit(commit: string | null): string {
  return commit === null ? '' : commit.slice(0, 7);
}

export function hasCommits(history: History): boolean {
  return history.points.some((point) => point.commit !== null);
}

export function rows(history: History): string[][] {
  const scored = history.points.map((point) => ({
    date: point.date,
    cells: [
      point.date,
      ...(hasCommits(history) ? [shortCommit(point.commit)] : []),
      ...history.competencies.map((competency) => {
        const score = point.scores[competency.id];
        return score === undefined ? '' : formatScore(score);
      }),
      formatScore(point.overall.score),
    ],
  }));
  // With --plan, a row per phase with its targets, among the assessments by date (on the same
  // day, after the assessment), so that the table reads as the trajectory it is.
  const targets = (history.targets ?? []).map((target) => ({
    date: target.by,
    cells: [
      `${target.by} target`,
      ...(hasCommits(history) ? [target.phase] : []),
      ...history.competencies.map((competency) => {
        const score = target.scores[competency.id];
        return score === undefined ? '' : formatScore(score);
      }),
      target.overall === null ? '' : formatScore(target.overall),
    ],
  }));
  const merged = [...scored];
  for (const target of targets) {
    const at = merged.findIndex((row) => row.date > target.date);
    merged.splice(at === -1 ? merged.length : at, 0, target);
  }
  return merged.map((row) => row.cells);
}

export function trendRow(history: History): string[] {
  return ['trend', ...(hasCommits(history) ? [''] : []), ...history.competencies.map((competency) => history.trends[competency.id] ?? ''), history.trends.overall ?? ''];
}

export function heading(history: History): string {
  const span = history.points.length === 1 ? history.points[0]!.date : `${history.points[0]!.date} → ${history.points.at(-1)!.date}`;
  return `${history.points.length} assessment${history.points.length === 1 ? '' : 's'}, ${span}`;
}

/** Across versions: "Assessments of model versions 1.0 → 2.0, compared competency by competency…"; undefined otherwise. */
export function crossingLine(history: History): string | undefined {
  if (history.crossesVersions === undefined) return undefined;
  const each = history.points.map((point) => `${point.date}: ${point.version ?? history.model.version}`).join(', ');
  return `Compared ${crossingText(ENGLISH, history.crossesVersions)}; each assessment scored with its own version (${each})`;
}
