import { Command } from 'commander';
import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { answersTemplate } from '../../core/answers-template.js';
import { UserError } from '../../errors.js';
import { DEFAULT_MODEL_ID } from '../../read/builtin-models.js';
import { loadModelAt, modelFileOf, resolveModel } from '../../pipeline/load-model.js';
import { answersSchemaFile, GENERIC_ANSWERS_SCHEMA_FILE, modelineTarget, shippedSchemaDirectory } from '../../read/schema-files.js';
import { isoDate } from '../../schema/answers.js';
import { refuseInputAsOutput, writeOutput } from '../../write/output.js';
import { createParentFolders } from '../../write/folders.js';
import type { Io } from '../io.js';
import { relativeModelRef } from '../model-ref.js';
import { reportModel } from '../../pipeline/load-overlay.js';
import type { Locale } from '../../locale/locale.js';
import { examplesText } from '../commander-texts.js';

interface InitOptions {
  model?: string;
  output?: string;
  force?: boolean;
  organisation?: string;
  date?: string;
  schema?: string;
}

export function initCommand(io: Io, locale: Locale): Command {
  return new Command('init')
    .description(locale.t('cli.init.description'))
    .option('-m, --model <id|path>', locale.t('cli.option.model', { model: DEFAULT_MODEL_ID }))
    .option('-o, --output <file>', locale.t('cli.init.option.output'))
    .option('--force', locale.t('cli.init.option.force'))
    .option('--organisation <name>', locale.t('cli.init.option.organisation'))
    .option('--date <YYYY-MM-DD>', locale.t('cli.init.option.date'))
    .option('--schema <path|url>', locale.t('cli.init.option.schema'))
    .option('--no-color', locale.t('cli.option.noColorAccepted'))
    .addHelpText('after', `\n${examplesText(locale, EXAMPLES)}\n\n${locale.t('cli.init.help')}`)
    .action(async (options: InitOptions) => {
      const toFile = options.output !== undefined && options.output !== '-';
      if (options.organisation !== undefined && options.organisation.trim() === '') throw new UserError(locale.t('cli.init.error.emptyOrganisation'));
      if (options.date !== undefined && !isoDate.safeParse(options.date).success) throw new UserError(locale.t('cli.init.error.date', { date: options.date }));
      refuseInputAsOutput(options.output, [modelFileOf(options.model)]);
      if (toFile && !options.force && existsSync(options.output!)) {
        throw new UserError(locale.t('cli.error.exists', { file: options.output! }));
      }
      const location = resolveModel(options.model ?? DEFAULT_MODEL_ID, process.cwd(), locale);
      if (typeof location === 'string') throw new UserError(locale.t('cli.error.model', { problem: location }));
      // The comments speak the run's language, the model's texts in them too (from its translation).
      const { loaded } = await reportModel(await loadModelAt(location, locale), null, { language: locale.language });
      const { model } = loaded;
      const folder = toFile ? dirname(resolve(options.output!)) : process.cwd();
      const schema =
        options.schema ??
        modelineTarget(`${shippedSchemaDirectory()}${location.builtin ? answersSchemaFile(location.reference) : GENERIC_ANSWERS_SCHEMA_FILE}`, folder);
      const text = answersTemplate(model, {
        locale,
        schema,
        // The exact version, so that the file keeps being scored with the model it was written for.
        modelRef: location.builtin ? location.reference : relativeModelRef(location.path, folder),
        organisation: options.organisation,
        date: options.date ?? null,
      });
      if (toFile) await createParentFolders(options.output!);
      await writeOutput(text, options.output, io.stdout);
    });
}

/** The command lines its help shows as examples. */
const EXAMPLES = [
  'cm-maturity init -o answers.yaml',
  'cm-maturity init -o assessments/2026/acme.yaml',
  'cm-maturity init -o acme.yaml --organisation "Acme Corp" --date 2026-10-01',
  'cm-maturity init --model ./my-model.yaml --schema ./my-model.answers.schema.json -o answers.yaml',
];
