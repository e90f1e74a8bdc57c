import { UserError, type Diagnostic } from '../errors.js';
import type { SkippedKind } from '../core/file-summary.js';

/**
 * Thrown for a file found in a folder or by a pattern that is not what the command reads (a model
 * beside answers files, a JSON report, a CI workflow): it is passed over, not an error.
 */
class Skipped extends Error {
  constructor(
    readonly file: string,
    readonly kind: SkippedKind,
  ) {
    super(`${file} is passed over (${kind})`);
    this.name = 'Skipped';
  }
}

/** A file passed over, and what it is. */
export interface SkippedFile {
  file: string;
  kind: SkippedKind;
}

/** What became of one file of many: its value, the located errors that stopped it, or its being passed over. */
export type FileOutcome<T> = { file: string; value: T } | { file: string; diagnostics: Diagnostic[] } | SkippedFile;

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
    if (error instanceof Skipped) return { file, kind: error.kind };
    throw error;
  }
}

/**
 * Runs `work` on every file in turn, hands what each valid one gave to `keep`, and returns every
 * located error of the others, so that one run reports all of them, and the files passed over.
 */
export async function eachFile<T>(
  files: readonly string[],
  work: (file: string) => Promise<T>,
  keep: (value: T, file: string) => void,
): Promise<{ diagnostics: Diagnostic[]; skipped: SkippedFile[] }> {
  const diagnostics: Diagnostic[] = [];
  const skipped: SkippedFile[] = [];
  for (const file of files) {
    const outcome = await tryFile(file, work);
    if ('diagnostics' in outcome) diagnostics.push(...outcome.diagnostics);
    else if ('kind' in outcome) skipped.push(outcome);
    else keep(outcome.value, file);
  }
  return { diagnostics, skipped };
}

/** Throws Skipped when a file found (not named) is of a kind the command passes over. */
export function skipIf(file: string, kind: 'answers' | SkippedKind, passOver: readonly SkippedKind[] | undefined): void {
  if (passOver !== undefined && kind !== 'answers' && passOver.includes(kind)) throw new Skipped(file, kind);
}
