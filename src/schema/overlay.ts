import * as z from 'zod/mini';
import { slug, text } from './common.js';
import { languageSchema } from './language.js';

/**
 * A translation of a model's texts, kept in a file beside the model (`community@2.0.fr.yaml`).
 * It holds only texts, keyed by the ids of the model: ids, weights, values, stages, thresholds and
 * contexts lists stay the model's own. Every section and every text is optional: a text left out
 * is the model's original.
 */
const scaleTextsSchema = z.strictObject({
  label: z.optional(text),
  description: z.optional(text),
});

const namedTextsSchema = z.strictObject({
  name: z.optional(text),
  description: z.optional(text),
});

const competencyTextsSchema = z.strictObject({
  name: z.optional(text),
  description: z.optional(text),
  /** The competency's stage descriptors, by stage id. */
  stages: z.optional(z.record(z.string(), text)),
  /** Source titles, by the source's URL (the URL itself is never translated). */
  sources: z.optional(z.record(z.string(), text)),
});

const indicatorTextsSchema = z.strictObject({
  text: z.optional(text),
  /** As many as the model's criteria, in the same order. */
  criteria: z.optional(z.array(text).check(z.minLength(1))),
  evidence: z.optional(text),
  advice: z.optional(text),
  owner: z.optional(text),
});

export const overlaySchema = z.strictObject({
  /** The id of the model translated. */
  translates: slug,
  /** The version of the model the texts were written for. */
  version: text,
  language: languageSchema,
  name: z.optional(text),
  description: z.optional(text),
  source: z.optional(text),
  scale: z.optional(z.record(z.string(), scaleTextsSchema)),
  contexts: z.optional(z.record(z.string(), namedTextsSchema)),
  stages: z.optional(z.record(z.string(), namedTextsSchema)),
  competencies: z.optional(z.record(z.string(), competencyTextsSchema)),
  indicators: z.optional(z.record(z.string(), indicatorTextsSchema)),
  /** Migration notes, by the version migrated from. */
  migrations: z.optional(z.record(z.string(), text)),
});

export type Overlay = z.infer<typeof overlaySchema>;
