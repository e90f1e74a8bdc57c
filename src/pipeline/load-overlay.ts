import { existsSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { translateModel } from '../core/overlay.js';
import { UserError } from '../errors.js';
import { toDiagnostics } from '../parse/diagnostics.js';
import type { Locale } from '../locale/locale.js';
import { checkedOverlayFromYaml, overlayFromYaml, type CheckedOverlay } from '../parse/overlay.js';
import { builtinModel } from '../read/builtin-models.js';
import { readCompiledModel } from '../read/compiled-model.js';
import { readTextFile } from '../read/text.js';
import { DEFAULT_LANGUAGE, isLanguage, type Language } from '../schema/language.js';
import type { Overlay } from '../schema/overlay.js';
import { parseYaml, type ParsedSource } from '../parse/yaml.js';
import { loadModelAt, type LoadedModel } from './load-model.js';

/**
 * The translation of a model file into `language`: the file beside it, named after it with the
 * language before its extension (`community@2.0.yaml` → `community@2.0.fr.yaml`).
 */
export function overlayPathOf(modelPath: string, language: Language): string {
  const match = /\.ya?ml$/i.exec(modelPath);
  return match ? `${modelPath.slice(0, match.index)}.${language}${match[0]}` : `${modelPath}.${language}.yaml`;
}

/** The model file a translation's name points to, and the language it names: `x.fr.yaml` → `x.yaml`, `fr`. */
function modelPathOf(overlayPath: string): { path: string; language: Language } | undefined {
  const match = /\.([A-Za-z]+)(\.ya?ml)$/.exec(basename(overlayPath));
  const language = match?.[1]?.toLowerCase();
  if (!match || language === undefined || !isLanguage(language)) return undefined;
  return { path: join(dirname(overlayPath), `${basename(overlayPath).slice(0, match.index)}${match[2]}`), language };
}

/**
 * The model with its texts in `language`, from the translation beside it; the model as it is for
 * English, or when there is no translation (its own texts, said nowhere). A translation that does
 * not fit its model is an error located in the translation (a UserError); what it lacks is left
 * in the model's own words. A built-in model's translation is read in the form the build compiled
 * it to, while both files are those it was made from.
 */
export async function translatedModel(loaded: LoadedModel, language: Language, locale: Locale): Promise<LoadedModel> {
  if (language === DEFAULT_LANGUAGE || loaded.file === '') return loaded;
  const path = overlayPathOf(resolve(loaded.file), language);
  if (loaded.compiled !== undefined) {
    const compiled = readCompiledModel(compiledOverlayName(loaded.compiled, language), path, import.meta.dirname);
    if (compiled) return { ...loaded, model: compiled };
  }
  if (!existsSync(path)) return loaded;
  const { overlay } = checkedOverlayFromYaml(parseYaml(await readTextFile(overlayPathOf(loaded.file, language))), loaded.model, locale, language);
  return { ...loaded, model: translateModel(loaded.model, overlay) };
}

/** The name the build gives a built-in model's translation in dist/models/: `community@2.0.fr`. */
export function compiledOverlayName(reference: string, language: Language): string {
  return `${reference}.${language}`;
}

/** A translation checked against its model by `validate`, with the model it was checked against. */
export interface ValidatedOverlay extends CheckedOverlay {
  model: LoadedModel;
}

/**
 * Checks a translation against the model it translates: the built-in model of its `translates:`
 * and `version:` when there is one, else the model file its name points to (`x.fr.yaml` beside
 * `x.yaml`), else the newest built-in version of `translates:` (the translation is then stale).
 * `file` is the translation's path, undefined for standard input.
 */
export async function validateOverlay(parsed: ParsedSource, file: string | undefined, locale: Locale): Promise<ValidatedOverlay> {
  const overlay = overlayFromYaml(parsed, locale);
  const named = file === undefined ? undefined : modelPathOf(file);
  const model = await overlayModel(overlay, named?.path);
  if (model === undefined) {
    const beside = named === undefined ? '' : basename(named.path);
    const message = locale.t('input.overlay.noModel', { model: overlay.translates, version: overlay.version, file: beside || `${overlay.translates}@${overlay.version}.yaml` });
    throw new UserError(toDiagnostics(parsed, [{ path: ['translates'], code: 'overlay-no-model', message }]));
  }
  return { ...checkedOverlayFromYaml(parsed, model.model, locale, named?.language), model };
}

async function overlayModel(overlay: Overlay, beside: string | undefined): Promise<LoadedModel | undefined> {
  const exact = builtinModel(`${overlay.translates}@${overlay.version}`);
  if (exact !== undefined && exact.version === overlay.version) return loadModelAt({ builtin: true, id: exact.id, reference: exact.reference, latest: false, path: exact.path });
  if (beside !== undefined && existsSync(beside)) return loadModelAt({ builtin: false, path: resolve(beside) });
  const newest = builtinModel(overlay.translates);
  if (newest !== undefined && newest.id === overlay.translates) return loadModelAt({ builtin: true, id: newest.id, reference: newest.reference, latest: false, path: newest.path });
  return undefined;
}
