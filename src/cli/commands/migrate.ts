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

interface MigrateOptions {
  output?: string;
  force?: boolean;
  to?: string;
  quiet?: boolean;
}

export function migrateCommand(io: Io, locale: Locale): Command {
  return new Command('migrate')
    .description("carry an answers file over to a newer version of its model, through the model's migrations; every answer carried over is marked for review")
    .argument('<answers>', 'the answers file to migrate; - reads standard input')
    .option('-o, --output <file>', 'write the migrated file (atomically) instead of standard output, creating its folder if missing; the answers file itself only with --force')
    .option('--force', 'replace an existing output file, the answers file itself included')
    .option('--to <model>', 'the version to migrate to: a built-in model with its version (community@2.0) or a model file (default: the newest built-in version of the model)')
    .option('-q, --quiet', 'print only errors: not the line saying what was carried over')
    .option('--no-color', 'accepted as by every command; the answers file is never coloured')
    .addHelpText(
      'after',
      `
Examples:
  $ cm-maturity migrate acme.yaml -o acme-2.0.yaml
  $ cm-maturity migrate acme.yaml -o acme.yaml --force
  $ cm-maturity migrate acme.yaml --to community@2.0 > acme-2.0.yaml
  $ cm-maturity migrate ours.yaml --to ./our-model@2.yaml -o ours-2.yaml

The answers are carried over by the migrations the newer version declares (models: migrations:),
through each version between: an indicator fed by several earlier ones takes the lowest of their
answers (n/a only when all are n/a; unanswered when any is), their notes (each after its earlier
id), evidence and the oldest date checked; an indicator fed by none starts unanswered. Every
answer carried over has a "Review:" line above it naming the earlier answers, to check against
the new criteria; the answers no new indicator takes are listed at the top. The file is written
in the layout of cm-maturity init, with model: naming the exact version. Organisation, date,
assessor and context (when the new version has it) are kept.
A file that already answers the version asked for is left as it is (exit 0). Without --to, a file
naming a model file needs --to naming the newer model file, which declares the migrations; the
earlier versions a chain passes through are found beside it (<name>@<version>.yaml).`,
    )
    .action(async (input: string, given: MigrateOptions, command: Command) => {
      const options = withLanguageOption(given, command);
      const toFile = options.output !== undefined && options.output !== '-';
      if (toFile && input !== '-' && sameFile(options.output!, input)) {
        if (!options.force) throw new UserError(`-o ${options.output} is the answers file itself; add --force to migrate it in place`);
      } else if (toFile && !options.force && existsSync(options.output!)) {
        throw new UserError(`${options.output} already exists; use --force to replace it`);
      }
      refuseInputAsOutput(options.output, [modelFileOf(options.to)]);

      const { baseDir, ...source } = await readInput(input, () => io.stdin, locale);
      const parsed = parseYaml(source, locale);
      const { model: from, assessment } = await assessmentFromYaml(parsed, { baseDir, locale });
      if (toFile) refuseInputAsOutput(options.output, [from.builtin ? undefined : from.file]);
      // In the language of the answers' reports, through the target's translation: its migration notes and texts.
      const { loaded: target } = await reportModel(await targetModel(from, source.file, options.to, locale), assessment.language, { lang: options.lang, language: locale.language });
      const { id, version } = from.model;
      if (target.model.version === version) {
        if (!options.quiet) await io.stderr.write(`${terminalText(`cm-maturity: note: ${source.file} already answers ${id} ${version}, ${options.to === undefined ? 'the newest version' : 'the version asked for'}; nothing to migrate, nothing written`)}\n`);
        return;
      }
      const chain = await chainTo(target, version, from);
      if (chain === null) {
        const declared = (target.model.migrations ?? []).map((migration) => migration.from);
        throw new UserError(
          `no migration leads from ${id} ${version} to ${target.model.version}: ${target.file} migrates from ${declared.length === 0 ? 'no earlier version' : `version ${declared.join(', ')}`}${declared.length === 0 ? '' : ', and no chain of versions found links them'}`,
        );
      }
      const migrated = migrateAnswers(assessment.answers, chain);
      const context = assessment.context != null && (target.model.contexts ?? []).some((candidate) => candidate.id === assessment.context) ? assessment.context : null;

      const folder = toFile ? dirname(resolve(options.output!)) : process.cwd();
      const reference = `${target.model.id}@${target.model.version}`;
      const text = answersTemplate(target.model, {
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
      const lost = assessment.context != null && context === null ? `; context ${quoted(assessment.context)} is not one of version ${target.model.version}, so it was left out` : '';
      const count = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
      await io.stderr.write(
        `${terminalText(
          `cm-maturity: note: ${source.file} migrated from ${id} ${version} to ${target.model.version}${toFile ? ` in ${options.output}` : ''}: ${count(migrated.carried.size, 'indicator takes', 'indicators take')} over earlier answers, each marked "Review:" to check; ${count(migrated.dropped.length, 'earlier answer', 'earlier answers')} not carried over; ${count(unanswered, 'indicator', 'indicators')} unanswered${lost}`,
        )}\n`,
      );
    });
}

/**
 * The model to migrate to: `--to` (a built-in version or a model file, of the same model id), else
 * the newest built-in version of the answers' model. A file naming a model file needs `--to`.
 */
async function targetModel(from: LoadedModel, file: string, to: string | undefined, locale: Locale): Promise<LoadedModel> {
  const { id } = from.model;
  if (to === undefined) {
    const newest = from.builtin ? builtinModelVersions(id)[0] : undefined;
    if (newest === undefined) throw new UserError(`${file} answers the model file ${from.file}; name the newer version to migrate to with --to <model file>`);
    return loadModelAt({ builtin: true, id, reference: newest.reference, latest: false, path: newest.path }, locale);
  }
  const location = resolveModel(to, process.cwd(), locale);
  if (typeof location === 'string') throw new UserError(`--to: ${location}`);
  const target = await loadModelAt(location, locale);
  if (target.model.id !== id) throw new UserError(`--to: ${to} is model ${target.model.id} ${target.model.version}, not a version of ${id}, the model ${file} answers`);
  return target;
}
