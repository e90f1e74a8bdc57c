import { Command, Option } from 'commander';
import { dirname, relative } from 'node:path';
import { builtinModel, builtinModelIds } from '../../read/builtin-models.js';
import { loadModel } from '../../pipeline/load-model.js';
import { colorFor, writeOutput } from '../../write/output.js';
import { outputWidth, widthParser, type Io } from '../io.js';
import { indicatorCount } from '../../core/model-facts.js';
import { modelListFormats, type ModelListFormatName } from '../../report/models/index.js';
import type { ModelList } from '../../schema/models.js';
import type { Locale } from '../../locale/locale.js';
import type { Language } from '../../schema/language.js';
import { localeOf } from '../language.js';
import { reportModel } from '../../pipeline/load-overlay.js';
import { examplesText } from '../commander-texts.js';

interface ModelsOptions {
  format: ModelListFormatName;
  color: boolean;
  width?: number;
  lang?: Language;
}

export function modelsCommand(io: Io, locale: Locale): Command {
  return new Command('models')
    .description(locale.t('cli.models.description'))
    .addOption(new Option('-f, --format <format>', locale.t('cli.models.option.format')).choices(modelListFormats.names).default('table'))
    .option('--no-color', locale.t('cli.option.noColor'))
    .option('--width <columns>', locale.t('cli.option.width'), widthParser(locale))
    .addHelpText('after', `\n${examplesText(locale, EXAMPLES)}`)
    .action(async (options: ModelsOptions) => {
      const models: ModelList = [];
      const language = options.lang ?? locale.language;
      for (const reference of builtinModelIds()) {
        const loaded = await loadModel(reference, undefined, locale);
        // The table names each model and its stages in the list's language, from the model's
        // translation; JSON, which programs read, as the model file writes them, in every language.
        const { model } = options.format === 'json' ? loaded : (await reportModel(loaded, null, { language })).loaded;
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
      await writeOutput((await modelListFormats.load(options.format))(models, { color, width: outputWidth(io, undefined, options.width), locale: localeOf(language) }), undefined, io.stdout);
    });
}

/** A built-in model's file as the package holds it (`models/community@2.0.yaml`): the same wherever the package is installed. */
function packageRelative(path: string): string {
  return relative(dirname(dirname(path)), path).split('\\').join('/');
}

/** The command lines its help shows as examples. */
const EXAMPLES = [
  'cm-maturity models',
  'cm-maturity models --format json',
];
