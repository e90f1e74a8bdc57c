import * as z from 'zod/mini';
import { crossesVersionsSchema } from './report.js';

const stageScore = z.strictObject({ level: z.int(), stage: z.string(), score: z.number() });

/** Dated assessments of one organisation, oldest first, as `history --format json` writes it. */
export const historySchema = z.strictObject({
  organisation: z.string(),
  model: z.strictObject({ id: z.string(), name: z.string(), version: z.string() }),
  /** Assessments of several versions of the model, linked by its migrations: the oldest and the newest version. */
  crossesVersions: z.optional(crossesVersionsSchema),
  stages: z.array(z.strictObject({ id: z.string(), name: z.string(), level: z.int() })),
  competencies: z.array(z.strictObject({ id: z.string(), name: z.string() })),
  points: z.array(
    z.strictObject({
      date: z.string(),
      /** The file it was read from; `path@commit` for a committed version. */
      source: z.string(),
      /** The full commit id with `--git`, else null. */
      commit: z.nullable(z.string()),
      /** Across versions: the model version this assessment was scored with. */
      version: z.optional(z.string()),
      overall: stageScore,
      /** Competency scores by id, in model order. */
      scores: z.record(z.string(), z.number()),
    }),
  ),
  /** A sparkline (▁ lowest stage … █ top stage) per competency id and for `overall`. */
  trends: z.record(z.string(), z.string()),
  /**
   * With `--plan`: the plan's targets, one entry per phase, as scores: those the phase sets and
   * those an earlier phase set (a target holds until a later phase changes it).
   */
  targets: z.optional(
    z.array(
      z.strictObject({
        phase: z.string(),
        by: z.string(),
        /** Competency targets by id. */
        scores: z.record(z.string(), z.number()),
        overall: z.nullable(z.number()),
      }),
    ),
  ),
});

export type History = z.infer<typeof historySchema>;
