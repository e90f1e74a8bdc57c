import { NOT_APPLICABLE } from '../schema/constants.js';
import type { Model, ScaleLevel } from '../schema/model.js';
import { appliesIn, type Answer } from './assessment.js';

/** How the answers of several respondents to one indicator become one answer. */
export const CONSENSUS_METHODS = ['median', 'mean', 'min'] as const;

export type ConsensusMethod = (typeof CONSENSUS_METHODS)[number];

/** One respondent's checked answers, and who they are. */
export interface RespondentAnswers {
  /** Where the answers come from (the file's name): it orders the respondents, and names one who gives no name. */
  source: string;
  name: string | null;
  role: string | null;
  answers: ReadonlyMap<string, Answer>;
}

/** Scale values this close above a level still map to it: a mean of 0.75 and 0.25 × 3 is 0.5. */
const TOLERANCE = 1e-9;

/**
 * The model's scale from the lowest value to the highest: a level's place in it is its step.
 * Levels of equal value keep the model's order.
 */
export function scaleSteps(model: Model): readonly ScaleLevel[] {
  return model.scale.map((level, order) => ({ level, order })).sort((a, b) => a.level.value - b.level.value || a.order - b.order).map(({ level }) => level);
}

/** The respondents in one order whatever order they were given in: by source, then name and role. */
export function inCanonicalOrder<T extends Pick<RespondentAnswers, 'source' | 'name' | 'role'>>(respondents: readonly T[]): T[] {
  const compare = (a: string | null, b: string | null) => ((a ?? '') < (b ?? '') ? -1 : (a ?? '') > (b ?? '') ? 1 : 0);
  return [...respondents].sort((a, b) => compare(a.source, b.source) || compare(a.name, b.name) || compare(a.role, b.role));
}

/**
 * Who wrote a note or gave an answer: the name given, else the source's file name without its
 * folder and extension (`responses/r2.yaml` is `r2`), so that files named neutrally keep their
 * respondents anonymous.
 */
export function authorOf(respondent: Pick<RespondentAnswers, 'source' | 'name'>): string {
  return respondent.name ?? respondent.source.replace(/^.*[\\/]/, '').replace(/\.ya?ml$/i, '');
}

/**
 * The value the method makes of scale values (at least one): the median is the lower median (the
 * lower of the two middle values for an even count), so that it is always a value given and never
 * rounds up; the mean is the plain mean; min the lowest.
 */
export function combineValues(values: readonly number[], method: ConsensusMethod): number {
  const sorted = [...values].sort((a, b) => a - b);
  switch (method) {
    case 'median':
      return sorted[Math.floor((sorted.length - 1) / 2)]!;
    case 'mean':
      return sorted.reduce((sum, value) => sum + value, 0) / sorted.length;
    case 'min':
      return sorted[0]!;
  }
}

/**
 * The level a combined value maps back to: the highest level whose value is at or below it, never
 * one above (a mean of 0.6 between partly at 0.5 and mostly at 0.75 is partly). A value under every
 * level (impossible for a value made of the levels' own values) is the lowest level.
 */
export function levelAtOrBelow(steps: readonly ScaleLevel[], value: number): ScaleLevel {
  let found = steps[0]!;
  for (const level of steps) if (level.value <= value + TOLERANCE) found = level;
  return found;
}

/**
 * The answers of several respondents to one model combined into one set of answers, indicator by
 * indicator in model order (indicators outside `context` are left out):
 * - unanswered by everyone: left out (not answered yet);
 * - `n/a` when a strict majority of those who answered said `n/a` (half is not a majority);
 * - otherwise the method over the scale values of the answers that are not `n/a`, mapped back to
 *   the level at or below;
 * - every note kept with its author (`name: note`, one a line), evidence merged without repeats,
 *   the oldest `checked` date, and how many respondents gave each answer (`distribution`, in scale
 *   order then `n/a`).
 * The respondents are taken in their canonical order, so the order they are given in changes nothing.
 */
export function combineAnswers(model: Model, respondents: readonly RespondentAnswers[], method: ConsensusMethod, context: string | null = null): Map<string, Answer> {
  const ordered = inCanonicalOrder(respondents);
  const steps = scaleSteps(model);
  const values = new Map(model.scale.map((level) => [level.id, level.value]));
  const combined = new Map<string, Answer>();
  for (const competency of model.competencies) {
    for (const indicator of competency.indicators) {
      if (!appliesIn(indicator, context)) continue;
      const given: { respondent: RespondentAnswers; answer: Answer }[] = [];
      for (const respondent of ordered) {
        const answer = respondent.answers.get(indicator.id);
        if (answer !== undefined) given.push({ respondent, answer });
      }
      const scaleValues = given.flatMap(({ answer }) => (answer.answer !== null && answer.answer !== NOT_APPLICABLE ? [values.get(answer.answer)!] : []));
      const notApplicable = given.filter(({ answer }) => answer.answer === NOT_APPLICABLE).length;
      const answered = scaleValues.length + notApplicable;
      const answer =
        answered === 0 ? null : notApplicable * 2 > answered ? NOT_APPLICABLE : levelAtOrBelow(steps, combineValues(scaleValues, method)).id;
      const notes = given.flatMap(({ respondent, answer: one }) => (one.note === null ? [] : [`${authorOf(respondent)}: ${one.note}`]));
      const result: Answer = { answer, note: notes.length === 0 ? null : notes.join('\n') };
      const evidence = [...new Set(given.flatMap(({ answer: one }) => one.evidence ?? []))];
      if (evidence.length > 0) result.evidence = evidence;
      const checked = given.flatMap(({ answer: one }) => (one.checked === undefined ? [] : [one.checked])).sort()[0];
      if (checked !== undefined) result.checked = checked;
      if (answered > 0) result.distribution = distributionOf(model, given.map(({ answer: one }) => one.answer));
      if (answer !== null || result.note !== null || result.evidence !== undefined || result.checked !== undefined) combined.set(indicator.id, result);
    }
  }
  return combined;
}

/** How many gave each answer, in the model's scale order then `n/a`; the unanswered are not counted. */
export function distributionOf(model: Model, answers: readonly (string | null)[]): Record<string, number> {
  const distribution: Record<string, number> = {};
  for (const id of [...model.scale.map((level) => level.id), NOT_APPLICABLE]) {
    const count = answers.filter((answer) => answer === id).length;
    if (count > 0) Object.defineProperty(distribution, id, { value: count, enumerable: true, writable: true, configurable: true });
  }
  return distribution;
}

/**
 * The value most files give and the places of those that give another (the odd ones out): the
 * most common value wins, the first given on a tie. Organisation names are compared as written,
 * apart from spaces at either end.
 */
export function oddOnesOut(values: readonly string[]): { expected: string; odd: number[] } {
  const counts = new Map<string, number>();
  for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
  let expected = values[0]!;
  for (const value of values) if (counts.get(value)! > counts.get(expected)!) expected = value;
  return { expected, odd: values.flatMap((value, index) => (value === expected ? [] : [index])) };
}

/** The latest of the dates given (YYYY-MM-DD), or null: the combined answers describe the day the last respondent answered. */
export function latestDate(dates: readonly (string | null)[]): string | null {
  const given = dates.filter((date) => date !== null).sort();
  return given.at(-1) ?? null;
}
