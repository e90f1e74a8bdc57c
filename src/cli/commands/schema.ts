import { Argument, Command } from 'commander';
import { loadModel, modelFileOf } from '../../pipeline/load-model.js';
import { DEFAULT_MODEL_ID } from '../../read/builtin-models.js';
import { answersJsonSchema, jsonSchemaText, modelJsonSchema, planJsonSchema } from '../../schema/json-schema.js';
import { refuseInputAsOutput, writeOutput } from '../../write/output.js';
import type { Io } from '../io.js';
import type { Locale } from '../../locale/locale.js';
import { examplesText } from '../commander-texts.js';

interface SchemaOptions {
  model?: string;
  output?: string;
}

export function schemaCommand(io: Io, locale: Locale): Command {
  return new Command('schema')
    .description(locale.t('cli.schema.description'))
    .addArgument(new Argument('<kind>', locale.t('cli.schema.argument.kind')).choices(['model', 'answers', 'plan']))
    .option('-m, --model <id|path>', locale.t('cli.schema.option.model', { model: DEFAULT_MODEL_ID }))
    .option('-o, --output <file>', locale.t('cli.schema.option.output'))
    .option('--no-color', locale.t('cli.schema.option.noColor'))
    .addHelpText('after', `\n${examplesText(locale, EXAMPLES)}\n\n${locale.t('cli.schema.help')}`)
    .action(async (kind: 'model' | 'answers' | 'plan', options: SchemaOptions) => {
      refuseInputAsOutput(options.output, [modelFileOf(options.model)]);
      const schema = kind === 'model' ? modelJsonSchema() : kind === 'plan' ? planJsonSchema() : answersJsonSchema((await loadModel(options.model ?? DEFAULT_MODEL_ID, undefined, locale)).model);
      await writeOutput(jsonSchemaText(schema), options.output, io.stdout);
    });
}

/** The command lines its help shows as examples. */
const EXAMPLES = [
  'cm-maturity schema answers > answers.schema.json',
  'cm-maturity schema answers --model ./my-model.yaml -o my-model.answers.schema.json',
  'cm-maturity schema model -o model.schema.json',
  'cm-maturity schema plan -o plan.schema.json',
];
