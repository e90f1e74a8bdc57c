import { Command, Option } from 'commander';
import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { appliesIn } from '../../core/assessment.js';
import { quoted } from '../../core/quote.js';
import { didYouMean } from '../../core/suggest.js';
import { UserError } from '../../errors.js';
import type { Area, Catalogue } from '../../locale/keys.js';
import type { Locale } from '../../locale/locale.js';
import { loadModelAt, modelFileOf, resolveModel } from '../../pipeline/load-model.js';
import { translatedModel } from '../../pipeline/load-overlay.js';
import { DEFAULT_MODEL_ID } from '../../read/builtin-models.js';
import { readCatalogue } from '../../read/catalogue.js';
import { answersSchemaFile, GENERIC_ANSWERS_SCHEMA_FILE, modelineTarget, shippedSchemaDirectory } from '../../read/schema-files.js';
import { questionFormats, type QuestionsFormatName } from '../../report/form/index.js';
import type { FormPageData } from '../../report/form/page-data.js';
import type { Model } from '../../schema/model.js';
import { createParentFolders } from '../../write/folders.js';
import { refuseInputAsOutput, writeOutput } from '../../write/output.js';
import type { Io } from '../io.js';
import { relativeModelRef } from '../model-ref.js';
import { examplesText } from '../commander-texts.js';

interface FormOptions {
  model?: string;
  context?: string;
  organisation?: string;
  respondentName?: string;
  respondentRole?: string;
  output?: string;
  force?: boolean;
  questions?: QuestionsFormatName;
}

export function formCommand(io: Io, locale: Locale): Command {
  return new Command('form')
    .description(locale.t('team.form.cli.description'))
    .option('-m, --model <id|path>', locale.t('cli.option.model', { model: DEFAULT_MODEL_ID }))
    .option('--context <id>', locale.t('team.form.cli.context'))
    .option('--organisation <name>', locale.t('team.form.cli.organisation'))
    .option('--respondent-name <name>', locale.t('team.form.cli.respondentName'))
    .option('--respondent-role <role>', locale.t('team.form.cli.respondentRole'))
    .option('-o, --output <file>', locale.t('team.form.cli.output'))
    .option('--force', locale.t('team.form.cli.force'))
    .addOption(new Option('--questions <format>', locale.t('team.form.cli.questions')).choices(questionFormats.names))
    .option('--no-color', locale.t('team.form.cli.noColor'))
    .addHelpText('after', `\n${examplesText(locale, EXAMPLES)}\n\n${locale.t('team.form.cli.help')}`)
    .action(async (options: FormOptions) => {
      const toFile = options.output !== undefined && options.output !== '-';
      if (options.organisation !== undefined && options.organisation.trim() === '') throw new UserError(locale.t('team.form.emptyOrganisation'));
      refuseInputAsOutput(options.output, [modelFileOf(options.model)]);
      if (toFile && options.force !== true && existsSync(options.output!)) throw new UserError(locale.t('team.form.exists', { file: options.output! }));
      const location = resolveModel(options.model ?? DEFAULT_MODEL_ID, process.cwd(), locale);
      if (typeof location === 'string') throw new UserError(locale.t('cli.error.model', { problem: location }));
      const loaded = await translatedModel(await loadModelAt(location, locale), locale.language, async () => locale);
      const { model } = loaded;
      const context = options.context ?? null;
      if (context !== null) checkContext(model, context, locale);

      let text: string;
      if (options.questions !== undefined) {
        text = (await questionFormats.load(options.questions))(model, context);
      } else {
        const folder = toFile ? dirname(resolve(options.output!)) : process.cwd();
        const [{ formatFormHtml }, { storageKeyOf }, { readFormScript }] = await Promise.all([
          import('../../report/form/html.js'),
          import('../../report/form/page-data.js'),
          import('../../read/form-script.js'),
        ]);
        const organisation = options.organisation?.trim() ?? null;
        const respondent = { name: options.respondentName?.trim() || null, role: options.respondentRole?.trim() || null };
        const data: FormPageData = {
          language: locale.language,
          model,
          // The exact version, so that the answers keep being scored with the model they were given for.
          modelRef: location.builtin ? location.reference : relativeModelRef(location.path, folder),
          schema: modelineTarget(`${shippedSchemaDirectory()}${location.builtin ? answersSchemaFile(location.reference) : GENERIC_ANSWERS_SCHEMA_FILE}`, folder),
          organisation,
          context,
          respondent,
          storageKey: storageKeyOf(organisation, model, respondent),
          indicators: model.competencies.flatMap((competency) => competency.indicators.filter((indicator) => appliesIn(indicator, context)).map((indicator) => indicator.id)),
          messages: {
            team: messagesOf(locale, 'team', 'form.page.'),
            answers: messagesOf(locale, 'answers', 'template.'),
            input: messagesOf(locale, 'input', 'answers.', 'suggest.'),
          },
        };
        text = formatFormHtml(data, { locale, script: readFormScript() });
      }
      if (toFile) await createParentFolders(options.output!);
      await writeOutput(text, options.output, io.stdout);
    });
}

const EXAMPLES = [
  'cm-maturity form --organisation "Acme Corp" -o survey.html',
  'cm-maturity form --organisation "Acme Corp" --respondent-name "Alice Martin" --respondent-role "community manager" -o alice.html',
  'cm-maturity form -m ./my-model.yaml --context internal -o survey.html',
  'cm-maturity --lang fr form --organisation "Acme" -o questionnaire.html',
  'cm-maturity form --questions csv -o questions.csv',
];

/** A context named with --context must be one of the model's. */
function checkContext(model: Model, context: string, locale: Locale): void {
  const ids = (model.contexts ?? []).map((candidate) => candidate.id);
  if (ids.length === 0) throw new UserError(locale.t('team.form.noContexts', { context: quoted(context), model: model.id }));
  if (!ids.includes(context)) {
    throw new UserError(locale.t('team.form.unknownContext', { context: quoted(context), model: model.id, suggestion: didYouMean(context, ids, locale), contexts: ids.join(', ') }));
  }
}

/** The messages of one area the page's script needs: those whose keys start with one of `prefixes`. */
function messagesOf(locale: Locale, area: Area, ...prefixes: string[]): Catalogue {
  const catalogue = readCatalogue(locale.language, area);
  return Object.fromEntries(Object.entries(catalogue).filter(([key]) => prefixes.some((prefix) => key.startsWith(prefix))));
}
