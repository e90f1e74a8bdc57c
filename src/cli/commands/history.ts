import { Command, Option } from 'commander';
import { dirname } from 'node:path';
import { buildHistory, type HistoryEntry } from '../../core/history.js';
import { committedVersions } from '../../read/git-history.js';
import { loadResult, parseResult } from '../../pipeline/load-result.js';
import { fileDiagnostic, UserError } from '../../errors.js';
import { historyFormats, type HistoryFormatName } from '../../report/history/index.js';
import { colorFor, refuseInputsAsOutputs, writeOutputs } from '../../write/output.js';
import { modelFileOf, type LoadedModel } from '../../pipeline/load-model.js';
import { versionCrossing } from '../../pipeline/model-versions.js';
import { outdatedAnswers } from '../../pipeline/score-file.js';
import { eachFile } from '../../pipeline/each-file.js';
import { locatedWarning, warningLine } from '../../report/notices.js';
import { outputWidth, widthParser, type Io } from '../io.js';
import { collect, extensionsOf, notAFormatOf, outputTargets } from '../options.js';
import { expandInputs } from '../../read/inputs.js';
import { quoted } from '../../core/quote.js';
import type { Position } from '../../parse/locate.js';
import { addVoiceOptions, manyFilesVoice, type VoiceOptions } from '../voice.js';
import type { Language } from '../../schema/language.js';
import { withLanguageOption } from '../language.js';
import type { Locale } from '../../locale/locale.js';
import { localeOf } from '../language.js';
import { examplesText } from '../commander-texts.js';

interface HistoryOptions extends VoiceOptions {
  model?: string;
  /** `--lang`, when given: the language of every report. */
  lang?: Language;
  git?: boolean;
  format?: HistoryFormatName;
  output?: string[];
  color: boolean;
  width?: number;
  plan?: string;
}

export function historyCommand(io: Io, locale: Locale): Command {
  const command = new Command('history')
    .description(locale.t('cli.history.description'))
    .argument('<answers...>', locale.t('cli.history.argument.answers'))
    .option('--git', locale.t('cli.history.option.git'))
    .option('-m, --model <id|path>', locale.t('cli.history.option.model', { model: 'community' }))
    .addOption(new Option('-f, --format <format>', locale.t('cli.option.format')).choices(historyFormats.names))
    .option('-o, --output <file>', locale.t('cli.option.output', { extensions: extensionsOf(historyFormats.names) }), collect)
    .option('--no-color', locale.t('cli.option.noColor'))
    .option('--width <columns>', locale.t('cli.option.width'), widthParser(locale))
    .option('--plan <file>', locale.t('cli.history.option.plan'));
  return addVoiceOptions(command, locale, 'skipped')
    .addHelpText('after', `\n${examplesText(locale, EXAMPLES)}\n\n${locale.t('cli.history.help')}`)
    .action(async (inputs: string[], given: HistoryOptions, command: Command) => {
      const options = withLanguageOption(given, command);
      refuseInputsAsOutputs(options.output, [...inputs, options.plan, modelFileOf(options.model)]);
      const outputs = outputTargets({ output: options.output, format: options.format, names: historyFormats.names, unavailable: notAFormatOf(locale, 'history', historyFormats.names), locale });
      const entries = options.git ? await fromGit(inputs, options, io, locale) : await fromFiles(inputs, options, io, locale);
      const built = buildHistory(entries, await linkedVersions(entries), locale);
      if (Array.isArray(built)) {
        throw new UserError(
          built.map((problem) => {
            const entry = entries[problem.index];
            // An assessment of another organisation is pointed at the line that says so.
            const at = problem.code === 'other-organisation' ? entry?.organisationAt : undefined;
            const diagnostic = fileDiagnostic(entry?.source ?? inputs[0] ?? '-', problem.code, problem.message);
            return at ? { ...diagnostic, ...at } : diagnostic;
          }),
        );
      }
      let history = built;
      if (options.plan !== undefined) {
        const { historyWithPlan } = await import('../../pipeline/load-plan.js');
        const planned = await historyWithPlan(history, options.plan, { stdin: () => io.stdin, locale });
        if (!options.quiet && planned.warnings.length > 0) await io.stderr.write(planned.warnings.map((warning) => `${locatedWarning(locale, warning)}\n`).join(''));
        history = planned.history;
      }
      // --lang, else the one language the assessments' reports are in, else the run's.
      const languages = new Set(entries.map((entry) => entry.report.language));
      const language = options.lang ?? (languages.size === 1 ? [...languages][0]! : locale.language);
      const rendered = [];
      for (const { path, format } of outputs) rendered.push({ path, text: (await historyFormats.load(format))(history, { color: colorFor(format, options.color, path, io.stdout, io.env), width: outputWidth(io, path, options.width), locale: localeOf(language) }) });
      await writeOutputs(rendered, io.stdout);
    });
}

/** A scored assessment of the series, with where the file names its organisation, and the model an answers file was scored with. */
type LocatedEntry = HistoryEntry & { organisationAt?: Position; model?: LoadedModel };

/**
 * The other versions of the first entry's model among the entries that its migrations link to
 * the first entry's version (either way): they are shown in one series, competency by competency.
 */
async function linkedVersions(entries: readonly LocatedEntry[]): Promise<Set<string>> {
  const linked = new Set<string>();
  const first = entries[0];
  if (first === undefined) return linked;
  const { id, version } = first.report.model;
  const tried = new Set<string>([version]);
  for (const entry of entries) {
    const other = entry.report.model;
    if (other.id !== id || tried.has(other.version)) continue;
    tried.add(other.version);
    if ((await versionCrossing({ id, version, loaded: first.model }, { id, version: other.version, loaded: entry.model })) !== null) linked.add(other.version);
  }
  return linked;
}

/** What history passes over among the files found in folders or by patterns: models and YAML that is no assessment. */
const NOT_RESULTS = ['model', 'plan', 'other'] as const;

/**
 * Every file is loaded, and every error of every file reported at once. Files found in folders or
 * by patterns must be of one organisation: several are one error naming them all.
 */
async function fromFiles(inputs: string[], options: HistoryOptions, io: Io, locale: Locale): Promise<LocatedEntry[]> {
  const { files, found } = await expandInputs(inputs, locale);
  const voice = manyFilesVoice(locale, options, locale.t('cli.reads.answersOrReports'), found.size);
  const entries: LocatedEntry[] = [];
  const { diagnostics, skipped } = await eachFile(
    files,
    (input) => loadResult(input, { model: options.model, lang: options.lang, stdin: () => io.stdin, passOver: found.has(input) ? NOT_RESULTS : undefined, locale }),
    ({ file, report, organisationAt, model }) => entries.push({ report, source: file, commit: null, organisationAt, model }),
  );
  const hints = entries.flatMap((entry) => voice.read(entry.source, outdatedAnswers(locale, entry.source, entry.model)));
  const notes = [...skipped.flatMap((file) => voice.skipped(file)), ...hints, ...voice.summary(0)];
  if (notes.length > 0) await io.stderr.write(`${notes.join('\n')}\n`);
  if (diagnostics.length > 0) throw new UserError(diagnostics);
  if (entries.length === 0) throw new UserError(locale.t('cli.history.error.nothingRead', { found: files.length }));
  if (found.size > 0) {
    const byOrganisation = new Map<string, string[]>();
    for (const entry of entries) {
      const list = byOrganisation.get(entry.report.organisation);
      if (list) list.push(entry.source);
      else byOrganisation.set(entry.report.organisation, [entry.source]);
    }
    if (byOrganisation.size > 1) {
      const named = [...byOrganisation].map(([organisation, sources]) =>
        sources.length === 1
          ? `${quoted(organisation)} (${sources[0]})`
          : locale.t('cli.history.error.organisationFiles', { organisation: quoted(organisation), file: sources[0]!, more: sources.length - 1 }),
      );
      throw new UserError(locale.t('cli.history.error.severalOrganisations', { count: byOrganisation.size, named: named.join(', ') }));
    }
  }
  return entries;
}

/**
 * The committed versions, newest first. A version that does not load (an old mistake, fixed
 * since) is skipped with a warning rather than blocking the whole history. Several commits with
 * the same date are one assessment being edited: the newest of them counts.
 */
async function fromGit(inputs: string[], options: HistoryOptions, io: Io, locale: Locale): Promise<LocatedEntry[]> {
  if (inputs.length !== 1) throw new UserError(locale.t('cli.history.error.gitOneFile', { count: inputs.length }));
  const file = inputs[0]!;
  const entries: LocatedEntry[] = [];
  const dates = new Set<string>();
  for (const version of await committedVersions(file, locale)) {
    let entry: LocatedEntry;
    try {
      const { report, organisationAt, model } = await parseResult(version.read(), { model: options.model, lang: options.lang, baseDir: dirname(file), locale });
      entry = { report, source: `${version.path}@${version.commit.slice(0, 7)}`, commit: version.commit, fallbackDate: version.date, organisationAt, model };
    } catch (error) {
      if (!(error instanceof UserError)) throw error;
      const first = error.diagnostics[0];
      const problem = first ? `${first.line}:${first.column}: ${first.message}` : error.message;
      if (!options.quiet) await io.stderr.write(`${warningLine(locale, locale.t('cli.history.warning.skippedVersion', { version: `${version.path}@${version.commit.slice(0, 7)}`, problem }))}\n`);
      continue;
    }
    const date = entry.report.date ?? version.date;
    if (dates.has(date)) continue;
    dates.add(date);
    entries.push(entry);
  }
  if (entries.length === 0) throw new UserError(locale.t('cli.history.error.noVersion', { file }));
  // The newest committed version is the file as it stands: the one a migration would start from.
  const hint = outdatedAnswers(locale, file, entries[0]!.model)?.hint;
  if (hint !== undefined && !options.quiet) await io.stderr.write(`${hint}\n`);
  return entries;
}

/** The command lines its help shows as examples. */
const EXAMPLES = [
  'cm-maturity history assessments/*.yaml',
  'cm-maturity history assessments/acme/',
  'cm-maturity history --git community/maturity.yaml',
  'cm-maturity history --git community/maturity.yaml --format csv -o maturity.csv',
  'cm-maturity history assessments/acme/ --plan assessments/acme/plan.yaml',
];
