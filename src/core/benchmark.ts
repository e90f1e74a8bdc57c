import { BENCHMARK_SCHEMA_VERSION } from '../schema/constants.js';
import type { Benchmark, BenchmarkDistribution } from '../schema/benchmark.js';
import type { Report } from '../schema/report.js';
import { distribution, percentileRank, type Numbers } from './stats.js';
import { truncate2 } from './truncate.js';

/**
 * What the benchmark keeps of one scored assessment: a few numbers, so that a pool of a hundred
 * thousand assessments fits in memory where their full reports would not. No strings: one taken
 * from a parsed file may be a slice of the whole file's text and keep all of it alive.
 */
export interface PoolEntry {
  overall: { score: number; level: number };
  competencies: { score: number; level: number }[];
}

/** The organisation placed against the pool (`--org`), with its name and date for the report. */
export interface OrganisationEntry extends PoolEntry {
  organisation: string;
  date: string | null;
}

function poolEntry(report: Report): PoolEntry {
  return {
    overall: { score: report.overall.score, level: report.overall.level },
    competencies: report.competencies.map(({ score, level }) => ({ score, level })),
  };
}

export function organisationEntry(report: Report): OrganisationEntry {
  return { ...poolEntry(report), organisation: report.organisation, date: report.date };
}

/**
 * The numbers of one assessment in one array, as a run over a pool passes them on: the overall
 * score and level, then each competency's score and level in model order. A worker thread writes
 * the rows of a batch of files to one buffer that moves to the main thread without a copy
 * (pipeline/score-worker.ts), so that a pool of many files costs that thread no object per file.
 */
export type PoolRow = Float64Array;

export function poolRow(report: Report): PoolRow {
  return entryRow(poolEntry(report));
}

export function entryRow(entry: PoolEntry): PoolRow {
  const row = new Float64Array(2 + 2 * entry.competencies.length);
  row[0] = entry.overall.score;
  row[1] = entry.overall.level;
  entry.competencies.forEach(({ score, level }, index) => {
    row[2 + 2 * index] = score;
    row[3 + 2 * index] = level;
  });
  return row;
}

/** How many competencies a row holds numbers for. */
export function rowCompetencies(row: PoolRow): number {
  return (row.length - 2) / 2;
}

/**
 * A pool as columns of numbers, overall and per competency in model order: the scores and levels
 * of its assessments in typed arrays, of which the first `count` hold the pool. A hundred thousand
 * entries as objects, or as arrays grown one number at a time and copied as they grow, would keep
 * the garbage collector busy and the heap large for the whole run; a typed array made for the
 * pool's size is written once, outside the heap.
 */
export interface PoolColumns {
  count: number;
  overall: PoolColumn;
  competencies: PoolColumn[];
}

interface PoolColumn {
  scores: Float64Array;
  levels: Int32Array;
}

/**
 * Columns holding `entries`, for a model of `competencyCount` competencies, with room for
 * `capacity` assessments (more are taken too: the columns then grow, twice as large each time).
 */
export function poolColumns(entries: readonly PoolEntry[], competencyCount = entries[0]?.competencies.length ?? 0, capacity = entries.length): PoolColumns {
  const room = Math.max(capacity, entries.length, 1);
  const column = (): PoolColumn => ({ scores: new Float64Array(room), levels: new Int32Array(room) });
  const pool: PoolColumns = { count: 0, overall: column(), competencies: Array.from({ length: competencyCount }, column) };
  for (const entry of entries) addToPool(pool, entryRow(entry));
  return pool;
}

/** Adds an assessment's row (poolRow) to the pool: its numbers are copied, the row is not kept. */
export function addToPool(pool: PoolColumns, row: PoolRow): void {
  if (pool.count === pool.overall.scores.length) {
    for (const column of [pool.overall, ...pool.competencies]) {
      const scores = new Float64Array(column.scores.length * 2);
      scores.set(column.scores);
      const levels = new Int32Array(column.levels.length * 2);
      levels.set(column.levels);
      column.scores = scores;
      column.levels = levels;
    }
  }
  const at = pool.count;
  pool.overall.scores[at] = row[0]!;
  pool.overall.levels[at] = row[1]!;
  pool.competencies.forEach((column, index) => {
    column.scores[at] = row[2 + 2 * index]!;
    column.levels[at] = row[3 + 2 * index]!;
  });
  pool.count += 1;
}

/** A column's scores and levels of the pool's assessments, without the room left for more. */
function inPool(pool: PoolColumns, column: PoolColumn): { scores: Float64Array; levels: Int32Array } {
  return { scores: column.scores.subarray(0, pool.count), levels: column.levels.subarray(0, pool.count) };
}

/** The model a pool is scored with, as its reports describe it. */
export type PoolModel = Pick<Report, 'model' | 'stages'> & { competencies: { id: string; name: string }[] };

export function poolModel(report: Report): PoolModel {
  return { model: report.model, stages: report.stages, competencies: report.competencies.map(({ id, name }) => ({ id, name })) };
}

/** Distribution statistics as printed: truncated to two decimals like every score. */
function summary(scores: Numbers): BenchmarkDistribution {
  const { count, min, p25, median, p75, max, mean } = distribution(scores);
  return { count, min: truncate2(min), p25: truncate2(p25), median: truncate2(median), p75: truncate2(p75), max: truncate2(max), mean: truncate2(mean) };
}

/** How many furthest-behind competencies to name. */
const FURTHEST_BEHIND = 3;

/** The distribution of scores and stages in a pool, and where one organisation stands in it. */
export function benchmark(model: PoolModel, entries: readonly PoolEntry[] | PoolColumns, organisation?: OrganisationEntry): Benchmark {
  const pool = Array.isArray(entries) ? poolColumns(entries, model.competencies.length) : (entries as PoolColumns);
  if (pool.count === 0) throw new RangeError('a benchmark needs at least one assessment');
  const overall = inPool(pool, pool.overall);
  const competencyColumns = pool.competencies.map((column) => inPool(pool, column));
  const overallScores = overall.scores;
  const competencyScores = competencyColumns.map((column) => column.scores);

  const shares = (levels: Int32Array) => {
    const counts = new Map<number, number>();
    for (const level of levels) counts.set(level, (counts.get(level) ?? 0) + 1);
    return Object.fromEntries(model.stages.map((stage) => [stage.id, Math.round(((counts.get(stage.level) ?? 0) / levels.length) * 10_000) / 10_000]));
  };
  const overallSummary = summary(overallScores);
  const competencySummaries = competencyScores.map(summary);

  const stand = (score: number, level: number, scores: Numbers, median: number) => ({
    score,
    level,
    stage: model.stages[level - 1]!.id,
    percentile: Math.round(percentileRank(scores, score) * 10) / 10,
    median,
    gap: Math.round((score - median) * 100) / 100,
  });

  let standing: Benchmark['organisation'] = null;
  if (organisation) {
    const competencies = model.competencies.map((competency, index) => ({
      id: competency.id,
      name: competency.name,
      ...stand(organisation.competencies[index]!.score, organisation.competencies[index]!.level, competencyScores[index]!, competencySummaries[index]!.median),
    }));
    standing = {
      organisation: organisation.organisation,
      date: organisation.date,
      overall: stand(organisation.overall.score, organisation.overall.level, overallScores, overallSummary.median),
      competencies,
      furthestBehind: competencies
        .filter((competency) => competency.gap < 0)
        .sort((a, b) => a.gap - b.gap || model.competencies.findIndex((c) => c.id === a.id) - model.competencies.findIndex((c) => c.id === b.id))
        .slice(0, FURTHEST_BEHIND)
        .map((competency) => competency.id),
    };
  }

  return {
    schemaVersion: BENCHMARK_SCHEMA_VERSION,
    model: model.model,
    stages: model.stages,
    count: pool.count,
    overall: { distribution: overallSummary, stages: shares(overall.levels) },
    competencies: model.competencies.map((competency, index) => ({
      id: competency.id,
      name: competency.name,
      distribution: competencySummaries[index]!,
      stages: shares(competencyColumns[index]!.levels),
    })),
    organisation: standing,
  };
}
