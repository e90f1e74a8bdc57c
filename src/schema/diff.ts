import * as z from 'zod/mini';
import { crossesVersionsSchema } from './report.js';

const stageScore = z.strictObject({ level: z.int(), stage: z.string(), score: z.number() });
const answer = z.strictObject({ answer: z.nullable(z.string()), note: z.nullable(z.string()) });

/** What changed between two assessments of one organisation, as `diff --format json` writes it. */
export const diffSchema = z.strictObject({
  organisation: z.string(),
  model: z.strictObject({ id: z.string(), name: z.string(), old: z.string(), new: z.string() }),
  /** Two versions of the model linked by its migrations: answers of the older are compared carried over to the newer's indicators. */
  crossesVersions: z.optional(crossesVersionsSchema),
  old: z.strictObject({ file: z.string(), date: z.nullable(z.string()) }),
  new: z.strictObject({ file: z.string(), date: z.nullable(z.string()) }),
  /** The stages of the new result's model, lowest first (and any other stage the old result names). */
  stages: z.array(z.strictObject({ id: z.string(), name: z.string() })),
  overall: z.strictObject({ old: stageScore, new: stageScore, delta: z.number() }),
  /** In the new model's order, then competencies only the old one has. Null on the side that lacks it. */
  competencies: z.array(
    z.strictObject({ id: z.string(), name: z.string(), old: z.nullable(stageScore), new: z.nullable(stageScore), delta: z.nullable(z.number()) }),
  ),
  /** Stage changes of competencies (and `overall`): from and to stage ids, gained (up) or lost (down). */
  stageChanges: z.array(z.strictObject({ subject: z.string(), from: z.string(), to: z.string(), change: z.enum(['gained', 'lost']) })),
  /** Indicators whose answer or note changed; null on the side where the indicator does not exist. */
  answers: z.array(
    z.strictObject({
      indicator: z.string(),
      competency: z.string(),
      old: z.nullable(answer),
      new: z.nullable(answer),
      /** Across versions: the indicators of the older version whose answers this one's older answer is carried over from. */
      carriedFrom: z.optional(z.array(z.string())),
    }),
  ),
});

export type Diff = z.infer<typeof diffSchema>;
