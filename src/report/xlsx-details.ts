import type { Locale } from '../locale/locale.js';
import type { IndicatorResult, NextStep } from '../schema/report.js';
import { notInContext, shownAnswer, type AnswerLabels } from './text.js';

// The columns the workbooks add for what model 2.0 says of next steps and answers, only when a
// report holds it (hasStepDetails, hasAnswerDetails), so that a workbook of a 1.0 model is unchanged.

/** The columns after a next step's advice. */
export function stepDetailHeader(locale: Locale): string[] {
  return [
    locale.t('report.xlsx.column.key'),
    locale.t('report.xlsx.column.doneWhen'),
    locale.t('report.xlsx.column.check'),
    locale.t('report.xlsx.column.effort'),
    locale.t('report.xlsx.column.owner'),
  ];
}

/** A next step's key mark, criteria (one a line), evidence prompt, effort and owner; empty cells where the model says nothing. */
export function stepDetailCells(locale: Locale, step: NextStep): (string | null)[] {
  return [step.key === true ? locale.t('report.xlsx.keyMark') : null, step.criteria?.join('\n') ?? null, step.evidencePrompt ?? null, step.effort ?? null, step.owner ?? null];
}

/** The columns from the answer on: the note keeps its place after the answer, and the rest follow it. */
export function answerDetailHeader(locale: Locale): string[] {
  return [locale.t('report.xlsx.column.checked'), locale.t('report.xlsx.column.stale'), locale.t('report.xlsx.column.evidence')];
}

/** An answer as a workbook's cell: `n/a` as the language says it (and the scale's label for `labels`, see answerLabels), nothing when unanswered. */
export function answerCell(locale: Locale, answer: string | null, labels?: AnswerLabels): string | null {
  return answer === null ? null : shownAnswer(locale, answer, labels);
}

/**
 * An answer's cells from the answer on: the answer (`not applicable in this context` for an
 * indicator outside the assessment's context, apart from an assessor's `n/a`), the note, the date
 * it was checked, `stale` when it is among the report's `stale` ids, and its evidence, one item a line.
 */
export function answerDetailCells(locale: Locale, indicator: IndicatorResult, stale: ReadonlySet<string>, labels?: AnswerLabels): (string | null)[] {
  return [
    indicator.applicable === false ? notInContext(locale) : answerCell(locale, indicator.answer, labels),
    indicator.note,
    indicator.checked ?? null,
    stale.has(indicator.id) ? locale.t('report.xlsx.staleMark') : null,
    indicator.evidence?.join('\n') ?? null,
  ];
}
