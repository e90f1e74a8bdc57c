import * as z from 'zod/mini';
import { slug, text } from './common.js';

/** How a date written with slashes and the year last (`10/8/26`) is read: the day or the month first. */
export const DATE_ORDERS = ['day-first', 'month-first'] as const;

export type DateOrder = (typeof DATE_ORDERS)[number];

/** A column of the export, by its title in the header row as written (spaces at either end aside). */
const columnTitle = text;

/**
 * A mapping file for `cm-maturity import` (`--map map.yaml`): which column of a survey export
 * holds what, for exports whose question titles do not end with an indicator id in brackets.
 * Every key is optional; a column it names must be in the export.
 */
export const importMapSchema = z.strictObject({
  /** Column title → the indicator whose answer the column holds. */
  answers: z.optional(z.nullable(z.record(columnTitle, slug))),
  /** Column title → the indicator whose note the column holds (free text). */
  notes: z.optional(z.nullable(z.record(columnTitle, slug))),
  /** The column of the moment each respondent answered: the answers file's `date:`. */
  timestamp: z.optional(z.nullable(columnTitle)),
  /** The column of the respondent's name: `respondent: { name }`. */
  name: z.optional(z.nullable(columnTitle)),
  /** The column of the respondent's role: `respondent: { role }`. */
  role: z.optional(z.nullable(columnTitle)),
  /** The column of the respondent's e-mail address: recognised so that it is left out, never written. */
  email: z.optional(z.nullable(columnTitle)),
  /** The column of the organisation each respondent answers for, when the export has one. */
  organisation: z.optional(z.nullable(columnTitle)),
  /** Columns to pass over (a quiz score, a consent box, …). */
  ignore: z.optional(z.nullable(z.array(columnTitle))),
  /** How dates with slashes and the year last are read; without it, the column's unambiguous dates decide. */
  dates: z.optional(z.nullable(z.enum(DATE_ORDERS))),
});

export type ImportMap = z.infer<typeof importMapSchema>;
