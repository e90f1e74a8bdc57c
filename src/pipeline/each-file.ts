import { UserError, type Diagnostic } from '../errors.js';

/** What became of one file of many: its value, or the located errors that stopped it. */
export type FileOutcome<T> = { file: string; value: T } | { file: string; diagnostics: Diagnostic[] };

/**
 * Runs `work` on one file of many. A problem located in the file is that file's outcome; an error
 * without a place (a bad --model, an unknown competency in --require) is the command's, the same
 * for every file, and is thrown.
 */
export async function tryFile<T>(file: string, work: (file: string) => Promise<T>): Promise<FileOutcome<T>> {
  try {
    return { file, value: await work(file) };
  } catch (error) {
    if (error instanceof UserError && error.diagnostics.length > 0) return { file, diagnostics: error.diagnostics };
    throw error;
  }
}

/**
 * Runs `work` on every file in turn, hands what each valid one gave to `keep`, and returns every
 * located error of the others, so that one run reports all of them.
 */
export async function eachFile<T>(files: readonly string[], work: (file: string) => Promise<T>, keep: (value: T, file: string) => void): Promise<Diagnostic[]> {
  const diagnostics: Diagnostic[] = [];
  for (const file of files) {
    const outcome = await tryFile(file, work);
    if ('diagnostics' in outcome) diagnostics.push(...outcome.diagnostics);
    else keep(outcome.value, file);
  }
  return diagnostics;
}
