import * as z from 'zod/mini';
import { slug, text } from './common.js';
import type { MessageKey } from '../locale/keys.js';
import { languageSchema } from './language.js';

/** A calendar date written as YYYY-MM-DD that exists (no 2026-02-30). */
export const isoDate = z.iso.date();

/**
 * One answer. A bare value (scale id or `n/a`) or `{ answer, note }`. A number is read as its
 * text so that models with numeric scale ids ("0".."3") need no quotes. Empty (null) means
 * "not answered yet", which is what a freshly generated answers file holds.
 */
const answerValue = z.union([z.string().check(z.minLength(1)), z.pipe(z.number(), z.transform(String))]);

export const answerEntrySchema = z.nullable(
  z.union(
    [
      answerValue,
      z.strictObject({
        answer: z.optional(z.nullable(answerValue)),
        note: z.optional(text),
        /** What the answer rests on: links or short texts. */
        evidence: z.optional(z.array(text).check(z.minLength(1))),
        /** When the answer was last checked against its evidence. */
        checked: z.optional(isoDate),
        /** In a file combined by `consensus`: how many respondents gave each answer (scale id or `n/a`). */
        distribution: z.optional(z.record(z.string(), z.int().check(z.gte(1)))),
      }),
    ],
    // Errors name a message of the catalogue, said in the run's language (parse/zod-issues.ts).
    { error: 'input.schema.answer-entry' satisfies MessageKey },
  ),
);

/** Who gave a file's answers: both free texts, both optional. */
const respondentSchema = z.strictObject({
  name: z.optional(z.nullable(text)),
  role: z.optional(z.nullable(text)),
});

export const answersSchema = z.strictObject({
  organisation: text,
  // Empty (null) is "not given", as a freshly generated answers file leaves them.
  date: z.optional(z.nullable(isoDate)),
  model: z.optional(text),
  /** The model's context the organisation works in (its `contexts:` ids); indicators of other contexts do not apply. Empty (null): every indicator applies, as `init` leaves it. */
  context: z.optional(z.nullable(slug)),
  /** The language the organisation's reports are written in (`en`, `fr`), unless `--lang` says otherwise. */
  language: z.optional(z.nullable(languageSchema)),
  assessor: z.optional(z.nullable(text)),
  /** The one person whose answers these are, in a file of one respondent among several. */
  respondent: z.optional(z.nullable(respondentSchema)),
  /** In a file combined by `consensus`: how many respondents' files it combines. */
  respondents: z.optional(z.int().check(z.gte(1))),
  /** In a file combined by `consensus`: the respondents who gave a name or a role. */
  panel: z.optional(z.array(respondentSchema).check(z.minLength(1))),
  answers: z.optional(z.nullable(z.record(z.string(), answerEntrySchema))),
});

export type AnswersFile = z.infer<typeof answersSchema>;
export type AnswerEntry = z.infer<typeof answerEntrySchema>;
export type Respondent = z.infer<typeof respondentSchema>;
