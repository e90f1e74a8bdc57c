import { importSurvey, type ImportedRespondent, type SurveyTable } from '../core/survey-import.js';
import { UserError, type Diagnostic } from '../errors.js';
import { createLocale, type Locale } from '../locale/locale.js';
import { importMapFromYaml } from '../parse/import-map.js';
import { locate } from '../parse/locate.js';
import { surveyTable } from '../parse/survey-csv.js';
import { parseYaml, type ParsedSource } from '../parse/yaml.js';
import { readCatalogue } from '../read/catalogue.js';
import { readInput, readTextFile } from '../read/text.js';
import type { DateOrder, ImportMap } from '../schema/import-map.js';
import { LANGUAGES } from '../schema/language.js';
import { DEFAULT_MODEL_ID } from '../read/builtin-models.js';
import { loadModelAt, resolveModel, type LoadedModel, type ModelLocation } from './load-model.js';
import { translatedModel } from './load-overlay.js';

export interface SurveyOptions {
  map?: string;
  model?: string;
  organisation?: string;
  dates?: DateOrder;
  stdin?: () => NodeJS.ReadableStream;
}

/** A survey export read and matched: its model and one respondent per row. */
export interface LoadedSurvey {
  model: LoadedModel;
  location: ModelLocation;
  respondents: ImportedRespondent[];
}

/**
 * Reads a survey export (a path or `-`), the mapping file if any and the model, and matches every
 * column and cell. Answers may be written as the scale's ids or as its labels in any language the
 * model is translated into (the files beside it), `n/a` as every language says it. Every problem of
 * the export and of the mapping file is thrown at once, each at its place.
 */
export async function loadSurvey(input: string, options: SurveyOptions, locale: Locale): Promise<LoadedSurvey> {
  const location = resolveModel(options.model ?? DEFAULT_MODEL_ID, process.cwd(), locale);
  if (typeof location === 'string') throw new UserError(locale.t('cli.error.model', { problem: location }));
  const model = await loadModelAt(location, locale);
  const diagnostics: Diagnostic[] = [];
  let map: { parsed: ParsedSource; map: ImportMap } | undefined;
  if (options.map !== undefined) {
    try {
      const parsed = parseYaml(await readTextFile(options.map, locale), locale);
      map = { parsed, map: importMapFromYaml(parsed, locale) };
    } catch (error) {
      if (!(error instanceof UserError) || error.diagnostics.length === 0) throw error;
      diagnostics.push(...error.diagnostics);
    }
  }
  let read: { file: string; table: SurveyTable } | undefined;
  try {
    const source = await readInput(input, options.stdin, locale).catch((error: unknown) => {
      // Read as any input is, but an empty export is not an empty YAML file.
      if (error instanceof UserError && error.diagnostics[0]?.code === 'empty') throw new UserError([{ ...error.diagnostics[0], message: locale.t('team.import.emptyExport') }]);
      throw error;
    });
    read = { file: source.file, table: await surveyTable(source, locale) };
  } catch (error) {
    if (!(error instanceof UserError)) throw error;
    diagnostics.push(...error.diagnostics);
  }
  if (diagnostics.length > 0 || read === undefined) throw new UserError(diagnostics);
  const { file, table } = read;

  const translations = await Promise.all(LANGUAGES.map((language) => translatedModel(model, language, async () => locale)));
  const labels = translations.flatMap((translated) => translated.model.scale.map((level) => ({ id: level.id, label: level.label })));
  const notApplicable = LANGUAGES.map((language) => createLocale(language, readCatalogue).t('report.answer.notApplicable'));
  const { respondents, issues } = importSurvey(table, { model: model.model, labels, notApplicable, map: map?.map, organisation: options.organisation, dates: options.dates ?? map?.map.dates ?? undefined, locale });
  for (const issue of issues) {
    if (issue.in === 'export') diagnostics.push({ file, line: issue.row, column: issue.column, code: issue.code, message: issue.message });
    else {
      const position = locate(map!.parsed, issue.path, issue.at);
      diagnostics.push({ file: map!.parsed.file, line: position.line, column: position.column, code: issue.code, message: issue.message });
    }
  }
  if (diagnostics.length > 0) throw new UserError(diagnostics);
  return { model, location, respondents };
}
