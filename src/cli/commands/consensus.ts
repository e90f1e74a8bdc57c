import { reportModel } from '../../pipeline/load-overlay.js';
import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { Command, Option } from 'commander';
import { combineAnswers, CONSENSUS_METHODS, latestDate, type ConsensusMethod } from '../../core/consensus.js';
import { answersTemplate } from '../../core/answers-template.js';
import { disagreementOf } from '../../core/disagreement.js';
import { UserError } from '../../errors.js';
import type { Locale } from '../../locale/locale.js';
import { loadRespondents, type RespondentsOfOne } from '../../pipeline/load-respondents.js';
import { modelFileOf } from '../../pipeline/load-model.js';
import { expandInputs } from '../../read/inputs.js';
import { answersSchemaFile, GENERIC_ANSWERS_SCHEMA_FILE, modelineTarget, shippedSchemaDirectory } from '../../read/schema-files.js';
import { disagreementFormats, type DisagreementFormatName } from '../../report/consensus/index.js';
import type { Respondent } from '../../schema/answers.js';
import { createParentFolders } from '../../write/folders.js';
import { colorFor, refuseBinaryOnTerminal, refuseInputsAsOutputs, writeOutput, writeOutputs } from '../../write/output.js';
import { outputWidth, widthParser, type Io } from '../io.js';
import { relativeModelRef } from '../model-ref.js';
import { collect, extensionsOf, formatOfExtension, notAFormatOf, outputTargets } from '../options.js';
import { examplesText } from '../commander-texts.js';

interface ConsensusOptions {
  model?: string;
  method: ConsensusMethod;
  output?: string[];
  force?: boolean;
  report?: boolean;
  format?: DisagreementFormatName;
  color: boolean;
  width?: number;
  quiet?: boolean;
}

export function consensusCommand(io: Io, locale: Locale): Command {
  return new Command('consensus')
    .description(locale.t('team.cli.description'))
    .argument('<answers...>', locale.t('team.cli.answers'))
    .option('-m, --model <id|path>', locale.t('team.cli.model'))
    .addOption(new Option('--method <method>', locale.t('team.cli.method')).choices(CONSENSUS_METHODS).default('median'))
    .option('-o, --output <file>', locale.t('team.cli.output', { extensions: extensionsOf(disagreementFormats.names) }), collect)
    .option('--force', locale.t('team.cli.force'))
    .option('--report', locale.t('team.cli.report'))
    .addOption(new Option('-f, --format <format>', locale.t('team.cli.format')).choices(disagreementFormats.names))
    .option('--no-color', locale.t('team.cli.noColor'))
    .option('--width <columns>', locale.t('team.cli.width'), widthParser(locale))
    .option('-q, --quiet', locale.t('team.cli.quiet'))
    .addHelpText('after', `\n${examplesText(locale, EXAMPLES)}\n\n${locale.t('team.cli.help')}`)
    .action(async (inputs: string[], options: ConsensusOptions) => {
      const { files, found } = await expandInputs(inputs, locale);
      refuseInputsAsOutputs(options.output, [...files, modelFileOf(options.model)]);
      const report = options.report === true ? reportOutputs(options, io, locale) : undefined;
      const answersFile = report === undefined ? answersOutput(options, locale) : undefined;

      const loaded = await loadRespondents(files, found, { model: options.model, stdin: () => io.stdin }, locale);
      if (loaded.skipped.length > 0 && options.quiet !== true) {
        await io.stderr.write(`${locale.t('team.consensus.skipped', { count: loaded.skipped.length, first: loaded.skipped[0]!.file })}\n`);
      }
      if (report !== undefined) {
        // The report speaks the run's language (--lang, else the environment's), the model's texts too.
        const { loaded: model } = await reportModel(loaded.model, null, { language: locale.language });
        const disagreement = disagreementOf(model.model, { organisation: loaded.organisation, context: loaded.context, respondents: loaded.respondents });
        const rendered = [];
        for (const { path, format } of report) {
          const formatOptions = { locale, color: colorFor(format, options.color, path, io.stdout, io.env), width: outputWidth(io, path, options.width) };
          rendered.push({ path, text: (await disagreementFormats.load(format))(disagreement, formatOptions) });
        }
        await writeOutputs(rendered, io.stdout);
        return;
      }
      const text = combinedFile(loaded, options.method, answersFile, locale);
      if (answersFile !== undefined) await createParentFolders(answersFile);
      await writeOutput(text, answersFile, io.stdout);
    });
}

const EXAMPLES = [
  'cm-maturity consensus responses/ -o team.yaml',
  "cm-maturity consensus 'responses/*.yaml' --method mean -o team.yaml --force",
  'cm-maturity consensus alice.yaml bob.yaml carol.yaml --report',
  'cm-maturity consensus responses/ --report -o disagreement.html',
  'cm-maturity consensus responses/ --report -o disagreement.xlsx -o disagreement.md',
  'cm-maturity score team.yaml',
];

/** With --report: every output and its format, the extension of each file naming it, as in score. */
function reportOutputs(options: ConsensusOptions, io: Io, locale: Locale): { path: string | undefined; format: DisagreementFormatName }[] {
  const outputs = outputTargets({ output: options.output, format: options.format, names: disagreementFormats.names, unavailable: notAFormatOf(locale, 'consensus --report', disagreementFormats.names), locale });
  for (const { path, format } of outputs) refuseBinaryOnTerminal(format, path, io.stdout);
  return outputs;
}

/**
 * Without --report: the one answers file to write (undefined: standard output), refused before any
 * file is read when it names a report's extension or exists without --force.
 */
function answersOutput(options: ConsensusOptions, locale: Locale): string | undefined {
  if (options.format !== undefined) throw new UserError(locale.t('team.consensus.formatNeedsReport'));
  const outputs = options.output ?? [];
  if (outputs.length > 1) throw new UserError(locale.t('team.consensus.oneAnswersFile'));
  const output = outputs[0];
  if (output === undefined || output === '-') return undefined;
  if (formatOfExtension(output) !== undefined) throw new UserError(locale.t('team.consensus.reportExtension', { file: output }));
  if (options.force !== true && existsSync(output)) throw new UserError(locale.t('team.consensus.exists', { file: output }));
  return output;
}

/** The combined answers as an answers file, in the layout `init` writes. */
function combinedFile(loaded: RespondentsOfOne, method: ConsensusMethod, output: string | undefined, locale: Locale): string {
  const { model } = loaded;
  const folder = output === undefined ? process.cwd() : dirname(resolve(output));
  const reference = `${model.model.id}@${model.model.version}`;
  const schema = modelineTarget(`${shippedSchemaDirectory()}${model.builtin ? answersSchemaFile(reference) : GENERIC_ANSWERS_SCHEMA_FILE}`, folder);
  const languages = new Set(loaded.respondents.map((respondent) => respondent.file.language ?? null));
  const panel: Respondent[] = loaded.respondents
    .filter((respondent) => respondent.name !== null || respondent.role !== null)
    .sort((a, b) => (a.source < b.source ? -1 : a.source > b.source ? 1 : 0))
    .map((respondent) => ({ ...(respondent.name !== null ? { name: respondent.name } : {}), ...(respondent.role !== null ? { role: respondent.role } : {}) }));
  const count = loaded.respondents.length;
  return answersTemplate(model.model, {
    locale,
    schema,
    modelRef: model.builtin ? reference : relativeModelRef(resolve(model.file), folder),
    organisation: loaded.organisation,
    date: latestDate(loaded.respondents.map((respondent) => respondent.file.date ?? null)),
    context: loaded.context,
    language: languages.size === 1 ? [...languages][0]! : null,
    answers: combineAnswers(model.model, loaded.respondents, method, loaded.context),
    combined: { header: locale.t('team.consensus.header', { count, method: locale.t(`team.method.${method}`) }), respondents: count, panel },
  });
}
