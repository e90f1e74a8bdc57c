import { Command, InvalidArgumentError, Option } from 'commander';
import { addToPool, benchmark, poolColumns, rowCompetencies, type OrganisationEntry, type PoolColumns, type PoolModel } from '../../core/benchmark.js';
import { fileDiagnostic, UserError, type Diagnostic } from '../../errors.js';
import { meetsCompleteness, NAMED_IN_SUMMARY } from '../../core/file-summary.js';
import { excludedNote } from '../../report/notices.js';
import { addVoiceOptions, manyFilesVoice, type VoiceOptions } from '../voice.js';
import { poolFileScorer, type PoolFileResult } from '../../pipeline/score-file.js';
import { defaultJobs, PARALLEL_MIN_FILES, scoreFiles } from '../../pipeline/score-files.js';
import { outputWidth, widthParser, type Io } from '../io.js';
import { collect, extensionsOf, jobsParser, notAFormatOf, outputTargets } from '../options.js';
import { keepHeapNearLive } from '../heap.js';
import { expandInputsInThread } from '../../read/inputs-thread.js';
import { benchmarkFormats, type BenchmarkFormatName } from '../../report/benchmark/index.js';
import { colorFor, refuseInputsAsOutputs, writeOutputs } from '../../write/output.js';
import { modelFileOf } from '../../pipeline/load-model.js';
import { withLanguageOption } from '../language.js';
import type { Locale } from '../../locale/locale.js';
import { localeOf } from '../language.js';
import { examplesText } from '../commander-texts.js';

interface BenchmarkOptions extends VoiceOptions {
  org?: string;
  minCompleteness?: number;
  model?: string;
  format?: BenchmarkFormatName;
  output?: string[];
  color: boolean;
  width?: number;
  jobs?: number;
}

/** A file of the pool scored. */
type PoolFile = Extract<PoolFileResult, { row: unknown }>;

export function benchmarkCommand(io: Io, locale: Locale): Command {
  const command = new Command('benchmark')
    .description(locale.t('cli.benchmark.description'))
    .argument('<answers...>', locale.t('cli.benchmark.argument.answers'))
    .option('--org <file>', locale.t('cli.benchmark.option.org'))
    .option('-m, --model <id|path>', locale.t('cli.benchmark.option.model', { model: 'community' }))
    .addOption(new Option('-f, --format <format>', locale.t('cli.option.format')).choices(benchmarkFormats.names))
    .option('-o, --output <file>', locale.t('cli.option.output', { extensions: extensionsOf(benchmarkFormats.names) }), collect)
    .option('--min-completeness <ratio>', locale.t('cli.benchmark.option.minCompleteness'), ratioParser(locale))
    .option('-j, --jobs <n>', locale.t('cli.score.option.jobs', { min: PARALLEL_MIN_FILES }), jobsParser(locale))
    .option('--no-color', locale.t('cli.benchmark.option.noColor'))
    .option('--width <columns>', locale.t('cli.option.width'), widthParser(locale));
  return addVoiceOptions(command, locale, 'scored')
    .addHelpText('after', `\n${locale.t('cli.benchmark.help')}\n\n${examplesText(locale, EXAMPLES)}`)
    .action(async (inputs: string[], given: BenchmarkOptions, command: Command) => {
      const options = withLanguageOption(given, command);
      keepHeapNearLive();
      const { files, found } = await expandInputsInThread(inputs, locale);
      refuseInputsAsOutputs(options.output, [...files, options.org, modelFileOf(options.model)]);
      const outputs = outputTargets({ output: options.output, format: options.format, names: benchmarkFormats.names, unavailable: notAFormatOf(locale, 'benchmark', benchmarkFormats.names), locale });
      const voice = manyFilesVoice(locale, options, locale.t('cli.reads.answers'), found.size);
      let pool: PoolColumns | undefined;
      let model: { shape: PoolModel; file: string } | undefined;
      const notes: string[] = [];
      const diagnostics: Diagnostic[] = [];
      let scored = 0;
      const excluded = { count: 0, first: [] as { file: string; answered: number; total: number }[] };

      /** A file scored with another model than the first one of the pool is an error of that file; the first sets it. */
      const otherModel = ({ file, model: used, shape }: PoolFile): Diagnostic | undefined => {
        if (!model) {
          // The first file a scorer scores comes with the shape of its model (poolFileScorer).
          if (!shape) throw new Error(`the first file of the pool, ${file}, came without its model`);
          model = { shape, file };
        } else if (used.id !== model.shape.model.id || used.version !== model.shape.model.version) {
          const expected = model.shape.model;
          return fileDiagnostic(file, 'model-mismatch', locale.t('cli.benchmark.error.modelMismatch', { model: `${used.id} ${used.version}`, pool: `${expected.id} ${expected.version}`, file: model.file }));
        }
        return undefined;
      };

      // Only a few numbers of each report are kept, so that very large pools fit in memory.
      const scoring = { model: options.model, fileWarnings: options.verbose === true, lang: options.lang, language: locale.language };
      for await (const batch of scoreFiles(files, found, { name: 'benchmark', options: scoring }, options.jobs ?? defaultJobs(), () => io.stdin)) {
        for (const outcome of batch) {
          const mismatch = 'row' in outcome ? otherModel(outcome) : undefined;
          if ('diagnostics' in outcome) diagnostics.push(...outcome.diagnostics);
          else if ('kind' in outcome) notes.push(...voice.skipped(outcome));
          else if (mismatch !== undefined) diagnostics.push(mismatch);
          else {
            const { file, completeness, warning } = outcome;
            scored += 1;
            notes.push(...voice.scored(file, { unanswered: completeness.unanswered, total: completeness.total, warning }), ...voice.read(file, outcome.outdated));
            if (options.minCompleteness !== undefined && !meetsCompleteness(completeness, options.minCompleteness)) {
              excluded.count += 1;
              if (excluded.first.length < NAMED_IN_SUMMARY) excluded.first.push({ file, answered: completeness.answered, total: completeness.total });
              continue;
            }
            addToPool((pool ??= poolColumns([], rowCompetencies(outcome.row), files.length)), outcome.row);
          }
        }
        // With --verbose, a warning per file: written a few dozen at a time, never all held.
        if (notes.length >= NOTES_HELD) await io.stderr.write(`${notes.splice(0).join('\n')}\n`);
      }
      let organisation: OrganisationEntry | undefined;
      if (options.org !== undefined) {
        const outcome = await poolFileScorer({ model: options.model, fileWarnings: true, named: true, lang: options.lang, language: locale.language }, () => io.stdin)(options.org, false);
        const mismatch = 'row' in outcome ? otherModel(outcome) : undefined;
        if ('diagnostics' in outcome) diagnostics.push(...outcome.diagnostics);
        else if (mismatch !== undefined) diagnostics.push(mismatch);
        else if ('row' in outcome) {
          organisation = outcome.organisation;
          // The organisation's own warning, unless it is one of the pool's files, already counted.
          if (!options.quiet && !files.includes(options.org)) {
            if (outcome.warning !== null) notes.push(outcome.warning);
            if (outcome.outdated !== null) notes.push(outcome.outdated.hint);
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
      for (const { path, format } of outputs) rendered.push({ path, text: (await benchmarkFormats.load(format))(result, { color: colorFor(format, options.color, path, io.stdout, io.env), width: outputWidth(io, path, options.width), locale: localeOf(options.lang ?? locale.language) }) });
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

/** The command lines its help shows as examples. */
const EXAMPLES = ['cm-maturity benchmark assessments/', "cm-maturity benchmark 'assessments/**/*.yaml' --org acme.yaml", 'cm-maturity benchmark assessments/ --format csv -o benchmark.csv'];
