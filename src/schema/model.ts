import * as z from 'zod/mini';
import { slug, text, weight } from './common.js';
import { AGGREGATES } from './constants.js';

export { AGGREGATES, NOT_APPLICABLE } from './constants.js';

const scaleLevelSchema = z.strictObject({
  id: z.string().check(z.minLength(1)),
  label: text,
  value: z.number().check(z.gte(0), z.lte(1)),
});

const stageSchema = z.strictObject({
  id: slug,
  name: text,
  description: z.optional(text),
});

const indicatorSchema = z.strictObject({
  id: slug,
  stage: slug,
  text,
  advice: z.optional(text),
  weight,
});

const competencySchema = z.strictObject({
  id: slug,
  name: text,
  weight,
  description: z.optional(text),
  /** What this competency looks like at each stage, keyed by stage id. */
  stages: z.optional(z.record(z.string(), text)),
  indicators: z.array(indicatorSchema).check(z.minLength(1)),
});

export const modelSchema = z.strictObject({
  id: slug,
  name: text,
  version: text,
  description: z.optional(text),
  source: z.optional(text),
  scale: z.array(scaleLevelSchema).check(z.minLength(2)),
  threshold: z._default(z.number().check(z.gt(0), z.lte(1)), 0.75),
  aggregate: z._default(z.enum(AGGREGATES), 'mean'),
  stages: z.array(stageSchema).check(z.minLength(2)),
  competencies: z.array(competencySchema).check(z.minLength(1)),
});

export type Model = z.infer<typeof modelSchema>;
export type ModelInput = z.input<typeof modelSchema>;
export type ScaleLevel = z.infer<typeof scaleLevelSchema>;
export type Stage = z.infer<typeof stageSchema>;
export type Competency = z.infer<typeof competencySchema>;
export type Indicator = z.infer<typeof indicatorSchema>;
export type Aggregate = (typeof AGGREGATES)[number];
