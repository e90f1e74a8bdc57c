import { quoted } from '../core/quote.js';
import { fileDiagnostic, UserError } from '../errors.js';
import type { ParsedSource } from './yaml.js';

/** What a file is expected to be, as error messages name it; `validate` accepts either. */
const KIND_NAMES = { model: 'a model', answers: 'an answers file', plan: 'a plan', either: 'a model or answers file' } as const;

/**
 * Refuses a document whose top level is not a mapping, saying what it is instead. A single value
 * is quoted (short) from a file the user named; a model can be any file an answers file's `model:`
 * names (`./.env`), so what a would-be model holds is never shown.
 */
export function expectMapping(parsed: ParsedSource, kind: keyof typeof KIND_NAMES): void {
  const { data } = parsed;
  if (data !== null && typeof data === 'object' && !Array.isArray(data)) return;
  const value = kind === 'model' ? '; this is not a model (what it holds is not shown)' : `(${typeof data === 'string' ? quoted(data) : JSON.stringify(data)})`;
  const found = data === null || data === undefined ? 'nothing (only comments?)' : Array.isArray(data) ? 'a list' : `a single value${kind === 'model' ? '' : ' '}${value}`;
  throw new UserError([
    fileDiagnostic(parsed.file, 'not-a-mapping', `the top level of ${KIND_NAMES[kind]} must be a mapping of keys (key: value), but it holds ${found}`),
  ]);
}
