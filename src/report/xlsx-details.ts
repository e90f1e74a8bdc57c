import type { IndicatorResult, NextStep } from '../schema/report.js';
import { NOT_IN_CONTEXT } from './text.js';

// The columns the workbooks add for what model 2.0 says of next steps and answers, only when a
// report holds it (hasStepDetails, hasAnswerDetails), so that a workbook of a 1.0 model is unchanged.

/** The columns after a next step's advice. */
export const STEP_DETAIL_HEADER = ['Key', 'Done when', 'Check', 'Effort', 'Owner'];

/** A next step's key mark, criteria (one a line), evidence prompt, effort and owner; empty cells where the model says nothing. */
export function stepDetailCells(step: NextStep): (string | null)[] {
  return [step.key === true ? 'key' : null, step.criteria?.join('\n') ?? null, step.evidencePrompt ?? null, step.effort ?? null, step.owner ?? null];
}

/** The columns from the answer on: the note keeps its place after the answer, and the rest follow it. */
export const ANSWER_DETAIL_HEADER = ['Checked', 'Stale', 'Evidence'];

/**
 * An answer's cells from the answer on: the answer (`not applicable in this context` for an
 * indicator outside the assessment's context, apart from an assessor's `n/a`), the note, the date
 * it was checked, `stale` when it is among the report's `stale` ids, and its evidence, one item a line.
 */
export function answerDetailCells(indicator: IndicatorResult, stale: ReadonlySet<string>): (string | null)[] {
  return [
    indicator.applicable === false ? NOT_IN_CONTEXT : indicator.answer,
    indicator.note,
    indicator.checked ?? null,
    stale.has(indicator.id) ? 'stale' : null,
    indicator.evidence?.join('\n') ?? null,
  ];
}
