import { ENGLISH } from '../english.js';
import { formatScore } from '../../core/truncate.js';
import type { Diff } from '../../schema/diff.js';
import { crossingText } from '../text.js';

// Texts every format of a diff shows alike.

export function stageName(diff: Diff, id: string): string {
  return diff.stages.find((stage) => stage.id === id)?.name ?? id;
}

export function subjectName(diff: Diff, subject: string): string {
  return subject === 'overall' ? 'Overall' : (diff.competencies.find((competency) => competency.id === subject)?.name ?? subject);
}

export function answerText(answer: { answer: string | null } | null): string {
  if (answer === null) return '(not in model)';
  return answer.answer ?? 'unanswered';
}

export function noteChange(change: Diff['answers'][number]): string {
  const before = change.old?.note ?? null;
  const after = change.new?.note ?? null;
  if (before === after) return after ?? '';
  if (after === null) return `(note removed: ${before})`;
  return before === null ? after : `${after} (was: ${before})`;
}

export function dates(diff: Diff): string {
  return `${diff.old.date ?? diff.old.file} → ${diff.new.date ?? diff.new.file}`;
}

export function modelText(diff: Diff): string {
  const version = diff.model.old === diff.model.new ? diff.model.new : `${diff.model.old} → ${diff.model.new}`;
  return `${diff.model.name} ${version} (${diff.model.id})`;
}

export function score(value: { score: number } | null): string {
  return value ? formatScore(value.score) : '—';
}

/** Across versions: "Compared across model versions 1.0 → 2.0, competency by competency; …"; undefined otherwise. */
export function crossingLine(diff: Diff): string | undefined {
  if (diff.crossesVersions === undefined) return undefined;
  return `Compared ${crossingText(ENGLISH, diff.crossesVersions)}; the answers of version ${diff.crossesVersions.from} carried over to the indicators of version ${diff.crossesVersions.to}`;
}

/** The indicator of a changed answer, and across versions the older indicators its older answer comes from when they are others. */
export function indicatorText(change: Diff['answers'][number]): string {
  const from = change.carriedFrom;
  return from === undefined || (from.length === 1 && from[0] === change.indicator) ? change.indicator : `${change.indicator} (from ${from.join(', ')})`;
}
