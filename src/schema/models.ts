import * as z from 'zod/mini';

/** The built-in models, as `models --format json` writes them: one entry per model, sorted by id. */
export const modelListSchema = z.array(
  z.strictObject({
    id: z.string(),
    name: z.string(),
    version: z.string(),
    /** The stage names, lowest first. */
    stages: z.array(z.string()),
    /** How many competencies and indicators the model has. */
    competencies: z.int(),
    indicators: z.int(),
    /** The model file, relative to the package's folder (`models/community.yaml`). */
    source: z.string(),
  }),
);

export type ModelList = z.infer<typeof modelListSchema>;
