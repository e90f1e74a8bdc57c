import * as z from 'zod/mini';

/** A problem at a place in a file, as the CLI prints it: `file:line:col: message`. */
const locatedMessage = z.strictObject({
  /** The file the problem is in: the file checked, or a model it names. */
  file: z.string(),
  line: z.int(),
  column: z.int(),
  /** A stable code such as `yaml-syntax`, `unknown-indicator` or `no-advice`. */
  code: z.string(),
  message: z.string(),
});

/** What `validate --format json` writes: every file checked, in the order given. */
export const validationSchema = z.strictObject({
  /** Whether every file is valid (the exit code is then 0). */
  valid: z.boolean(),
  files: z.array(
    z.strictObject({
      /** The file as named on the command line; `<stdin>` for `-`. */
      path: z.string(),
      /** What the file was recognised as (`overlay`: a translation of a model's texts); `unknown` when it could not be read or told apart. */
      kind: z.enum(['model', 'answers', 'report', 'plan', 'overlay', 'unknown']),
      valid: z.boolean(),
      errors: z.array(locatedMessage),
      /** A model's weaknesses; with `--strict` they are errors instead. */
      warnings: z.array(locatedMessage),
    }),
  ),
});

export type Validation = z.infer<typeof validationSchema>;
