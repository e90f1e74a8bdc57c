import * as z from 'zod/mini';
import { slug, text, weight } from './common.js';
import type { MessageKey } from '../locale/keys.js';
import { AGGREGATES, EFFORTS } from './constants.js';

export { AGGREGATES, NOT_APPLICABLE } from './constants.js';

const scaleLevelSchema = z.strictObject({
  id: z.string().check(z.minLength(1)),
  label: text,
  value: z.number().check(z.gte(0), z.lte(1)),
  /** What choosing this answer means, so that two assessors of one organisation answer alike. */
  description: z.optional(text),
});

/** A setting the model applies to (an internal community, a customer one, …): some indicators only exist in some. */
const contextSchema = z.strictObject({
  id: slug,
  name: text,
  description: z.optional(text),
});

/** A published reference a competency's indicators draw on. */
const sourceSchema = z.strictObject({
  title: text,
  // The error names a message of the catalogue, said in the run's language (parse/zod-issues.ts).
  url: z.url({ protocol: /^https?$/, error: 'input.schema.url' satisfies MessageKey }),
});

/**
 * How answers of an earlier version of the model carry over: each old indicator id to the new
 * ids it feeds (none, one or several). A new id fed by several takes the lowest of their answers.
 */
const migrationSchema = z.strictObject({
  from: text,
  note: z.optional(text),
  indicators: z.record(z.string(), z.array(slug)),
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
  /** The conditions that must all hold for the top answer. */
  criteria: z.optional(z.array(text).check(z.minLength(1))),
  /** What an assessor looks at to answer: a document, a log, a count. */
  evidence: z.optional(text),
  advice: z.optional(text),
  weight,
  /** The contexts (ids) the indicator applies to; every context when left out. */
  contexts: z.optional(z.array(slug).check(z.minLength(1))),
  effort: z.optional(z.enum(EFFORTS)),
  /** The role that usually does the work. */
  owner: z.optional(text),
  /** A must-have: its stage is not met until it is answered at or above the threshold (or n/a). */
  key: z.optional(z.boolean()),
});

const competencySchema = z.strictObject({
  id: slug,
  name: text,
  weight,
  description: z.optional(text),
  /** What this competency looks like at each stage, keyed by stage id. */
  stages: z.optional(z.record(z.string(), text)),
  sources: z.optional(z.array(sourceSchema)),
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
  contexts: z.optional(z.array(contextSchema).check(z.minLength(1))),
  stages: z.array(stageSchema).check(z.minLength(2)),
  competencies: z.array(competencySchema).check(z.minLength(1)),
  migrations: z.optional(z.array(migrationSchema)),
});

export type Model = z.infer<typeof modelSchema>;
export type ModelInput = z.input<typeof modelSchema>;
export type ScaleLevel = z.infer<typeof scaleLevelSchema>;
export type Stage = z.infer<typeof stageSchema>;
export type Competency = z.infer<typeof competencySchema>;
export type Indicator = z.infer<typeof indicatorSchema>;
export type Aggregate = (typeof AGGREGATES)[number];
