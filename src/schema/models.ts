import * as z from 'zod/mini';

/** The built-in models, as `models --format json` writes them: one entry per model version, sorted by id then version. */
export const modelListSchema = z.array(
  z.strictObject({
    /** What `--model` and `model:` write to name exactly this version: `community@2.0`. */
    reference: z.string(),
    id: z.string(),
    /** The version a reference without one (`community`) names. */
    newest: z.boolean(),
    name: z.string(),
    version: z.string(),
    /** The stage names, lowest first. */
    stages: z.array(z.string()),
    /** How many competencies and indicators the model has. */
    competencies: z.int(),
    indicators: z.int(),
    /** The model file, relative to the package's folder (`models/community@2.0.yaml`). */
    source: z.string(),
  }),
);

export type ModelList = z.infer<typeof modelListSchema>;
