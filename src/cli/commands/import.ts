import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Command, Option } from 'commander';
import { answersTemplate } from '../../core/answers-template.js';
import type { ImportedRespondent } from '../../core/survey-import.js';
import { UserError } from '../../errors.js';
import type { Locale } from '../../locale/locale.js';
import { modelFileOf, type LoadedModel, type ModelLocation } from '../../pipeline/load-model.js';
import { loadSurvey } from '../../pipeline/load-survey.js';
import { DEFAULT_MODEL_ID } from '../../read/builtin-models.js';
import { answersSchemaFile, GENERIC_ANSWERS_SCHEMA_FILE, modelineTarget, shippedSchemaDirectory } from '../../read/schema-files.js';
import { DATE_ORDERS, type DateOrder } from '../../schema/import-map.js';
import { createParentFolders } from '../../write/folders.js';
import { refuseInputsAsOutputs, writeFile } from '../../write/output.js';
import type { Io } from '../io.js';
import { relativeModelRef } from '../model-ref.js';
import { examplesText } from '../commander-texts.js';

interface ImportOptions {
  map?: string;
  model?: string;
  organisation?: string;
  dates?: DateOrder;
  output: string;
  force?: boolean;
  quiet?: boolean;
}

export function importCommand(io: Io, locale: Locale): Command {
  return new Command('import')
    .description(locale.t('team.import.cli.description'))
    .argument('<export>', locale.t('team.import.cli.export'))
    .option('--map <file>', locale.t('team.import.cli.map'))
    .option('-m, --model <id|path>', locale.t('cli.option.model', { model: DEFAULT_MODEL_ID }))
    .option('--organisation <name>', locale.t('team.import.cli.organisation'))
    .addOption(new Option('--dates <order>', locale.t('team.import.cli.dates')).choices(DATE_ORDERS))
    .requiredOption('-o, --output <folder>', locale.t('team.import.cli.output'))
    .option('--force', locale.t('team.import.cli.force'))
    .option('-q, --quiet', locale.t('team.import.cli.quiet'))
    .option('--no-color', locale.t('cli.option.noColorAccepted'))
    .addHelpText('after', `\n${examplesText(locale, EXAMPLES)}\n\n${locale.t('team.import.cli.help')}`)
    .action(async (input: string, options: ImportOptions) => {
      if (options.organisation !== undefined && options.organisation.trim() === '') throw new UserError(locale.t('team.import.emptyOrganisationOption'));
      const survey = await loadSurvey(input, { map: options.map, model: options.model, organisation: options.organisation?.trim(), dates: options.dates, stdin: () => io.stdin }, locale);
      const names = fileNames(survey.respondents.length);
      const paths = names.map((name) => join(options.output, name));
      refuseInputsAsOutputs(paths, [input, options.map, modelFileOf(options.model)]);
      const existing = options.force === true ? [] : paths.filter((path) => existsSync(path));
      if (existing.length > 0) throw new UserError(locale.t('team.import.exists', { count: existing.length, first: existing[0]! }));
      const texts = survey.respondents.map((respondent) => answersFile(respondent, survey.model, survey.location, options.output, locale));
      await createParentFolders(join(options.output, names[0]!));
      for (const [index, path] of paths.entries()) await writeFile(texts[index]!, path);
      if (options.quiet !== true) await io.stderr.write(`${locale.t('team.import.written', { count: names.length, folder: options.output, first: names[0]!, last: names.at(-1)! })}\n`);
    });
}

const EXAMPLES = [
  'cm-maturity import responses.csv -o responses/ --organisation "Acme Corp"',
  'cm-maturity import export.csv --map map.yaml -o responses/',
  'cm-maturity import reponses.csv --dates day-first -o responses/ --force',
  'cm-maturity consensus responses/ -o team.yaml',
];

/**
 * The respondents' files, in the order of their rows: `r01.yaml`, `r02.yaml`, …, numbered with as
 * many digits as the last needs (at least two), so that they sort in order. Names say nothing of
 * who answered: a name is in the file only when the respondent gave one.
 */
function fileNames(count: number): string[] {
  const width = Math.max(2, String(count).length);
  return Array.from({ length: count }, (_, index) => `r${String(index + 1).padStart(width, '0')}.yaml`);
}

/** One respondent's answers, in the layout `init` writes. */
function answersFile(respondent: ImportedRespondent, model: LoadedModel, location: ModelLocation, folder: string, locale: Locale): string {
  const absolute = resolve(folder);
  const schema = modelineTarget(`${shippedSchemaDirectory()}${location.builtin ? answersSchemaFile(location.reference) : GENERIC_ANSWERS_SCHEMA_FILE}`, absolute);
  return answersTemplate(model.model, {
    locale,
    schema,
    modelRef: location.builtin ? location.reference : relativeModelRef(location.path, absolute),
    organisation: respondent.organisation,
    date: respondent.date,
    respondent: respondent.respondent,
    answers: respondent.answers,
  });
}
