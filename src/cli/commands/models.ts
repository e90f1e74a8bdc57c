import { Command, Option } from 'commander';
import { dirname, relative } from 'node:path';
import { builtinModel, builtinModelIds } from '../../read/builtin-models.js';
import { loadModel } from '../../pipeline/load-model.js';
import { colorFor, writeOutput } from '../../write/output.js';
import { outputWidth, parseWidth, WIDTH_HELP, type Io } from '../io.js';
import { indicatorCount } from '../../core/model-facts.js';
import { modelListFormats, type ModelListFormatName } from '../../report/models/index.js';
import type { ModelList } from '../../schema/models.js';
import type { Locale } from '../../locale/locale.js';
import type { Language } from '../../schema/language.js';
import { localeOf } from '../language.js';

interface ModelsOptions {
  format: ModelListFormatName;
  color: boolean;
  width?: number;
  lang?: Language;
}

export function modelsCommand(io: Io, locale: Locale): Command {
  return new Command('models')
    .description('list the built-in maturity models')
    .addOption(new Option('-f, --format <format>', 'output format: table, or json (reference, id, whether newest, name, version, stages, competency and indicator counts, source file)').choices(modelListFormats.names).default('table'))
    .option('--no-color', 'never colour the output (NO_COLOR is honoured too)')
    .option('--width <columns>', WIDTH_HELP, parseWidth)
    .addHelpText(
      'after',
      `
Examples:
  $ cm-maturity models
  $ cm-maturity models --format json`,
    )
    .action(async (options: ModelsOptions) => {
      const models: ModelList = [];
      for (const reference of builtinModelIds()) {
        const { model } = await loadModel(reference, undefined, locale);
        models.push({
          reference,
          id: model.id,
          newest: builtinModel(model.id)!.reference === reference,
          name: model.name,
          version: model.version,
          stages: model.stages.map((stage) => stage.name),
          competencies: model.competencies.length,
          indicators: indicatorCount(model),
          source: packageRelative(builtinModel(reference)!.path),
        });
      }
      const color = colorFor(options.format, options.color, undefined, io.stdout, io.env);
      await writeOutput((await modelListFormats.load(options.format))(models, { color, width: outputWidth(io, undefined, options.width), locale: localeOf(options.lang ?? locale.language) }), undefined, io.stdout);
    });
}

/** A built-in model's file as the package holds it (`models/community@2.0.yaml`): the same wherever the package is installed. */
function packageRelative(path: string): string {
  return relative(dirname(dirname(path)), path).split('\\').join('/');
}
