import * as z from 'zod/mini';
import { AGGREGATES, REPORT_SCHEMA_VERSION } from './constants.js';

export { REPORT_SCHEMA_VERSION };

/**
 * The result of scoring one assessment, exactly as `--format json` writes it. Defined as a
 * schema so that a saved report can be read back (as a baseline, say) and checked, and so that
 * the TypeScript types and the JSON contract cannot drift apart.
 */
const score = z.number();

const indicatorResultSchema = z.strictObject({
  id: z.string(),
  stage: z.string(),
  /** The indicator's statement, as in the model. */
  text: z.string(),
  /** The scale id or `n/a`; null when not answered. */
  answer: z.nullable(z.string()),
  /** The scale value; null for `n/a` and unanswered. */
  value: z.nullable(z.number()),
  note: z.nullable(z.string()),
});

const nextStepSchema = z.strictObject({
  id: z.string(),
  stage: z.string(),
  text: z.string(),
  answer: z.nullable(z.string()),
  note: z.nullable(z.string()),
  advice: z.nullable(z.string()),
});

const competencyResultSchema = z.strictObject({
  id: z.string(),
  name: z.string(),
  weight: z.number(),
  level: z.int(),
  stage: z.string(),
  stageName: z.string(),
  score,
  /** With a baseline: printed score minus the baseline's printed score; null when the baseline lacks this competency. */
  delta: z.optional(z.nullable(z.number())),
  /** The stage to reach next; null at the top stage. */
  nextStage: z.nullable(z.string()),
  /** Attainment (0–1) of every stage above the first, keyed by stage id. */
  attainment: z.record(z.string(), z.number()),
  /** The unmet indicators of the next stage, the largest gain first. */
  next: z.array(nextStepSchema),
  indicators: z.array(indicatorResultSchema),
});

const overallResultSchema = z.strictObject({
  level: z.int(),
  stage: z.string(),
  stageName: z.string(),
  score,
  /** With a baseline: printed score minus the baseline's printed score. */
  delta: z.optional(z.number()),
});

const stageScoreSchema = z.strictObject({ level: z.int(), stage: z.string(), score });

/** The earlier result a report was compared with (`--baseline`). */
const baselineSchema = z.strictObject({
  date: z.nullable(z.string()),
  model: z.strictObject({ id: z.string(), version: z.string() }),
  overall: stageScoreSchema,
  /** The baseline's competencies, in its own model order. */
  competencies: z.array(z.extend(stageScoreSchema, { id: z.string() })),
});

/** The outcome of one policy gate (`--fail-under`, `--require`, `--fail-on-regression`). */
const gateResultSchema = z.strictObject({
  /** `fail-under`, `require` or `no-regression`. */
  gate: z.string(),
  /** `overall` or a competency id. */
  subject: z.string(),
  /** The floor: a score, or the baseline's score for `no-regression`. */
  target: z.number(),
  actual: z.number(),
  passed: z.boolean(),
  /** `no-regression` with `--regression-tolerance`: how far below the baseline's score still passes. */
  tolerance: z.optional(z.number()),
});

export const reportSchema = z.strictObject({
  schemaVersion: z.literal(REPORT_SCHEMA_VERSION),
  model: z.strictObject({ id: z.string(), name: z.string(), version: z.string() }),
  organisation: z.string(),
  date: z.nullable(z.string()),
  assessor: z.nullable(z.string()),
  threshold: z.number(),
  aggregate: z.enum(AGGREGATES),
  stages: z.array(z.strictObject({ id: z.string(), name: z.string(), level: z.int() })),
  overall: overallResultSchema,
  competencies: z.array(competencyResultSchema),
  completeness: z.strictObject({
    answered: z.int(),
    total: z.int(),
    unanswered: z.array(z.string()),
  }),
  baseline: z.optional(baselineSchema),
  gates: z.optional(z.array(gateResultSchema)),
});

export type Report = z.infer<typeof reportSchema>;
export type CompetencyResult = z.infer<typeof competencyResultSchema>;
export type IndicatorResult = z.infer<typeof indicatorResultSchema>;
export type NextStep = z.infer<typeof nextStepSchema>;
export type OverallResult = z.infer<typeof overallResultSchema>;
export type BaselineResult = z.infer<typeof baselineSchema>;
export type GateResult = z.infer<typeof gateResultSchema>;
