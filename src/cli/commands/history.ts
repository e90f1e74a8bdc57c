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
import { outputWidth, parseWidth, WIDTH_HELP, type Io } from '../io.js';
import { collect, extensionsOf, notAFormatOf, outputTargets } from '../options.js';
import { expandInputs } from '../../read/inputs.js';
import { quoted } from '../../core/quote.js';
import type { Position } from '../../parse/locate.js';
import { addVoiceOptions, manyFilesVoice, VERBOSE_SKIPPED, type VoiceOptions } from '../voice.js';
import type { Language } from '../../schema/language.js';
import { withLanguageOption } from '../language.js';
import type { Locale } from '../../locale/locale.js';
import { localeOf } from '../language.js';

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
    .description("show an organisation's scores over time, from dated answers files or from every committed version of one")
    .argument('<answers...>', 'dated answers files or JSON reports of one organisation, folders (every *.yaml/*.yml inside) or quoted glob patterns; with --git, the one answers file')
    .option('--git', "read every committed version of the answers file from its git repository (following renames); dated by its date:, else the commit date")
    .option('-m, --model <id|path>', 'score answers with this model (default: each file\'s model:, else "community")')
    .addOption(new Option('-f, --format <format>', 'format of standard output and of -o files without a known extension (default: table)').choices(historyFormats.names))
    .option('-o, --output <file>', `write to a file (atomically) instead of standard output, in the format its extension names (${extensionsOf(historyFormats.names)}); repeatable; - is standard output`, collect)
    .option('--no-color', 'never colour the output (NO_COLOR is honoured too)')
    .option('--width <columns>', WIDTH_HELP, parseWidth)
    .option('--plan <file>', "draw a plan's targets beside the scores (made by cm-maturity plan): a target row per phase, a target line in csv and json");
  return addVoiceOptions(command, VERBOSE_SKIPPED)
    .addHelpText(
      'after',
      `
Examples:
  $ cm-maturity history assessments/*.yaml
  $ cm-maturity history assessments/acme/
  $ cm-maturity history --git community/maturity.yaml
  $ cm-maturity history --git community/maturity.yaml --format csv -o maturity.csv
  $ cm-maturity history assessments/acme/ --plan assessments/acme/plan.yaml

A folder or pattern must hold the assessments of one organisation: models and other YAML found
there are skipped (with one note), and files of several organisations are refused, naming them.
Assessments of versions of one model that its migrations link (community 1.0 and 2.0) are one
series, each scored with its own version; every format says the history crosses versions.`,
    )
    .action(async (inputs: string[], given: HistoryOptions, command: Command) => {
      const options = withLanguageOption(given, command);
      refuseInputsAsOutputs(options.output, [...inputs, options.plan, modelFileOf(options.model)]);
      const outputs = outputTargets({ output: options.output, format: options.format, names: historyFormats.names, unavailable: notAFormatOf('history', historyFormats.names) });
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
        if (!options.quiet && planned.warnings.length > 0) await io.stderr.write(planned.warnings.map((warning) => `${locatedWarning(warning)}\n`).join(''));
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
  const voice = manyFilesVoice(options, 'answers files or JSON reports', found.size);
  const entries: LocatedEntry[] = [];
  const { diagnostics, skipped } = await eachFile(
    files,
    (input) => loadResult(input, { model: options.model, lang: options.lang, stdin: () => io.stdin, passOver: found.has(input) ? NOT_RESULTS : undefined, locale }),
    ({ file, report, organisationAt, model }) => entries.push({ report, source: file, commit: null, organisationAt, model }),
  );
  const hints = entries.flatMap((entry) => voice.read(entry.source, outdatedAnswers(entry.source, entry.model)));
  const notes = [...skipped.flatMap((file) => voice.skipped(file)), ...hints, ...voice.summary(0)];
  if (notes.length > 0) await io.stderr.write(`${notes.join('\n')}\n`);
  if (diagnostics.length > 0) throw new UserError(diagnostics);
  if (entries.length === 0) throw new UserError(`no answers files or JSON reports among the ${files.length} files found`);
  if (found.size > 0) {
    const byOrganisation = new Map<string, string[]>();
    for (const entry of entries) {
      const list = byOrganisation.get(entry.report.organisation);
      if (list) list.push(entry.source);
      else byOrganisation.set(entry.report.organisation, [entry.source]);
    }
    if (byOrganisation.size > 1) {
      const named = [...byOrganisation].map(([organisation, sources]) => `${quoted(organisation)} (${sources.length === 1 ? sources[0] : `${sources[0]} and ${sources.length - 1} more`})`);
      throw new UserError(`the files found are assessments of ${byOrganisation.size} organisations: ${named.join(', ')}; a history shows one organisation: name its files, its folder or a pattern matching only them`);
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
  if (inputs.length !== 1) throw new UserError(`--git takes one answers file, not ${inputs.length}`);
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
      if (!options.quiet) await io.stderr.write(`${warningLine(`skipped ${version.path}@${version.commit.slice(0, 7)}: ${first ? `${first.line}:${first.column}: ${first.message}` : error.message}`)}\n`);
      continue;
    }
    const date = entry.report.date ?? version.date;
    if (dates.has(date)) continue;
    dates.add(date);
    entries.push(entry);
  }
  if (entries.length === 0) throw new UserError(`--git ${file}: no committed version could be read`);
  // The newest committed version is the file as it stands: the one a migration would start from.
  const hint = outdatedAnswers(file, entries[0]!.model)?.hint;
  if (hint !== undefined && !options.quiet) await io.stderr.write(`${hint}\n`);
  return entries;
}
