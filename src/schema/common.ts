import * as z from 'zod';

/** Ids of stages, competencies, indicators and models: stable, lower-case, usable in URLs and CLI flags. */
export const slug = z.string().regex(/^[a-z0-9][a-z0-9._-]*$/, { error: 'slug' });

/** A human-readable text that must say something. */
export const text = z.string().trim().min(1);

/** A positive weight; 1 when left out. */
export const weight = z.number().gt(0).finite().default(1);
