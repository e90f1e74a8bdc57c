import * as z from 'zod';
import { slug, text, weight } from './common.js';
import { AGGREGATES } from './constants.js';

export { AGGREGATES, NOT_APPLICABLE } from './constants.js';

const scaleLevelSchema = z.strictObject({
  id: z.string().min(1),
  label: text,
  value: z.number().min(0).max(1),
});

const stageSchema = z.strictObject({
  id: slug,
  name: text,
  description: text.optional(),
});

const indicatorSchema = z.strictObject({
  id: slug,
  stage: slug,
  text,
  advice: text.optional(),
  weight,
});

const competencySchema = z.strictObject({
  id: slug,
  name: text,
  weight,
  description: text.optional(),
  /** What this competency looks like at each stage, keyed by stage id. */
  stages: z.record(z.string(), text).optional(),
  indicators: z.array(indicatorSchema).min(1),
});

export const modelSchema = z.strictObject({
  id: slug,
  name: text,
  version: text,
  description: text.optional(),
  source: text.optional(),
  scale: z.array(scaleLevelSchema).min(2),
  threshold: z.number().gt(0).max(1).default(0.75),
  aggregate: z.enum(AGGREGATES).default('mean'),
  stages: z.array(stageSchema).min(2),
  competencies: z.array(competencySchema).min(1),
});

export type Model = z.infer<typeof modelSchema>;
export type ModelInput = z.input<typeof modelSchema>;
export type ScaleLevel = z.infer<typeof scaleLevelSchema>;
export type Stage = z.infer<typeof stageSchema>;
export type Competency = z.infer<typeof competencySchema>;
export type Indicator = z.infer<typeof indicatorSchema>;
export type Aggregate = (typeof AGGREGATES)[number];
