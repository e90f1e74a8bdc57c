import { Argument, Command } from 'commander';
import { loadModel, modelFileOf } from '../../pipeline/load-model.js';
import { DEFAULT_MODEL_ID } from '../../read/builtin-models.js';
import { answersJsonSchema, jsonSchemaText, modelJsonSchema, planJsonSchema } from '../../schema/json-schema.js';
import { refuseInputAsOutput, writeOutput } from '../../write/output.js';
import type { Io } from '../io.js';
import type { Locale } from '../../locale/locale.js';

interface SchemaOptions {
  model?: string;
  output?: string;
}

export function schemaCommand(io: Io, locale: Locale): Command {
  return new Command('schema')
    .description('print the JSON Schema (draft-07) of model files, of a model\'s answers files or of plan files, for editors')
    .addArgument(new Argument('<kind>', 'which files the schema describes').choices(['model', 'answers', 'plan']))
    .option('-m, --model <id|path>', `for answers: the model whose indicators and answers it lists (default: "${DEFAULT_MODEL_ID}")`)
    .option('-o, --output <file>', 'write the schema to a file (atomically) instead of standard output')
    .option('--no-color', 'accepted as by every command; a schema is never coloured')
    .addHelpText(
      'after',
      `
Examples:
  $ cm-maturity schema answers > answers.schema.json
  $ cm-maturity schema answers --model ./my-model.yaml -o my-model.answers.schema.json
  $ cm-maturity schema model -o model.schema.json
  $ cm-maturity schema plan -o plan.schema.json

Point an answers file at it with a first line such as
  # yaml-language-server: $schema=./my-model.answers.schema.json
and editors with the YAML language server complete indicator ids and answers, show each
indicator's text on hover and flag wrong values. The schemas of the built-in models ship in the
package's schema/ folder; cm-maturity init writes that line for you.`,
    )
    .action(async (kind: 'model' | 'answers' | 'plan', options: SchemaOptions) => {
      refuseInputAsOutput(options.output, [modelFileOf(options.model)]);
      const schema = kind === 'model' ? modelJsonSchema() : kind === 'plan' ? planJsonSchema() : answersJsonSchema((await loadModel(options.model ?? DEFAULT_MODEL_ID, undefined, locale)).model);
      await writeOutput(jsonSchemaText(schema), options.output, io.stdout);
    });
}
