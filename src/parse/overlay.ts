import { checkOverlay } from '../core/overlay.js';
import { fileDiagnostic, UserError, type Diagnostic } from '../errors.js';
import type { Locale } from '../locale/locale.js';
import type { Language } from '../schema/language.js';
import type { Model } from '../schema/model.js';
import { overlaySchema, type Overlay } from '../schema/overlay.js';
import type { TextSource } from '../source.js';
import { toDiagnostics } from './diagnostics.js';
import { scalarSourceAt } from './locate.js';
import { parseYaml, type ParsedSource } from './yaml.js';
import { fromZodIssues } from './zod-issues.js';

/** A translation of a model, checked against it: the texts, and the warnings about what it lacks (located in its file). */
export interface CheckedOverlay {
  overlay: Overlay;
  warnings: Diagnostic[];
}

/** Checks a parsed YAML document against the overlay schema: every problem of its shape at its line. */
export function overlayFromYaml(parsed: ParsedSource, locale: Locale): Overlay {
  const { data } = parsed;
  if (data === null || typeof data !== 'object' || Array.isArray(data)) {
    throw new UserError([fileDiagnostic(parsed.file, 'not-a-mapping', locale.t('input.overlay.notMapping'))]);
  }
  const result = overlaySchema.safeParse(data);
  if (!result.success) {
    throw new UserError(toDiagnostics(parsed, fromZodIssues(result.error.issues, overlaySchema, data, (path) => scalarSourceAt(parsed, path))));
  }
  return result.data;
}

/**
 * Parses a translation and checks it against the model it translates; `language` is the language
 * its file name says (`x.fr.yaml`), which its `language:` must be. Errors are thrown, every one
 * at its place in the translation's file; warnings are returned.
 */
export function checkedOverlayFromYaml(parsed: ParsedSource, model: Model, locale: Locale, language?: Language): CheckedOverlay {
  const overlay = overlayFromYaml(parsed, locale);
  const { errors, warnings } = checkOverlay(model, overlay, locale);
  if (language !== undefined && overlay.language !== language) {
    errors.push({ path: ['language'], code: 'overlay-wrong-language', message: locale.t('input.overlay.wrongLanguage', { expected: language, language: overlay.language }) });
  }
  if (errors.length > 0) throw new UserError(toDiagnostics(parsed, errors));
  return { overlay, warnings: toDiagnostics(parsed, warnings) };
}

/** Parses a translation from text and checks it against its model (see checkedOverlayFromYaml). */
export function parseOverlay(source: TextSource, model: Model, locale: Locale, language?: Language): CheckedOverlay {
  return checkedOverlayFromYaml(parseYaml(source), model, locale, language);
}
