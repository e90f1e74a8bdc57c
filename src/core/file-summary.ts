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
  keepWorst(tally.worst, entry, (item) => item.unanswered);
}

/** Keeps `entry` among the NAMED_IN_SUMMARY largest of `worst` by `size`, largest first, the first met among equals. */
function keepWorst<T>(worst: T[], entry: T, size: (item: T) => number): void {
  const at = worst.findIndex((other) => size(other) < size(entry));
  if (at === -1) {
    if (worst.length < NAMED_IN_SUMMARY) worst.push(entry);
    return;
  }
  worst.splice(at, 0, entry);
  if (worst.length > NAMED_IN_SUMMARY) worst.pop();
}

/** What `--stale-after` found in one file: how many of its answers are stale, or that it has no date to judge them by. */
export interface StaleCount {
  file: string;
  /** The duration as given (`12m`). */
  after: string;
  stale: number;
  /** The file has no `date:`, so none of its answers could be judged. */
  undated: boolean;
}

/** What `--stale-after` says of one file of many: the counts for the summary, and its own warning lines for --verbose. */
export interface StaleNotice extends Omit<StaleCount, 'file'> {
  warnings: string[];
}

/** The files with stale answers (how many, the few with the most) and the files without a date (how many, the first few). */
export interface StaleTally {
  /** The duration as given, once a file is counted. */
  after: string | null;
  count: number;
  worst: { file: string; stale: number }[];
  undated: number;
  firstUndated: string[];
}

export function staleTally(): StaleTally {
  return { after: null, count: 0, worst: [], undated: 0, firstUndated: [] };
}

export function addStale(tally: StaleTally, entry: StaleCount): void {
  tally.after ??= entry.after;
  if (entry.undated) {
    tally.undated += 1;
    if (tally.firstUndated.length < NAMED_IN_SUMMARY) tally.firstUndated.push(entry.file);
  }
  if (entry.stale === 0) return;
  tally.count += 1;
  keepWorst(tally.worst, { file: entry.file, stale: entry.stale }, (item) => item.stale);
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
