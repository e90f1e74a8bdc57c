import { fileDiagnostic, UserError } from '../errors.js';
import type { ParsedSource } from './yaml.js';

/** What a file is expected to be, as error messages name it; `validate` accepts either. */
const KIND_NAMES = { model: 'a model', answers: 'an answers file', either: 'a model or answers file' } as const;

/** Refuses a document whose top level is not a mapping, saying what it is instead. */
export function expectMapping(parsed: ParsedSource, kind: keyof typeof KIND_NAMES): void {
  const { data } = parsed;
  if (data !== null && typeof data === 'object' && !Array.isArray(data)) return;
  const found = data === null || data === undefined ? 'nothing (only comments?)' : Array.isArray(data) ? 'a list' : `a single value (${JSON.stringify(data)})`;
  throw new UserError([
    fileDiagnostic(parsed.file, 'not-a-mapping', `the top level of ${KIND_NAMES[kind]} must be a mapping of keys (key: value), but it holds ${found}`),
  ]);
}
