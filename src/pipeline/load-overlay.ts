import { existsSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { inlineText } from '../core/quote.js';
import { UserError } from '../errors.js';
import type { Locale } from '../locale/locale.js';
import type { CheckedOverlay } from '../parse/overlay.js';
import { builtinModel } from '../read/builtin-models.js';
import { readCompiledModel } from '../read/compiled-model.js';
import { readTextFile } from '../read/text.js';
import { DEFAULT_LANGUAGE, isLanguage, reportLanguage, type Language } from '../schema/language.js';
import type { Model } from '../schema/model.js';
import type { Overlay } from '../schema/overlay.js';
import type { ParsedSource } from '../parse/yaml.js';
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
 * not fit its model is an error located in the translation (a UserError), worded by `locale`
 * (English by default); what it lacks is left in the model's own words. A built-in model's
 * translation is read in the form the build compiled it to, while both files are those it was
 * made from.
 */
export async function translatedModel(loaded: LoadedModel, language: Language, locale: () => Promise<Locale> = () => localeOf(DEFAULT_LANGUAGE)): Promise<LoadedModel> {
  if (language === DEFAULT_LANGUAGE || loaded.file === '') return loaded;
  const path = overlayPathOf(resolve(loaded.file), language);
  if (loaded.compiled !== undefined) {
    const compiled = readCompiledModel(compiledOverlayName(loaded.compiled, language), path, import.meta.dirname);
    if (compiled) return { ...loaded, model: compiled };
  }
  if (!existsSync(path)) return loaded;
  // Loaded here, not with this module: a run in English, or with a compiled translation, parses none.
  const [{ parseYaml }, { checkedOverlayFromYaml }, { translateModel }] = await Promise.all([import('../parse/yaml.js'), import('../parse/overlay.js'), import('../core/overlay.js')]);
  const { overlay } = checkedOverlayFromYaml(parseYaml(await readTextFile(overlayPathOf(loaded.file, language))), loaded.model, await locale(), language);
  return { ...loaded, model: translateModel(loaded.model, overlay) };
}

/** The messages of a language, loaded only for an error in a translation. */
async function localeOf(language: Language): Promise<Locale> {
  const [{ createLocale }, { readCatalogue }] = await Promise.all([import('../locale/locale.js'), import('../read/catalogue.js')]);
  return createLocale(language, readCatalogue);
}

/** The name the build gives a built-in model's translation in dist/models/: `community@2.0.fr`. */
function compiledOverlayName(reference: string, language: Language): string {
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
  const [{ checkedOverlayFromYaml, overlayFromYaml }, { toDiagnostics }] = await Promise.all([import('../parse/overlay.js'), import('../parse/diagnostics.js')]);
  const overlay = overlayFromYaml(parsed, locale);
  const named = file === undefined ? undefined : modelPathOf(file);
  const model = await overlayModel(overlay, named?.path);
  if (model === undefined) {
    const beside = named === undefined ? '' : basename(named.path);
    const [id, version] = [inlineText(overlay.translates), inlineText(overlay.version)];
    const message = locale.t('input.overlay.noModel', { model: id, version, file: beside || `${id}@${version}.yaml` });
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

/** How the language of a run's reports is chosen: plain data, so that worker threads get it too. */
export interface LanguageOptions {
  /** `--lang`: the language of every report, whatever the answers files say. */
  lang?: Language;
  /** The run's language (the environment's, else English): that of reports of answers files that state none, and of errors. */
  language?: Language;
}

/** Each model's translations read in this process, by language: many answers files of one run share a model. */
const translations = new WeakMap<Model, Map<Language, Promise<Model>>>();

/**
 * The language of an answers file's report (`--lang`, else the file's `language:`, else the run's)
 * and its model in that language: what scoring it needs so that its report speaks one language.
 */
export async function reportModel(loaded: LoadedModel, stated: Language | null | undefined, options: LanguageOptions): Promise<{ language: Language; loaded: LoadedModel }> {
  const run = options.language ?? DEFAULT_LANGUAGE;
  const language = reportLanguage(options.lang, stated, run);
  if (language === DEFAULT_LANGUAGE) return { language, loaded };
  let byLanguage = translations.get(loaded.model);
  if (!byLanguage) translations.set(loaded.model, (byLanguage = new Map()));
  let model = byLanguage.get(language);
  if (!model) {
    model = translatedModel(loaded, language, () => localeOf(run)).then((translated) => translated.model);
    byLanguage.set(language, model);
  }
  return { language, loaded: { ...loaded, model: await model } };
}
