import * as z from 'zod/mini';
import { ACTION_STATUSES, AGGREGATES, EFFORTS, REPORT_SCHEMA_VERSION } from './constants.js';
import { DEFAULT_LANGUAGE, languageSchema } from './language.js';

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
  /** What the answer rests on, as the answers file gives it. */
  evidence: z.optional(z.array(z.string())),
  /** When the answer was last checked (YYYY-MM-DD), as the answers file says. */
  checked: z.optional(z.string()),
  /** For answers combined by `consensus`: how many respondents gave each answer. */
  distribution: z.optional(z.record(z.string(), z.int())),
  /** A must-have of its stage. */
  key: z.optional(z.literal(true)),
  /** Not applicable in the assessment's context: counted as n/a whatever the file says. */
  applicable: z.optional(z.literal(false)),
});

const nextStepSchema = z.strictObject({
  id: z.string(),
  stage: z.string(),
  text: z.string(),
  answer: z.nullable(z.string()),
  note: z.nullable(z.string()),
  advice: z.nullable(z.string()),
  /** The conditions that must all hold for the top answer. */
  criteria: z.optional(z.array(z.string())),
  /** What to look at to answer it. */
  evidencePrompt: z.optional(z.string()),
  effort: z.optional(z.enum(EFFORTS)),
  owner: z.optional(z.string()),
  /** A must-have of its stage. */
  key: z.optional(z.literal(true)),
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
  /** The key indicators of the next stage not yet answered at or above the threshold: the stage is not met without them. */
  blockedBy: z.optional(z.array(z.string())),
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

/** Two results of different versions of one model, compared through the migrations that link them. */
export const crossesVersionsSchema = z.strictObject({
  /** The older version, whose answers are carried over. */
  from: z.string(),
  /** The newer version. */
  to: z.string(),
});

/** The earlier result a report was compared with (`--baseline`). */
const baselineSchema = z.strictObject({
  date: z.nullable(z.string()),
  model: z.strictObject({ id: z.string(), version: z.string() }),
  overall: stageScoreSchema,
  /** The baseline's competencies, in its own model order. */
  competencies: z.array(z.extend(stageScoreSchema, { id: z.string() })),
  /** A baseline of another version of the model, linked by its migrations: compared competency by competency. */
  crossesVersions: z.optional(crossesVersionsSchema),
});

/** The outcome of one policy gate (`--fail-under`, `--require`, `--fail-on-regression`, `--fail-on-stale`). */
const gateResultSchema = z.strictObject({
  /** `fail-under`, `require`, `no-regression` or `no-stale`. */
  gate: z.string(),
  /** `overall` or a competency id. */
  subject: z.string(),
  /** The floor: a score, or the baseline's score for `no-regression`; for `no-stale`, the most stale answers allowed (0). */
  target: z.number(),
  /** The score; for `no-stale`, the competency's stale answers. */
  actual: z.number(),
  passed: z.boolean(),
  /** `no-regression` with `--regression-tolerance`: how far below the baseline's score still passes. */
  tolerance: z.optional(z.number()),
  /** `behind-plan` and `stale-action`: the plan's phase the target or action belongs to. */
  phase: z.optional(z.string()),
  /** `behind-plan`: the day the phase was due. */
  by: z.optional(z.string()),
  /** `stale-action`: the indicator of the action, the day it was due, and where it stands. */
  indicator: z.optional(z.string()),
  due: z.optional(z.string()),
  status: z.optional(z.enum(ACTION_STATUSES)),
});

/** Where a competency, or the overall score, stands against a plan (`score --plan`). */
const planSubjectSchema = z.strictObject({
  /** A competency id, or `overall`. */
  id: z.string(),
  name: z.string(),
  score,
  /** The score in the plan's baseline; null when the baseline lacks it. */
  baseline: z.nullable(score),
  /** The target of the plan's last phase (its goal), as a score; null when the plan sets none. */
  target: z.nullable(score),
  /** The target of the phase due next, as a score; null when it sets none (or every phase is past). */
  phaseTarget: z.nullable(score),
  /** max(0, target − score); null without a target. */
  gap: z.nullable(score),
  /** 1 − Σgap / Σtarget (0 to 1); null without a target. */
  percentToTarget: z.nullable(z.number()),
  /** (score − baseline) / (target − baseline); 1 when the target is not above the baseline and is met; null without a target or baseline. */
  progressToDate: z.nullable(z.number()),
  /** Whether the score is where a straight line from the previous phase to the phase due next puts it by the report's date; null without a target. */
  onTrack: z.nullable(z.boolean()),
});

const planActionSchema = z.strictObject({
  indicator: z.string(),
  /** The competency the indicator belongs to; null when the model has no such indicator any more. */
  competency: z.nullable(z.string()),
  text: z.nullable(z.string()),
  phase: z.string(),
  owner: z.nullable(z.string()),
  due: z.nullable(z.string()),
  status: z.enum(ACTION_STATUSES),
  note: z.nullable(z.string()),
  /** The indicator's answer in this report. */
  answer: z.nullable(z.string()),
  /** Marked done while the indicator is still answered below the threshold. */
  doneBelowThreshold: z.optional(z.literal(true)),
  /** Due before the report's date and neither done nor dropped. */
  stale: z.optional(z.literal(true)),
});

/** The report against a plan: targets by phase, progress per competency and overall, and the actions. */
const planProgressSchema = z.strictObject({
  baseline: z.strictObject({ file: z.string(), date: z.nullable(z.string()) }),
  /** The id of the phase due next (the first due on or after the report's date); null without a date or when every phase is past. */
  phase: z.nullable(z.string()),
  /** The id of the last phase, whose targets are the plan's goal. */
  goal: z.string(),
  phases: z.array(
    z.strictObject({
      id: z.string(),
      name: z.nullable(z.string()),
      by: z.string(),
      /** The targets the phase sets, as scores, by competency id or `overall`. */
      targets: z.record(z.string(), score),
    }),
  ),
  overall: planSubjectSchema,
  competencies: z.array(planSubjectSchema),
  actions: z.array(planActionSchema),
});

/**
 * With `--stale-after`: the answers checked too long before the assessment's date. An answer is
 * stale when its `checked:` date is before `checkedBefore`, the assessment's date less the duration.
 */
const staleSchema = z.strictObject({
  /** The duration as given: a whole number and a unit, `90d`, `2w`, `12m`, `1y`. */
  after: z.string(),
  /** The cut-off date (YYYY-MM-DD); null when the assessment has no date, so that no answer can be judged. */
  checkedBefore: z.nullable(z.string()),
  /** The stale answers, in model order: indicator id, its competency's id, the date it was checked. */
  answers: z.array(z.strictObject({ id: z.string(), competency: z.string(), checked: z.string() })),
});

export const reportSchema = z.strictObject({
  schemaVersion: z.literal(REPORT_SCHEMA_VERSION),
  /**
   * The language of the report's texts: the model's, translated by its overlay for that language
   * when there is one, and the words of every format. English for a report written before reports
   * said it.
   */
  language: z._default(languageSchema, DEFAULT_LANGUAGE),
  model: z.strictObject({ id: z.string(), name: z.string(), version: z.string() }),
  organisation: z.string(),
  date: z.nullable(z.string()),
  assessor: z.nullable(z.string()),
  /** For answers combined by `consensus`: how many respondents they combine. */
  respondents: z.optional(z.int()),
  /** The model's context the assessment was made in, when the answers name one. */
  context: z.optional(z.strictObject({ id: z.string(), name: z.string() })),
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
  stale: z.optional(staleSchema),
  baseline: z.optional(baselineSchema),
  gates: z.optional(z.array(gateResultSchema)),
  /** With `--plan`: where the organisation stands against its plan. */
  plan: z.optional(planProgressSchema),
});

export type Report = z.infer<typeof reportSchema>;
export type CompetencyResult = z.infer<typeof competencyResultSchema>;
export type IndicatorResult = z.infer<typeof indicatorResultSchema>;
export type NextStep = z.infer<typeof nextStepSchema>;
export type OverallResult = z.infer<typeof overallResultSchema>;
export type BaselineResult = z.infer<typeof baselineSchema>;
export type GateResult = z.infer<typeof gateResultSchema>;
export type PlanProgress = z.infer<typeof planProgressSchema>;
export type PlanSubject = z.infer<typeof planSubjectSchema>;
export type PlanActionResult = z.infer<typeof planActionSchema>;
export type CrossesVersions = z.infer<typeof crossesVersionsSchema>;
export type StaleAnswers = z.infer<typeof staleSchema>;
