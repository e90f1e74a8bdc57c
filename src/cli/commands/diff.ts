import { Command, Option } from 'commander';
import { diffReports, regressions } from '../../core/diff.js';
import { quoted } from '../../core/quote.js';
import { loadResult, type LoadedResult } from '../../pipeline/load-result.js';
import { fileDiagnostic, UserError, type Diagnostic } from '../../errors.js';
import { pairByOrganisation, type Sided } from '../../core/pairs.js';
import { eachFile } from '../../pipeline/each-file.js';
import { expandInputs, type ExpandedInputs } from '../../read/inputs.js';
import type { DiffFormatter, DiffScale } from '../../report/diff/format.js';
import { formatDiffList } from '../../report/diff/list.js';
import { terminalText } from '../../report/escape/terminal.js';
import { renamedOrganisationWarning, warningLine } from '../../report/notices.js';
import type { Diff } from '../../schema/diff.js';
import { addVoiceOptions, manyFilesVoice, type VoiceOptions } from '../voice.js';
import { diffFormats, type DiffFormatName } from '../../report/diff/index.js';
import { GateFailed } from '../stop.js';
import { colorFor, refuseInputsAsOutputs, writeOutputs } from '../../write/output.js';
import { modelFileOf } from '../../pipeline/load-model.js';
import { outdatedAnswers } from '../../pipeline/score-file.js';
import { versionCrossing } from '../../pipeline/model-versions.js';
import { outputWidth, widthParser, type Io } from '../io.js';
import { collect, extensionsOf, notAFormatOf, outputTargets, toleranceParser } from '../options.js';
import { withLanguageOption } from '../language.js';
import type { Language } from '../../schema/language.js';
import type { Locale } from '../../locale/locale.js';
import { localeOf } from '../language.js';
import { examplesText } from '../commander-texts.js';

interface DiffOptions extends VoiceOptions {
  model?: string;
  format?: DiffFormatName;
  output?: string[];
  color: boolean;
  failOnRegression?: boolean;
  regressionTolerance?: number;
  allowModelChange?: boolean;
  width?: number;
}

export function diffCommand(io: Io, locale: Locale): Command {
  const command = new Command('diff')
    .description(locale.t('cli.diff.description'))
    .argument('<old>', locale.t('cli.diff.argument.old'))
    .argument('<new>', locale.t('cli.diff.argument.new'))
    .option('-m, --model <id|path>', locale.t('cli.option.model.scoreWith', { model: 'community' }))
    .addOption(new Option('-f, --format <format>', locale.t('cli.option.format')).choices(diffFormats.names))
    .option('-o, --output <file>', locale.t('cli.option.output', { extensions: extensionsOf(diffFormats.names) }), collect)
    .option('--fail-on-regression', locale.t('cli.diff.option.failOnRegression'))
    .option('--regression-tolerance <points>', locale.t('cli.option.regressionTolerance'), toleranceParser(locale))
    .option('--allow-model-change', locale.t('cli.diff.option.allowModelChange'))
    .option('--no-color', locale.t('cli.option.noColor'))
    .option('--width <columns>', locale.t('cli.option.width'), widthParser(locale));
  return addVoiceOptions(command, locale, 'skipped')
    .addHelpText('after', `\n${examplesText(locale, EXAMPLES)}\n\n${locale.t('cli.diff.help')}`)
    .action(async (oldInput: string, newInput: string, given: DiffOptions, command: Command) => {
      const options = withLanguageOption(given, command);
      if (oldInput === '-' && newInput === '-') throw new UserError(locale.t('cli.diff.error.stdinTwice'));
      const oldSide = await expandInputs([oldInput], locale);
      const newSide = await expandInputs([newInput], locale);
      refuseInputsAsOutputs(options.output, [...oldSide.files, ...newSide.files, modelFileOf(options.model)]);
      if (options.regressionTolerance !== undefined && !options.failOnRegression) throw new UserError(locale.t('cli.error.toleranceNeedsRegression'));
      const outputs = outputTargets({ output: options.output, format: options.format, names: diffFormats.names, unavailable: notAFormatOf(locale, 'diff', diffFormats.names), locale });
      const load = (found: ReadonlySet<string>) => (input: string) =>
        loadResult(input, { model: options.model, lang: options.lang, stdin: () => io.stdin, passOver: found.has(input) ? NOT_RESULTS : undefined, locale });
      /** Every output, each in its format: `render` gives the text of one diff or of the diffs of two folders. */
      // In the newer assessment's language for one pair (--lang, else its file's language:); for two folders, --lang or the run's.
      const write = async (language: Language, render: (format: DiffFormatName, formatter: DiffFormatter, formatOptions: Parameters<DiffFormatter>[1]) => string) => {
        const rendered = [];
        for (const { path, format } of outputs) {
          const formatOptions = { color: colorFor(format, options.color, path, io.stdout, io.env), width: outputWidth(io, path, options.width), locale: localeOf(language) };
          rendered.push({ path, text: render(format, await diffFormats.load(format), formatOptions) });
        }
        await writeOutputs(rendered, io.stdout);
      };
      const named = (side: ExpandedInputs, input: string) => side.files.length === 1 && side.files[0] === input && side.found.size === 0;

      if (named(oldSide, oldInput) && named(newSide, newInput)) {
        const old = await load(oldSide.found)(oldInput);
        const current = await load(newSide.found)(newInput);
        // A renamed organisation is compared, as with score --baseline, but never unnoticed.
        if (old.report.organisation !== current.report.organisation && !options.quiet) {
          await io.stderr.write(`${renamedOrganisationWarning(locale, current.file, current.report.organisation, old.file, old.report.organisation)}\n`);
        }
        const diff = await compare(locale, old, current, options);
        // Each answers file that fits only an earlier version of its model, once.
        const hints = [...new Set([outdatedAnswers(locale, old.file, old.model)?.hint, outdatedAnswers(locale, current.file, current.model)?.hint])].filter((hint) => hint !== undefined);
        if (hints.length > 0 && !options.quiet) await io.stderr.write(`${hints.join('\n')}\n`);
        await write(current.report.language, (_format, formatter, formatOptions) => formatter(diff, { ...formatOptions, scale: pairScale(current.report.language, old, current) }));
        await failOnRegression(locale, [diff], options, io);
        return;
      }

      // Two folders (or patterns): the assessments are paired by organisation, one diff per pair.
      const voice = manyFilesVoice(locale, options, locale.t('cli.reads.answersOrReports'), oldSide.found.size + newSide.found.size);
      const notes: string[] = [];
      const diagnostics: Diagnostic[] = [];
      const side = async (inputs: ExpandedInputs) => {
        const results: Sided<LoadedResult>[] = [];
        const { diagnostics: errors, skipped } = await eachFile(inputs.files, load(inputs.found), (result) => {
          results.push({ organisation: result.report.organisation, value: result });
          notes.push(...voice.read(result.file, outdatedAnswers(locale, result.file, result.model)));
        });
        diagnostics.push(...errors);
        for (const file of skipped) notes.push(...voice.skipped(file));
        return results;
      };
      const pairing = pairByOrganisation(await side(oldSide), await side(newSide));
      for (const { side: which, value, first } of pairing.repeated) {
        diagnostics.push({
          file: value.file,
          ...value.organisationAt,
          code: 'same-organisation',
          message: locale.t(which === 'old' ? 'cli.diff.error.repeatedOld' : 'cli.diff.error.repeatedNew', { file: first.file, organisation: quoted(value.report.organisation), input: which === 'old' ? oldInput : newInput }),
        });
      }
      const diffs: Diff[] = [];
      const scales: DiffScale[] = [];
      const language = options.lang ?? locale.language;
      for (const pair of pairing.pairs) {
        try {
          diffs.push(await compare(locale, pair.old, pair.new, options));
          scales.push(pairScale(language, pair.old, pair.new));
        } catch (error) {
          if (!(error instanceof UserError)) throw error;
          diagnostics.push(...error.diagnostics);
        }
      }
      notes.push(...voice.summary(0));
      if (!options.quiet) notes.push(...unpairedWarnings(locale, pairing.onlyOld, oldInput, 'old'), ...unpairedWarnings(locale, pairing.onlyNew, newInput, 'new'));
      if (notes.length > 0) await io.stderr.write(`${notes.join('\n')}\n`);
      if (diagnostics.length > 0) throw new UserError(diagnostics);
      if (diffs.length === 0) throw new UserError(locale.t('cli.diff.error.nothingPaired', { old: oldInput, new: newInput }));
      await write(language, (format, formatter, formatOptions) => formatDiffList(diffs, format, formatter, formatOptions, scales));
      await failOnRegression(locale, diffs, options, io);
    });
}

/** What diff passes over among the files found in folders or by patterns: models and YAML that is no assessment. */
const NOT_RESULTS = ['model', 'plan', 'other'] as const;

/**
 * The changes between two results. Two versions of one model that its migrations link are
 * compared through them; other models are refused (at the new one), unless allowed.
 */
async function compare(locale: Locale, old: LoadedResult, current: LoadedResult, options: DiffOptions): Promise<Diff> {
  const { model: a } = old.report;
  const { model: b } = current.report;
  const files = { old: old.file, new: current.file };
  if (a.id === b.id && a.version === b.version) return diffReports(old.report, current.report, files);
  const crossing = await versionCrossing({ id: a.id, version: a.version, loaded: old.model }, { id: b.id, version: b.version, loaded: current.model });
  if (crossing !== null) {
    return diffReports(old.report, current.report, files, { from: crossing.from, to: crossing.to, older: crossing.older === 'first' ? 'old' : 'new', chain: crossing.chain });
  }
  if (!options.allowModelChange) {
    throw new UserError([
      fileDiagnostic(current.file, 'model-mismatch', locale.t('cli.diff.error.modelMismatch', { model: `${b.id} ${b.version}`, file: old.file, oldModel: `${a.id} ${a.version}` })),
    ]);
  }
  return diffReports(old.report, current.report, files);
}

/**
 * The scale of the model two results were scored with, in the diff's language: an answers file's
 * model, translated into its report's language, when that is the diff's; none for two JSON
 * reports, which name their model only.
 */
function pairScale(language: Language, old: LoadedResult, current: LoadedResult): DiffScale {
  for (const side of [current, old]) if (side.model !== undefined && side.report.language === language) return side.model.model.scale;
  return undefined;
}

/** One warning per side for the organisations with no assessment on the other side. */
function unpairedWarnings(locale: Locale, only: readonly Sided<LoadedResult>[], input: string, side: 'old' | 'new'): string[] {
  if (only.length === 0) return [];
  const list = only.map(({ organisation, value }) => `${quoted(organisation)} (${value.file})`).join(', ');
  return [warningLine(locale, locale.t(side === 'old' ? 'cli.diff.warning.onlyOld' : 'cli.diff.warning.onlyNew', { count: only.length, input, list }))];
}

/** With --fail-on-regression, a line for every score that went down, and exit 1 if any did. */
async function failOnRegression(locale: Locale, diffs: readonly Diff[], options: DiffOptions, io: Io): Promise<void> {
  if (!options.failOnRegression) return;
  const tolerance = options.regressionTolerance ? locale.decimal(String(options.regressionTolerance)) : '';
  const lines = diffs.flatMap((diff) =>
    regressions(diff, options.regressionTolerance).map((item) => {
      const values = {
        file: diffs.length > 1 ? `${diff.new.file}: ` : '',
        subject: item.subject,
        from: locale.decimal(item.from.toFixed(2)),
        to: locale.decimal(item.to.toFixed(2)),
        delta: locale.decimal(item.delta.toFixed(2)),
        tolerance,
      };
      return `cm-maturity: ${locale.t(tolerance === '' ? 'cli.diff.regression' : 'cli.diff.regressionBeyond', values)}`;
    }),
  );
  if (lines.length === 0) return;
  await io.stderr.write(`${lines.map(terminalText).join('\n')}\n`);
  throw new GateFailed();
}

/** The command lines its help shows as examples. */
const EXAMPLES = [
  'cm-maturity diff examples/early.yaml examples/middle.yaml',
  'git show main:community/maturity.yaml > /tmp/old.yaml && cm-maturity diff /tmp/old.yaml community/maturity.yaml -f markdown',
  'cm-maturity diff last-quarter.json community/maturity.yaml --fail-on-regression --regression-tolerance 0.05',
  'cm-maturity diff clients-2025/ clients-2026/ -o changes.md -o changes.json',
];
