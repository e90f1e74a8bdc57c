import * as z from 'zod/mini';
import { BENCHMARK_SCHEMA_VERSION } from './constants.js';

/** The peer benchmark as `benchmark --format json` writes it; types are inferred from here. */

const distributionSchema = z.strictObject({
  count: z.int(),
  min: z.number(),
  p25: z.number(),
  median: z.number(),
  p75: z.number(),
  max: z.number(),
  mean: z.number(),
});

/** Share (0–1) of the pool at each stage, keyed by stage id, lowest stage first. */
const stageShares = z.record(z.string(), z.number());

const standingSchema = z.strictObject({
  score: z.number(),
  level: z.int(),
  stage: z.string(),
  /** Percentile rank in the pool, 0–100 (ties count half). */
  percentile: z.number(),
  /** The pool's median score. */
  median: z.number(),
  /** The organisation's score minus the pool's median, as printed. */
  gap: z.number(),
});

export const benchmarkSchema = z.strictObject({
  schemaVersion: z.literal(BENCHMARK_SCHEMA_VERSION),
  model: z.strictObject({ id: z.string(), name: z.string(), version: z.string() }),
  stages: z.array(z.strictObject({ id: z.string(), name: z.string(), level: z.int() })),
  count: z.int(),
  overall: z.strictObject({ distribution: distributionSchema, stages: stageShares }),
  competencies: z.array(z.strictObject({ id: z.string(), name: z.string(), distribution: distributionSchema, stages: stageShares })),
  organisation: z.nullable(
    z.strictObject({
      organisation: z.string(),
      date: z.nullable(z.string()),
      overall: standingSchema,
      competencies: z.array(z.extend(standingSchema, { id: z.string(), name: z.string() })),
      /** Competency ids furthest below the pool's median, the largest gap first (at most three). */
      furthestBehind: z.array(z.string()),
    }),
  ),
});

export type Benchmark = z.infer<typeof benchmarkSchema>;
export type BenchmarkDistribution = z.infer<typeof distributionSchema>;
