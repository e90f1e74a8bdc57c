import * as z from 'zod/mini';

/** Ids of stages, competencies, indicators and models: stable, lower-case, usable in URLs and CLI flags. */
export const slug = z.string().check(z.regex(/^[a-z0-9][a-z0-9._-]*$/, { error: 'slug' }));

/** A human-readable text that must say something. */
export const text = z.string().check(z.trim(), z.minLength(1));

/** A positive weight; 1 when left out. */
export const weight = z._default(z.number().check(z.gt(0)), 1);
