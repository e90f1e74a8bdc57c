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
import type { Locale } from '../../locale/locale.js';

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
    .description('write a ready-to-fill answers file for a model, every indicator listed with its text and advice')
    .option('-m, --model <id|path>', `built-in model id or model file (default: "${DEFAULT_MODEL_ID}")`)
    .option('-o, --output <file>', 'the answers file to write (atomically), creating its folder if missing; - or none: standard output')
    .option('--force', 'replace the output file if it exists')
    .option('--organisation <name>', 'fill in the organisation (default: a placeholder to replace)')
    .option('--date <YYYY-MM-DD>', 'fill in the date of the assessment')
    .option('--schema <path|url>', "the answers JSON Schema the editor modeline points at (default: the built-in model's shipped schema)")
    .option('--no-color', 'accepted as by every command; the answers file is never coloured')
    .addHelpText(
      'after',
      `
Examples:
  $ cm-maturity init -o answers.yaml
  $ cm-maturity init -o assessments/2026/acme.yaml
  $ cm-maturity init -o acme.yaml --organisation "Acme Corp" --date 2026-10-01
  $ cm-maturity init --model ./my-model.yaml --schema ./my-model.answers.schema.json -o answers.yaml

model: names the exact version of a built-in model (community@2.0), so the file keeps being
scored with the model it was written for; each indicator's criteria, evidence to look at,
effort, owner and contexts are in its comment when the model gives them.
Every answer is left empty ("not answered yet"), so the file validates and scores as it is.
Fill some in, then: cm-maturity score answers.yaml. -o creates the folders on the way to the
file when they are missing; an existing file is never replaced without --force (exit 2). The
first line tells editors with the YAML language server where the answers schema is, for
completion and checking; cm-maturity schema answers --model <file> writes one for your own model.`,
    )
    .action(async (options: InitOptions) => {
      const toFile = options.output !== undefined && options.output !== '-';
      if (options.organisation !== undefined && options.organisation.trim() === '') throw new UserError('--organisation: must not be empty');
      if (options.date !== undefined && !isoDate.safeParse(options.date).success) throw new UserError(`--date: "${options.date}" is not a date written as YYYY-MM-DD`);
      refuseInputAsOutput(options.output, [modelFileOf(options.model)]);
      if (toFile && !options.force && existsSync(options.output!)) {
        throw new UserError(`${options.output} already exists; use --force to replace it`);
      }
      const location = resolveModel(options.model ?? DEFAULT_MODEL_ID, process.cwd(), locale);
      if (typeof location === 'string') throw new UserError(`--model: ${location}`);
      const { model } = await loadModelAt(location, locale);
      const folder = toFile ? dirname(resolve(options.output!)) : process.cwd();
      const schema =
        options.schema ??
        modelineTarget(`${shippedSchemaDirectory()}${location.builtin ? answersSchemaFile(location.reference) : GENERIC_ANSWERS_SCHEMA_FILE}`, folder);
      const text = answersTemplate(model, {
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
