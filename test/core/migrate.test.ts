import { describe, expect, it } from 'vitest';
import type { Answer } from '../../src/core/assessment.js';
import { checkMigration, migrateAnswers, migrationChain, type MigrationStep } from '../../src/core/migrate.js';
import { modelSchema, type Model, type ModelInput } from '../../src/schema/model.js';
import { SCALE } from '../helpers/model.js';

/** A model of one competency: indicator ids at stage s1, version and migrations as given. */
function model(version: string, ids: string[], migrations?: ModelInput['migrations'], scale: ModelInput['scale'] = SCALE): Model {
  return modelSchema.parse({
    id: 'm',
    name: 'M',
    version,
    scale,
    stages: [
      { id: 's0', name: 'S0' },
      { id: 's1', name: 'S1' },
    ],
    competencies: [{ id: 'c', name: 'C', indicators: ids.map((id) => ({ id, stage: 's1', text: id })) }],
    ...(migrations === undefined ? {} : { migrations }),
  });
}

// Version 1: one, two, three, four, gone. Version 2: first (fed by one and two), second (by two),
// third (by three and four), fresh (by nothing); gone feeds nothing.
const V1 = model('1', ['one', 'two', 'three', 'four', 'gone']);
const V2 = model('2', ['first', 'second', 'third', 'fresh'], [{ from: '1', indicators: { one: ['first'], two: ['first', 'second'], three: ['third'], four: ['third'], gone: [] } }]);
const STEP: MigrationStep[] = [{ from: V1, to: V2, migration: V2.migrations![0]! }];

function answers(entries: Record<string, string | null | Partial<Answer>>): Map<string, Answer> {
  return new Map(Object.entries(entries).map(([id, entry]) => [id, entry === null || typeof entry === 'string' ? { answer: entry, note: null } : { answer: null, note: null, ...entry }]));
}

describe('migrateAnswers', () => {
  it('a new indicator fed by several takes the lowest of their answers by scale value', () => {
    // first: one (yes, 1) and two (partly, 0.5) → partly; second: two alone → partly.
    // third: three (mostly, 0.75) and four (no, 0) → no.
    const result = migrateAnswers(answers({ one: 'yes', two: 'partly', three: 'mostly', four: 'no' }), STEP);
    expect(result.from).toBe('1');
    expect(result.to).toBe('2');
    expect([...result.answers]).toEqual([
      ['first', { answer: 'partly', note: null }],
      ['second', { answer: 'partly', note: null }],
      ['third', { answer: 'no', note: null }],
    ]);
  });

  it('n/a counts only when every feeder is n/a; beside a value it is passed over', () => {
    expect(migrateAnswers(answers({ three: 'n/a', four: 'mostly' }), STEP).answers.get('third')).toEqual({ answer: 'mostly', note: null });
    expect(migrateAnswers(answers({ three: 'n/a', four: 'n/a' }), STEP).answers.get('third')).toEqual({ answer: 'n/a', note: null });
  });

  it('a feeder unanswered (written empty or left out) leaves the new indicator unanswered, and the mark names it', () => {
    const written = migrateAnswers(answers({ three: 'yes', four: null }), STEP);
    expect(written.answers.has('third')).toBe(false);
    expect(written.carried.get('third')).toEqual([
      { id: 'three', answer: 'yes' },
      { id: 'four', answer: null },
    ]);
    const left = migrateAnswers(answers({ three: 'yes' }), STEP);
    expect(left.answers.has('third')).toBe(false);
    expect(left.carried.get('third')).toEqual([
      { id: 'three', answer: 'yes' },
      { id: 'four', answer: null },
    ]);
  });

  it('keeps notes: one feeder as written, several each after its old id', () => {
    const result = migrateAnswers(answers({ one: { answer: 'yes', note: 'Signed in March' }, two: { answer: 'mostly', note: 'Budget; half' } }), STEP);
    expect(result.answers.get('first')).toEqual({ answer: 'mostly', note: 'one: Signed in March; two: Budget; half' });
    expect(result.answers.get('second')).toEqual({ answer: 'mostly', note: 'Budget; half' });
  });

  it('a note without an answer is carried, and the answer stays unanswered', () => {
    const result = migrateAnswers(answers({ two: { note: 'ask Sam' } }), STEP);
    expect(result.answers.get('second')).toEqual({ answer: null, note: 'ask Sam' });
    // first is fed by one (left out: unanswered) and two.
    expect(result.answers.get('first')).toEqual({ answer: null, note: 'two: ask Sam' });
  });

  it('carries evidence (each once, in order) and the oldest date checked; none when a feeder was never checked', () => {
    const result = migrateAnswers(
      answers({
        one: { answer: 'yes', evidence: ['https://a.example/1', 'minutes'], checked: '2026-03-01' },
        two: { answer: 'yes', evidence: ['minutes', 'https://b.example/2'], checked: '2025-11-30' },
        three: { answer: 'yes', checked: '2026-01-01' },
        four: 'yes',
      }),
      STEP,
    );
    expect(result.answers.get('first')).toEqual({ answer: 'yes', note: null, evidence: ['https://a.example/1', 'minutes', 'https://b.example/2'], checked: '2025-11-30' });
    expect(result.answers.get('second')).toEqual({ answer: 'yes', note: null, evidence: ['minutes', 'https://b.example/2'], checked: '2025-11-30' });
    expect(result.answers.get('third')).toEqual({ answer: 'yes', note: null });
  });

  it('an indicator nothing feeds starts unanswered and unmarked; an answer nothing takes is dropped, named', () => {
    const result = migrateAnswers(answers({ one: 'yes', gone: { answer: 'partly', note: 'launch plan' } }), STEP);
    expect(result.answers.has('fresh')).toBe(false);
    expect(result.carried.has('fresh')).toBe(false);
    expect(result.dropped).toEqual([{ id: 'gone', answer: { answer: 'partly', note: 'launch plan' } }]);
    // first is fed by one (yes) and two (left out): unanswered, marked with both.
    expect(result.carried.get('first')).toEqual([
      { id: 'one', answer: 'yes' },
      { id: 'two', answer: null },
    ]);
    expect(result.carried.has('second')).toBe(false);
  });

  it('an earlier indicator the migration does not name feeds nothing', () => {
    const partial = model('2', ['first'], [{ from: '1', indicators: { one: ['first'] } }]);
    const result = migrateAnswers(answers({ one: 'yes', two: 'no' }), [{ from: V1, to: partial, migration: partial.migrations![0]! }]);
    expect([...result.answers]).toEqual([['first', { answer: 'yes', note: null }]]);
    expect(result.dropped).toEqual([{ id: 'two', answer: { answer: 'no', note: null } }]);
  });

  it('an answer the later scale does not have is left unanswered', () => {
    const other = model('2', ['first'], [{ from: '1', indicators: { one: ['first'] } }], [
      { id: 'yes', label: 'Yes', value: 1 },
      { id: 'no', label: 'No', value: 0 },
    ]);
    const result = migrateAnswers(answers({ one: { answer: 'mostly', note: 'n' } }), [{ from: V1, to: other, migration: other.migrations![0]! }]);
    expect(result.answers.get('first')).toEqual({ answer: null, note: 'n' });
    expect(result.carried.get('first')).toEqual([{ id: 'one', answer: 'mostly' }]);
  });

  it('through a chain (1 → 2 → 3), notes name the first version ids and the marks its answers', () => {
    // 3: final is fed by first and second, which both come from one and two in 1.
    const v3 = model('3', ['final', 'third'], [{ from: '2', indicators: { first: ['final'], second: ['final'], third: ['third'], fresh: [] } }]);
    const chain = migrationChain(v3, '1', (version) => ({ '1': V1, '2': V2 })[version]);
    expect(chain?.map((step) => `${step.from.version}→${step.to.version}`)).toEqual(['1→2', '2→3']);
    const result = migrateAnswers(answers({ one: { answer: 'mostly', note: 'A' }, two: { answer: 'yes', note: 'B' }, three: 'partly', four: 'yes' }), chain!);
    expect(result.from).toBe('1');
    expect(result.to).toBe('3');
    // first = min(mostly, yes) = mostly, second = yes; final = min(mostly, yes) = mostly.
    expect(result.answers.get('final')).toEqual({ answer: 'mostly', note: 'one: A; two: B' });
    expect(result.answers.get('third')).toEqual({ answer: 'partly', note: null });
    expect(result.carried.get('final')).toEqual([
      { id: 'one', answer: 'mostly' },
      { id: 'two', answer: 'yes' },
    ]);
    expect(result.carried.get('third')).toEqual([
      { id: 'three', answer: 'partly' },
      { id: 'four', answer: 'yes' },
    ]);
  });
});

describe('migrationChain', () => {
  const v3 = model('3', ['final'], [{ from: '2', indicators: { first: ['final'], second: [], third: [], fresh: [] } }]);
  const versions: Record<string, Model> = { '1': V1, '2': V2, '3': v3 };

  it('is empty for the same version, one step for a direct migration, and null when none leads there', () => {
    expect(migrationChain(V2, '2', (version) => versions[version])).toEqual([]);
    expect(migrationChain(V2, '1', (version) => versions[version])).toEqual(STEP);
    expect(migrationChain(V1, '2', (version) => versions[version])).toBeNull();
    expect(migrationChain(V2, '0.9', (version) => versions[version])).toBeNull();
  });

  it('passes only through versions it can have', () => {
    expect(migrationChain(v3, '1', (version) => (version === '2' ? undefined : versions[version]))).toBeNull();
  });

  it('takes the shortest chain: a direct migration over one through an intermediate version', () => {
    const direct = model('3', ['final'], [
      { from: '2', indicators: { first: ['final'], second: [], third: [], fresh: [] } },
      { from: '1', indicators: { one: ['final'], two: [], three: [], four: [], gone: [] } },
    ]);
    const chain = migrationChain(direct, '1', (version) => versions[version]);
    expect(chain?.map((step) => `${step.from.version}→${step.to.version}`)).toEqual(['1→3']);
  });
});

describe('checkMigration', () => {
  it('passes a migration that names every earlier id and nothing else', () => {
    expect(checkMigration(V1, V2, 0)).toEqual([]);
  });

  it('names the earlier ids left out, at the map, and each key that is no earlier id, at the key', () => {
    const bad = model('2', ['first'], [{ from: '1', indicators: { one: ['first'], tow: ['first'], gone: [] } }]);
    expect(checkMigration(V1, bad, 0)).toEqual([
      {
        path: ['migrations', 0, 'indicators'],
        at: 'key',
        code: 'migration-missing-indicator',
        message: 'the migration from m 1 does not say where these 3 indicators go: two, three, four; map each to the new ids that take its answer over, or to [] when none does',
      },
      { path: ['migrations', 0, 'indicators', 'tow'], at: 'key', code: 'migration-unknown-indicator', message: '"tow" is not an indicator of m 1 (did you mean two?)' },
    ]);
  });
});
