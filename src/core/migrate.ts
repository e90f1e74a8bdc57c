import { NOT_APPLICABLE } from '../schema/constants.js';
import type { Model } from '../schema/model.js';
import type { Answer } from './assessment.js';
import type { InputIssue } from './issue.js';
import { quoted } from './quote.js';
import { didYouMean } from './suggest.js';
import { ENGLISH } from '../locale/english.js';
import type { Locale } from '../locale/locale.js';

/** How a model says the answers of one earlier version carry over: each old indicator id to the new ids it feeds. */
type Migration = NonNullable<Model['migrations']>[number];

/** One step of a chain of migrations: the answers of `from` carried to `to` by the migration `to` declares from it. */
export interface MigrationStep {
  from: Model;
  to: Model;
  migration: Migration;
}

/**
 * The shortest chain of migrations from version `fromVersion` of a model to `target`: each model
 * names the earlier versions it migrates from, so the chain is found from the target backwards
 * (2.1 from 2.0, 2.0 from 1.0). `modelOf` gives the other versions that can be had; a version it
 * does not give cannot be passed through. Empty when `fromVersion` is the target's own version;
 * null when no chain links them.
 */
export function migrationChain(target: Model, fromVersion: string, modelOf: (version: string) => Model | undefined): MigrationStep[] | null {
  if (fromVersion === target.version) return [];
  const source = modelOf(fromVersion);
  if (source === undefined) return null;
  const queue: { model: Model; steps: MigrationStep[] }[] = [{ model: target, steps: [] }];
  const seen = new Set([target.version]);
  for (let next = queue.shift(); next !== undefined; next = queue.shift()) {
    for (const migration of next.model.migrations ?? []) {
      if (seen.has(migration.from)) continue;
      const earlier = migration.from === fromVersion ? source : modelOf(migration.from);
      if (earlier === undefined) continue;
      const steps = [{ from: earlier, to: next.model, migration }, ...next.steps];
      // Breadth first: the first chain found is a shortest one.
      if (migration.from === fromVersion) return steps;
      seen.add(migration.from);
      queue.push({ model: earlier, steps });
    }
  }
  return null;
}

/** An answer of the earlier version that a carried answer comes from: its indicator id and answer (null: not answered). */
export interface SourceAnswer {
  id: string;
  answer: string | null;
}

/** Answers of one version of a model carried over to a later one. */
export interface MigratedAnswers {
  /** The version the answers were written for. */
  from: string;
  /** The version they are carried to. */
  to: string;
  /**
   * The answers of the later version, by indicator id in its model order: only the indicators that
   * took something over (an answer, a note, evidence or a date); every other one starts unanswered.
   */
  answers: Map<string, Answer>;
  /**
   * For every indicator of the later version that took over an answer, a note or evidence: the
   * earlier answers it comes from, to be checked against the later version's criteria.
   */
  carried: Map<string, SourceAnswer[]>;
  /** For every indicator of the later version that any earlier one feeds: the earlier ids, whether answered or not. */
  fedBy: Map<string, string[]>;
  /** The earlier answers (with an answer, a note or evidence) that no indicator of the later version takes, in the earlier model's order. */
  dropped: { id: string; answer: Answer }[];
}

/** A note and the earlier indicator it was written for. */
interface NotePiece {
  source: string;
  text: string;
}

/** An answer on its way through a chain, with what it was made of. */
interface Traced {
  /** Whether any answer fed it: an indicator nothing fed starts unanswered, with no date. */
  present: boolean;
  answer: string | null;
  notes: NotePiece[];
  evidence: string[];
  /** The oldest date any answer that fed it was checked; null when one of them has none. */
  checked: string | null;
  /** The indicators of the earliest version that fed it, in their model's order. */
  sources: string[];
}

function indicatorIds(model: Model): string[] {
  return model.competencies.flatMap((competency) => competency.indicators.map((indicator) => indicator.id));
}

function hasContent(answer: Answer | undefined): answer is Answer {
  return answer !== undefined && (answer.answer !== null || answer.note !== null || (answer.evidence?.length ?? 0) > 0);
}

/**
 * Carries answers written for the first model of `chain` over to the last, step by step. In each
 * step an earlier indicator feeds none, one or several later ones (as the migration says; one it
 * does not name feeds none), and a later indicator takes:
 * - as its answer, the lowest of its feeders' answers by the earlier scale's values; `n/a` only
 *   when every feeder is `n/a` (others are passed over); none when any feeder is unanswered, or
 *   when the answer is not on the later scale;
 * - every feeder's note (with several feeders, each after its earlier indicator's id), their
 *   evidence, and the oldest date they were checked (none when one of them has no date: an
 *   answer never checked is older than any);
 * - nothing when no earlier indicator feeds it: it starts unanswered.
 * Pure: `answers` is keyed by the first model's indicator ids.
 */
export function migrateAnswers(answers: ReadonlyMap<string, Answer>, chain: readonly MigrationStep[]): MigratedAnswers {
  const first = chain[0];
  const last = chain.at(-1);
  if (first === undefined || last === undefined) throw new Error('a migration needs at least one step');
  const sourceIds = indicatorIds(first.from);
  let traced = new Map<string, Traced>(
    sourceIds.map((id) => {
      const entry = answers.get(id);
      return [
        id,
        {
          present: entry !== undefined,
          answer: entry?.answer ?? null,
          notes: entry?.note == null ? [] : [{ source: id, text: entry.note }],
          evidence: [...(entry?.evidence ?? [])],
          checked: entry?.checked ?? null,
          sources: [id],
        },
      ];
    }),
  );
  for (const step of chain) traced = carry(traced, step);

  const migrated = new Map<string, Answer>();
  const carried = new Map<string, SourceAnswer[]>();
  const fedBy = new Map<string, string[]>();
  const reached = new Set<string>();
  for (const [id, entry] of traced) {
    for (const source of entry.sources) reached.add(source);
    if (entry.sources.length > 0) fedBy.set(id, entry.sources);
    if (entry.sources.some((source) => hasContent(answers.get(source)))) {
      carried.set(
        id,
        entry.sources.map((source) => ({ id: source, answer: answers.get(source)?.answer ?? null })),
      );
    }
    if (!entry.present) continue;
    const answer: Answer = { answer: entry.answer, note: noteOf(entry) };
    if (entry.evidence.length > 0) answer.evidence = entry.evidence;
    if (entry.checked !== null) answer.checked = entry.checked;
    if (answer.answer !== null || answer.note !== null || answer.evidence !== undefined || answer.checked !== undefined) migrated.set(id, answer);
  }
  const dropped = sourceIds.flatMap((id) => {
    const answer = answers.get(id);
    return hasContent(answer) && !reached.has(id) ? [{ id, answer }] : [];
  });
  return { from: first.from.version, to: last.to.version, answers: migrated, carried, fedBy, dropped };
}

/** One note, or several, each after the earlier indicator it was written for. */
function noteOf(entry: Traced): string | null {
  if (entry.notes.length === 0) return null;
  if (entry.sources.length === 1) return entry.notes.map((piece) => piece.text).join('; ');
  return entry.notes.map((piece) => `${piece.source}: ${piece.text}`).join('; ');
}

/** One step: every indicator of the later model, from the earlier answers that feed it. */
function carry(earlier: ReadonlyMap<string, Traced>, step: MigrationStep): Map<string, Traced> {
  const feeders = new Map<string, Traced[]>();
  for (const id of indicatorIds(step.from)) {
    const entry = earlier.get(id);
    if (entry === undefined) continue;
    const targets = Object.hasOwn(step.migration.indicators, id) ? step.migration.indicators[id]! : [];
    for (const target of new Set(targets)) {
      const list = feeders.get(target);
      if (list) list.push(entry);
      else feeders.set(target, [entry]);
    }
  }
  const values = new Map(step.from.scale.map((level) => [level.id, level.value]));
  const later = new Set(step.to.scale.map((level) => level.id));
  const next = new Map<string, Traced>();
  for (const id of indicatorIds(step.to)) {
    const fed = feeders.get(id) ?? [];
    const present = fed.filter((entry) => entry.present);
    if (present.length === 0) {
      next.set(id, { present: false, answer: null, notes: [], evidence: [], checked: null, sources: unique(fed.flatMap((entry) => entry.sources)) });
      continue;
    }
    const answer = lowestAnswer(fed, values);
    const dates = present.map((entry) => entry.checked);
    next.set(id, {
      present: true,
      answer: answer === null || answer === NOT_APPLICABLE || later.has(answer) ? answer : null,
      notes: uniqueBy(
        fed.flatMap((entry) => entry.notes),
        (piece) => `${piece.source}\u0000${piece.text}`,
      ),
      evidence: unique(fed.flatMap((entry) => entry.evidence)),
      checked: dates.includes(null) ? null : (dates as string[]).reduce((oldest, date) => (date < oldest ? date : oldest)),
      sources: unique(fed.flatMap((entry) => entry.sources)),
    });
  }
  return next;
}

/**
 * The lowest of the feeders' answers by scale value (the first of equal ones); `n/a` only when
 * every feeder is; null when any feeder is unanswered.
 */
function lowestAnswer(fed: readonly Traced[], values: ReadonlyMap<string, number>): string | null {
  if (fed.some((entry) => entry.answer === null)) return null;
  let lowest: string | null = null;
  for (const { answer } of fed) {
    if (answer === NOT_APPLICABLE) continue;
    if (lowest === null || (values.get(answer!) ?? 0) < (values.get(lowest) ?? 0)) lowest = answer;
  }
  return lowest ?? NOT_APPLICABLE;
}

function unique<T>(items: readonly T[]): T[] {
  return [...new Set(items)];
}

function uniqueBy<T>(items: readonly T[], key: (item: T) => string): T[] {
  const seen = new Set<string>();
  return items.filter((item) => {
    const k = key(item);
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

/**
 * Whether the migration at `index` of `model`'s migrations accounts for every indicator of the
 * earlier version it comes from: each of its ids is a key of the map (to `[]` when nothing takes
 * it over), and each key is one of its ids. Pure; the earlier model is found by the caller.
 */
export function checkMigration(earlier: Model, model: Model, index: number, locale: Locale = ENGLISH): InputIssue[] {
  const migration = model.migrations?.[index];
  if (migration === undefined) return [];
  const issues: InputIssue[] = [];
  const base = ['migrations', index, 'indicators'];
  const ids = indicatorIds(earlier);
  const known = new Set(ids);
  const missing = ids.filter((id) => !Object.hasOwn(migration.indicators, id));
  if (missing.length > 0) {
    issues.push({
      path: base,
      at: 'key',
      code: 'migration-missing-indicator',
      message: locale.t('input.migrate.missing-indicators', { model: `${earlier.id} ${earlier.version}`, count: missing.length, ids: missing.join(', ') }),
    });
  }
  for (const key of Object.keys(migration.indicators)) {
    if (known.has(key)) continue;
    issues.push({
      path: [...base, key],
      at: 'key',
      code: 'migration-unknown-indicator',
      message: locale.t('input.migrate.unknown-indicator', { id: quoted(key), model: `${earlier.id} ${earlier.version}`, suggestion: didYouMean(key, ids, locale) }),
    });
  }
  return issues;
}
