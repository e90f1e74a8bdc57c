import { Command } from 'commander';
import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { answersTemplate } from '../../core/answers-template.js';
import { migrateAnswers } from '../../core/migrate.js';
import { indicatorCount } from '../../core/model-facts.js';
import { quoted } from '../../core/quote.js';
import { UserError } from '../../errors.js';
import { assessmentFromYaml } from '../../pipeline/load-assessment.js';
import { loadModelAt, modelFileOf, resolveModel, type LoadedModel } from '../../pipeline/load-model.js';
import { chainTo } from '../../pipeline/model-versions.js';
import { parseYaml } from '../../parse/yaml.js';
import { builtinModelVersions } from '../../read/builtin-models.js';
import { answersSchemaFile, GENERIC_ANSWERS_SCHEMA_FILE, modelineTarget, shippedSchemaDirectory } from '../../read/schema-files.js';
import { readInput } from '../../read/text.js';
import { terminalText } from '../../report/escape/terminal.js';
import { createParentFolders } from '../../write/folders.js';
import { refuseInputAsOutput, sameFile, writeOutput } from '../../write/output.js';
import type { Io } from '../io.js';
import { relativeModelRef } from '../model-ref.js';
import { reportModel } from '../../pipeline/load-overlay.js';
import { withLanguageOption } from '../language.js';
import type { Locale } from '../../locale/locale.js';
import { examplesText } from '../commander-texts.js';

interface MigrateOptions {
  output?: string;
  force?: boolean;
  to?: string;
  quiet?: boolean;
}

export function migrateCommand(io: Io, locale: Locale): Command {
  return new Command('migrate')
    .description(locale.t('cli.migrate.description'))
    .argument('<answers>', locale.t('cli.migrate.argument.answers'))
    .option('-o, --output <file>', locale.t('cli.migrate.option.output'))
    .option('--force', locale.t('cli.migrate.option.force'))
    .option('--to <model>', locale.t('cli.migrate.option.to'))
    .option('-q, --quiet', locale.t('cli.migrate.option.quiet'))
    .option('--no-color', locale.t('cli.option.noColorAccepted'))
    .addHelpText('after', `\n${examplesText(locale, EXAMPLES)}\n\n${locale.t('cli.migrate.help')}`)
    .action(async (input: string, given: MigrateOptions, command: Command) => {
      const options = withLanguageOption(given, command);
      const toFile = options.output !== undefined && options.output !== '-';
      if (toFile && input !== '-' && sameFile(options.output!, input)) {
        if (!options.force) throw new UserError(locale.t('cli.migrate.error.inPlace', { file: options.output! }));
      } else if (toFile && !options.force && existsSync(options.output!)) {
        throw new UserError(locale.t('cli.error.exists', { file: options.output! }));
      }
      refuseInputAsOutput(options.output, [modelFileOf(options.to)]);

      const { baseDir, ...source } = await readInput(input, () => io.stdin, locale);
      const parsed = parseYaml(source, locale);
      const { model: from, assessment } = await assessmentFromYaml(parsed, { baseDir, locale });
      if (toFile) refuseInputAsOutput(options.output, [from.builtin ? undefined : from.file]);
      // In the language of the answers' reports, through the target's translation: its migration notes and texts.
      const { loaded: target } = await reportModel(await targetModel(locale, from, source.file, options.to), assessment.language, { lang: options.lang, language: locale.language });
      const { id, version } = from.model;
      if (target.model.version === version) {
        const note = locale.t(options.to === undefined ? 'cli.migrate.note.alreadyNewest' : 'cli.migrate.note.alreadyAsked', { file: source.file, model: `${id} ${version}` });
        if (!options.quiet) await io.stderr.write(`${terminalText(`cm-maturity: ${note}`)}\n`);
        return;
      }
      const chain = await chainTo(target, version, from);
      if (chain === null) {
        const declared = (target.model.migrations ?? []).map((migration) => migration.from);
        const values = { model: `${id} ${version}`, version: target.model.version, file: target.file, declared: declared.join(', ') };
        throw new UserError(locale.t(declared.length === 0 ? 'cli.migrate.error.noMigration' : 'cli.migrate.error.noChain', values));
      }
      const migrated = migrateAnswers(assessment.answers, chain);
      const context = assessment.context != null && (target.model.contexts ?? []).some((candidate) => candidate.id === assessment.context) ? assessment.context : null;

      const folder = toFile ? dirname(resolve(options.output!)) : process.cwd();
      const reference = `${target.model.id}@${target.model.version}`;
      const text = answersTemplate(target.model, {
        locale,
        schema: modelineTarget(`${shippedSchemaDirectory()}${target.builtin ? answersSchemaFile(reference) : GENERIC_ANSWERS_SCHEMA_FILE}`, folder),
        modelRef: target.builtin ? reference : relativeModelRef(resolve(target.file), folder),
        organisation: assessment.organisation,
        date: assessment.date,
        assessor: assessment.assessor,
        context,
        answers: migrated.answers,
        migrated: {
          model: id,
          version,
          notes: chain.flatMap((step) => (step.migration.note === undefined ? [] : [step.migration.note])),
          carried: migrated.carried,
          dropped: migrated.dropped,
        },
      });
      if (toFile) await createParentFolders(options.output!);
      await writeOutput(text, options.output, io.stdout);
      if (options.quiet) return;
      const answered = [...migrated.answers.values()].filter((answer) => answer.answer !== null).length;
      const unanswered = indicatorCount(target.model) - answered;
      const values = { file: source.file, model: `${id} ${version}`, version: target.model.version, output: options.output ?? '', carried: migrated.carried.size, dropped: migrated.dropped.length, unanswered };
      const migratedNote = locale.t(toFile ? 'cli.migrate.note.migratedTo' : 'cli.migrate.note.migrated', values);
      const lost = assessment.context != null && context === null ? locale.t('cli.migrate.note.contextLost', { context: quoted(assessment.context), version: target.model.version }) : '';
      await io.stderr.write(`${terminalText(`cm-maturity: ${migratedNote}${lost}`)}\n`);
    });
}

/**
 * The model to migrate to: `--to` (a built-in version or a model file, of the same model id), else
 * the newest built-in version of the answers' model. A file naming a model file needs `--to`.
 */
async function targetModel(locale: Locale, from: LoadedModel, file: string, to: string | undefined): Promise<LoadedModel> {
  const { id } = from.model;
  if (to === undefined) {
    const newest = from.builtin ? builtinModelVersions(id)[0] : undefined;
    if (newest === undefined) throw new UserError(locale.t('cli.migrate.error.needsTo', { file, model: from.file }));
    return loadModelAt({ builtin: true, id, reference: newest.reference, latest: false, path: newest.path }, locale);
  }
  const location = resolveModel(to, process.cwd(), locale);
  if (typeof location === 'string') throw new UserError(locale.t('cli.migrate.error.to', { problem: location }));
  const target = await loadModelAt(location, locale);
  if (target.model.id !== id) throw new UserError(locale.t('cli.migrate.error.otherModel', { to, model: `${target.model.id} ${target.model.version}`, id, file }));
  return target;
}

/** The command lines its help shows as examples. */
const EXAMPLES = [
  'cm-maturity migrate acme.yaml -o acme-2.0.yaml',
  'cm-maturity migrate acme.yaml -o acme.yaml --force',
  'cm-maturity migrate acme.yaml --to community@2.0 > acme-2.0.yaml',
  'cm-maturity migrate ours.yaml --to ./our-model@2.yaml -o ours-2.yaml',
];
