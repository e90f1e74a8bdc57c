import { fileDiagnostic, UserError } from '../errors.js';
import type { Locale } from '../locale/locale.js';
import { importMapSchema, type ImportMap } from '../schema/import-map.js';
import { toDiagnostics } from './diagnostics.js';
import { scalarSourceAt } from './locate.js';
import type { ParsedSource } from './yaml.js';
import { fromZodIssues } from './zod-issues.js';

/** Checks a parsed mapping file (`import --map`) against its schema: every problem of its shape at its line. */
export function importMapFromYaml(parsed: ParsedSource, locale: Locale): ImportMap {
  const { data } = parsed;
  if (data === null || typeof data !== 'object' || Array.isArray(data)) throw new UserError([fileDiagnostic(parsed.file, 'not-a-mapping', locale.t('team.import.map.notMapping'))]);
  const result = importMapSchema.safeParse(data);
  if (!result.success) {
    throw new UserError(toDiagnostics(parsed, fromZodIssues(result.error.issues, importMapSchema, data, (path) => scalarSourceAt(parsed, path), locale), locale));
  }
  return result.data;
}
