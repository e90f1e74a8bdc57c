import { Command, InvalidArgumentError, Option } from 'commander';
import { addToPool, benchmark, organisationEntry, poolColumns, poolModel, type OrganisationEntry, type PoolColumns, type PoolModel } from '../../core/benchmark.js';
import { fileDiagnostic, UserError, type Diagnostic } from '../../errors.js';
import { tryFile } from '../../pipeline/each-file.js';
import { meetsCompleteness, NAMED_IN_SUMMARY } from '../../core/file-summary.js';
import { excludedNote, unansweredWarning } from '../../report/notices.js';
import { addVoiceOptions, manyFilesVoice, type VoiceOptions } from '../voice.js';
import { fileScoring, outdatedAnswers } from '../../pipeline/score-file.js';
import { outputWidth, widthParser, type Io } from '../io.js';
import { collect, extensionsOf, notAFormatOf, outputTargets } from '../options.js';
import { keepHeapNearLive } from '../heap.js';
import { expandInputs } from '../../read/inputs.js';
import { benchmarkFormats, type BenchmarkFormatName } from '../../report/benchmark/index.js';
import { colorFor, refuseInputsAsOutputs, writeOutputs } from '../../write/output.js';
import { modelFileOf } from '../../pipeline/load-model.js';
import type { Locale } from '../../locale/locale.js';

interface BenchmarkOptions extends VoiceOptions {
  org?: string;
  minCompleteness?: number;
  model?: string;
  format?: BenchmarkFormatName;
  output?: string[];
  color: boolean;
  width?: number;
}

export function benchmarkCommand(io: Io, locale: Locale): Command {
  const command = new Command('benchmark')
    .description(locale.t('cli.benchmark.description'))
    .argument('<answers...>', locale.t('cli.benchmark.argument.answers'))
    .option('--org <file>', locale.t('cli.benchmark.option.org'))
    .option('-m, --model <id|path>', locale.t('cli.benchmark.option.model', { model: 'community' }))
    .addOption(new Option('-f, --format <format>', locale.t('cli.option.format')).choices(benchmarkFormats.names))
    .option('-o, --output <file>', locale.t('cli.option.output', { extensions: extensionsOf(benchmarkFormats.names) }), collect)
    .option('--min-completeness <ratio>', locale.t('cli.benchmark.option.minCompleteness'), ratioParser(locale))
    .option('--no-color', locale.t('cli.benchmark.option.noColor'))
    .option('--width <columns>', locale.t('cli.option.width'), widthParser(locale));
  return addVoiceOptions(command, locale, 'scored')
    .addHelpText(
      'after',
      `
${locale.t('cli.benchmark.help')}

${locale.t('cli.examples')}
  $ cm-maturity benchmark assessments/
  $ cm-maturity benchmark 'assessments/**/*.yaml' --org acme.yaml
  $ cm-maturity benchmark assessments/ --format csv -o benchmark.csv`,
    )
    .action(async (inputs: string[], options: BenchmarkOptions) => {
      keepHeapNearLive();
      const { files, found } = await expandInputs(inputs);
      refuseInputsAsOutputs(options.output, [...files, options.org, modelFileOf(options.model)]);
      const outputs = outputTargets({ output: options.output, format: options.format, names: benchmarkFormats.names, unavailable: notAFormatOf(locale, 'benchmark', benchmarkFormats.names), locale });
      const score = fileScoring({ model: options.model }, () => io.stdin);
      const voice = manyFilesVoice(locale, options, locale.t('cli.reads.answers'), found.size);
      let pool: PoolColumns | undefined;
      let model: { shape: PoolModel; file: string } | undefined;
      const notes: string[] = [];
      const diagnostics: Diagnostic[] = [];
      let scored = 0;
      const excluded = { count: 0, first: [] as { file: string; answered: number; total: number }[] };

      // Only a few numbers of each report are kept, so that very large pools fit in memory.
      const entry = async (file: string, isFound = false) => {
        const { report, loaded } = await score(file, isFound);
        if (!model) model = { shape: poolModel(report), file };
        else if (report.model.id !== model.shape.model.id || report.model.version !== model.shape.model.version) {
          const expected = model.shape.model;
          throw new UserError([
            fileDiagnostic(file, 'model-mismatch', locale.t('cli.benchmark.error.modelMismatch', { model: `${report.model.id} ${report.model.version}`, pool: `${expected.id} ${expected.version}`, file: model.file })),
          ]);
        }
        const { answered, total, unanswered } = report.completeness;
        return { entry: organisationEntry(report), completeness: { answered, total, unanswered: unanswered.length }, warning: unansweredWarning(locale, report, file), outdated: outdatedAnswers(locale, file, loaded) };
      };

      for (const file of files) {
        const outcome = await tryFile(file, (input) => entry(input, found.has(input)));
        if ('diagnostics' in outcome) diagnostics.push(...outcome.diagnostics);
        else if ('kind' in outcome) notes.push(...voice.skipped(outcome));
        else {
          const { completeness, warning } = outcome.value;
          scored += 1;
          notes.push(...voice.scored(file, { unanswered: completeness.unanswered, total: completeness.total, warning }), ...voice.read(file, outcome.value.outdated));
          if (options.minCompleteness !== undefined && !meetsCompleteness(completeness, options.minCompleteness)) {
            excluded.count += 1;
            if (excluded.first.length < NAMED_IN_SUMMARY) excluded.first.push({ file, answered: completeness.answered, total: completeness.total });
            continue;
          }
          addToPool((pool ??= poolColumns([], outcome.value.entry.competencies.length)), outcome.value.entry);
        }
        // With --verbose, a warning per file: written a few dozen at a time, never all held.
        if (notes.length >= NOTES_HELD) await io.stderr.write(`${notes.splice(0).join('\n')}\n`);
      }
      let organisation: OrganisationEntry | undefined;
      if (options.org !== undefined) {
        const outcome = await tryFile(options.org, (input) => entry(input));
        if ('diagnostics' in outcome) diagnostics.push(...outcome.diagnostics);
        else if ('value' in outcome) {
          organisation = outcome.value.entry;
          // The organisation's own warning, unless it is one of the pool's files, already counted.
          if (!options.quiet && !files.includes(options.org)) {
            if (outcome.value.warning !== null) notes.push(outcome.value.warning);
            if (outcome.value.outdated !== null) notes.push(outcome.value.outdated.hint);
          }
        }
      }
      notes.push(...voice.summary(scored));
      if (options.minCompleteness !== undefined && excluded.count > 0 && !options.quiet) notes.push(excludedNote(locale, excluded, scored, options.minCompleteness));
      if (notes.length > 0) await io.stderr.write(`${notes.join('\n')}\n`);
      // A benchmark over part of the pool would be silently wrong: any invalid file stops it.
      if (diagnostics.length > 0) throw new UserError(diagnostics);
      if (scored === 0) throw new UserError(locale.t('cli.benchmark.error.noAnswersFiles', { found: files.length }));
      if (!model || !pool) throw new UserError(locale.t('cli.benchmark.error.allIncomplete', { ratio: String(options.minCompleteness), count: scored }));

      const result = benchmark(model.shape, pool, organisation);
      const rendered = [];
      for (const { path, format } of outputs) rendered.push({ path, text: (await benchmarkFormats.load(format))(result, { color: colorFor(format, options.color, path, io.stdout, io.env), width: outputWidth(io, path, options.width) }) });
      await writeOutputs(rendered, io.stdout);
    });
}

/** Notes held before they are written. */
const NOTES_HELD = 64;

/** --min-completeness: a share from 0 to 1. */
function ratioParser(locale: Locale): (value: string) => number {
  return (value) => {
    const ratio = Number(value);
    if (value.trim() === '' || !Number.isFinite(ratio) || ratio < 0 || ratio > 1) throw new InvalidArgumentError(locale.t('cli.benchmark.option.minCompleteness.invalid'));
    return ratio;
  };
}
