import { quoted } from '../core/quote.js';
import { fileDiagnostic, UserError } from '../errors.js';
import type { Locale } from '../locale/locale.js';
import type { ParsedSource } from './yaml.js';

/** What a file is expected to be; `validate` accepts either. */
type ExpectedKind = 'model' | 'answers' | 'plan' | 'either';

/**
 * Refuses a document whose top level is not a mapping, saying what it is instead. A single value
 * is quoted (short) from a file the user named; a model can be any file an answers file's `model:`
 * names (`./.env`), so what a would-be model holds is never shown.
 */
export function expectMapping(parsed: ParsedSource, kind: ExpectedKind, locale: Locale): void {
  const { data } = parsed;
  if (data !== null && typeof data === 'object' && !Array.isArray(data)) return;
  const holds = data === null || data === undefined ? 'nothing' : Array.isArray(data) ? 'list' : kind === 'model' ? 'hiddenValue' : 'value';
  const value = holds === 'value' ? (typeof data === 'string' ? quoted(data) : JSON.stringify(data)) : '';
  throw new UserError([fileDiagnostic(parsed.file, 'not-a-mapping', locale.t('input.parse.not-a-mapping', { kind, holds, value }))]);
}
