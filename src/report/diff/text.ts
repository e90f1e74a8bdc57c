import type { Locale } from '../../locale/locale.js';
import { NOT_APPLICABLE } from '../../schema/constants.js';
import type { Diff } from '../../schema/diff.js';
import type { AnswerLabels } from '../text.js';

// Texts every format of a diff shows alike.

export function stageName(diff: Diff, id: string): string {
  return diff.stages.find((stage) => stage.id === id)?.name ?? id;
}

export function subjectName(locale: Locale, diff: Diff, subject: string): string {
  return subject === 'overall' ? locale.t('reports.overall') : (diff.competencies.find((competency) => competency.id === subject)?.name ?? subject);
}

/** An answer as a person reads it: its scale id (or its label, see answerLabels), `n/a` as the language says it, or that there is none. */
export function answerText(locale: Locale, answer: { answer: string | null } | null, labels?: AnswerLabels): string {
  if (answer === null) return locale.t('reports.diff.notInModel');
  if (answer.answer === null) return locale.t('reports.answer.unanswered');
  return answer.answer === NOT_APPLICABLE ? locale.t('reports.answer.notApplicable') : (labels?.get(answer.answer) ?? answer.answer);
}

export function noteChange(locale: Locale, change: Diff['answers'][number]): string {
  const before = change.old?.note ?? null;
  const after = change.new?.note ?? null;
  if (before === after) return after ?? '';
  if (after === null) return locale.t('reports.diff.noteRemoved', { note: before! });
  return before === null ? after : locale.t('reports.diff.noteWas', { note: after, before });
}

/** The dates compared (as the language writes them), or the files of assessments without a date. */
export function dates(locale: Locale, diff: Diff): string {
  const side = (side: Diff['old']) => (side.date === null ? side.file : locale.date(side.date));
  return `${side(diff.old)} → ${side(diff.new)}`;
}

export function modelText(diff: Diff): string {
  const version = diff.model.old === diff.model.new ? diff.model.new : `${diff.model.old} → ${diff.model.new}`;
  return `${diff.model.name} ${version} (${diff.model.id})`;
}

export function score(locale: Locale, value: { score: number } | null): string {
  return value ? locale.score(value.score) : '—';
}

/** "▲ +0.25", "▼ -0.30" or "= 0.00" with the locale's decimal sign; "new" for a competency the old assessment lacks. */
export function deltaCell(locale: Locale, delta: number | null): string {
  if (delta === null) return locale.t('reports.diff.new');
  if (delta > 0) return locale.decimal(`▲ +${delta.toFixed(2)}`);
  if (delta < 0) return locale.decimal(`▼ -${(-delta).toFixed(2)}`);
  return locale.decimal('= 0.00');
}

/** Across versions: "Compared across model versions 1.0 → 2.0, competency by competency; …"; undefined otherwise. */
export function crossingLine(locale: Locale, diff: Diff): string | undefined {
  if (diff.crossesVersions === undefined) return undefined;
  return locale.t('reports.diff.crossing', { from: diff.crossesVersions.from, to: diff.crossesVersions.to });
}

/** The indicator of a changed answer, and across versions the older indicators its older answer comes from when they are others. */
export function indicatorText(locale: Locale, change: Diff['answers'][number]): string {
  const from = change.carriedFrom;
  return from === undefined || (from.length === 1 && from[0] === change.indicator) ? change.indicator : locale.t('reports.diff.carriedFrom', { indicator: change.indicator, indicators: from.join(', ') });
}
