// What a run over many files says once rather than once per file: the files passed over, the
// files with unanswered indicators, and the files that answer an earlier version of their model. Each is a tally of a few numbers and names, so that a run over
// a hundred thousand files keeps no list of them.

/** What a file found in a folder or by a pattern may be passed over as, being no input of the command. */
export type SkippedKind = 'model' | 'report' | 'plan' | 'other';

/** How many files are named in a summary line. */
export const NAMED_IN_SUMMARY = 3;

/** The files passed over: how many of each kind, and the first few, in the order met. */
export interface SkipTally {
  count: number;
  byKind: Record<SkippedKind, number>;
  first: string[];
}

export function skipTally(): SkipTally {
  return { count: 0, byKind: { model: 0, report: 0, plan: 0, other: 0 }, first: [] };
}

export function addSkipped(tally: SkipTally, skipped: { file: string; kind: SkippedKind }): void {
  tally.count += 1;
  tally.byKind[skipped.kind] += 1;
  if (tally.first.length < NAMED_IN_SUMMARY) tally.first.push(skipped.file);
}

/** A file with unanswered indicators. */
export interface Incomplete {
  file: string;
  unanswered: number;
  total: number;
}

/** The files with unanswered indicators: how many, and the few with the most (the first met among equals). */
export interface UnansweredTally {
  count: number;
  worst: Incomplete[];
}

export function unansweredTally(): UnansweredTally {
  return { count: 0, worst: [] };
}

/** Counts a file in, if it has unanswered indicators. */
export function addUnanswered(tally: UnansweredTally, entry: Incomplete): void {
  if (entry.unanswered === 0) return;
  tally.count += 1;
  const at = tally.worst.findIndex((other) => other.unanswered < entry.unanswered);
  if (at === -1) {
    if (tally.worst.length < NAMED_IN_SUMMARY) tally.worst.push(entry);
    return;
  }
  tally.worst.splice(at, 0, entry);
  if (tally.worst.length > NAMED_IN_SUMMARY) tally.worst.pop();
}

/**
 * Whether an assessment answers at least `min` (0 to 1) of its indicators. The share is compared
 * as a quotient, so that 7 of 10 meets 0.7 exactly as written.
 */
export function meetsCompleteness(completeness: { answered: number; total: number }, min: number): boolean {
  return completeness.total === 0 || completeness.answered / completeness.total >= min;
}

/** An answers file that fits only an earlier version of its model: that model and version, and the hint to migrate it. */
export interface OutdatedAnswers {
  model: string;
  version: string;
  hint: string;
}

/** The files that answer an earlier version of the built-in model they name without a version: how many, and the first few. */
export interface OutdatedTally {
  count: number;
  first: { file: string; model: string; version: string }[];
  /** The hint for the first file, said alone when it is the only one. */
  only: string | null;
}

export function outdatedTally(): OutdatedTally {
  return { count: 0, first: [], only: null };
}

export function addOutdated(tally: OutdatedTally, entry: OutdatedAnswers & { file: string }): void {
  tally.count += 1;
  if (tally.count === 1) tally.only = entry.hint;
  if (tally.first.length < NAMED_IN_SUMMARY) tally.first.push({ file: entry.file, model: entry.model, version: entry.version });
}
