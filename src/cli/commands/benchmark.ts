import { Command, InvalidArgumentError, Option } from 'commander';
import { addToPool, benchmark, organisationEntry, poolColumns, poolModel, type OrganisationEntry, type PoolColumns, type PoolModel } from '../../core/benchmark.js';
import { fileDiagnostic, UserError, type Diagnostic } from '../../errors.js';
import { tryFile } from '../../pipeline/each-file.js';
import { meetsCompleteness, NAMED_IN_SUMMARY } from '../../core/file-summary.js';
import { excludedNote, unansweredWarning } from '../../report/notices.js';
import { addVoiceOptions, manyFilesVoice, VERBOSE_SCORED, type VoiceOptions } from '../voice.js';
import { fileScoring, outdatedAnswers } from '../../pipeline/score-file.js';
import { outputWidth, parseWidth, WIDTH_HELP, type Io } from '../io.js';
import { collect, extensionsOf, notAFormatOf, outputTargets } from '../options.js';
import { keepHeapNearLive } from '../heap.js';
import { expandInputs } from '../../read/inputs.js';
import { benchmarkFormats, type BenchmarkFormatName } from '../../report/benchmark/index.js';
import { colorFor, refuseInputsAsOutputs, writeOutputs } from '../../write/output.js';
import { modelFileOf } from '../../pipeline/load-model.js';
import { withLanguageOption } from '../language.js';
import type { Locale } from '../../locale/locale.js';
import { localeOf } from '../language.js';

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
    .description('compare a pool of assessments: score distributions and stage shares per competency, and where one organisation stands')
    .argument('<answers...>', 'answers files, folders (every *.yaml/*.yml inside) or quoted glob patterns')
    .option('--org <file>', "an organisation's answers file to place against the pool (percentile and gap per competency)")
    .option('-m, --model <id|path>', 'model for every file (default: each file\'s model:, else "community")')
    .addOption(new Option('-f, --format <format>', 'format of standard output and of -o files without a known extension (default: table)').choices(benchmarkFormats.names))
    .option('-o, --output <file>', `write to a file (atomically) instead of standard output, in the format its extension names (${extensionsOf(benchmarkFormats.names)}); repeatable; - is standard output`, collect)
    .option('--min-completeness <ratio>', 'leave out of the statistics the assessments answering less than this share of their indicators (0 to 1, e.g. 0.8)', parseRatio)
    .option('--no-color', 'never colour the output')
    .option('--width <columns>', WIDTH_HELP, parseWidth);
  return addVoiceOptions(command, VERBOSE_SCORED)
    .addHelpText(
      'after',
      `
All assessments must use the same model (id and version). Quartiles use linear interpolation
between closest ranks (as numpy, R and PERCENTILE.INC do); an organisation's percentile is the
share of the pool scoring below it, ties counting half. Unanswered indicators count as 0: one
warning line says how many assessments have some; --min-completeness leaves the incomplete ones
out (a note says how many). Files found in a folder or by a pattern that are not answers files
(a model, a JSON report, other YAML) are skipped, with one note.

Examples:
  $ cm-maturity benchmark assessments/
  $ cm-maturity benchmark 'assessments/**/*.yaml' --org acme.yaml
  $ cm-maturity benchmark assessments/ --format csv -o benchmark.csv`,
    )
    .action(async (inputs: string[], given: BenchmarkOptions, command: Command) => {
      const options = withLanguageOption(given, command);
      keepHeapNearLive();
      const { files, found } = await expandInputs(inputs);
      refuseInputsAsOutputs(options.output, [...files, options.org, modelFileOf(options.model)]);
      const outputs = outputTargets({ output: options.output, format: options.format, names: benchmarkFormats.names, unavailable: notAFormatOf('benchmark', benchmarkFormats.names) });
      const score = fileScoring({ model: options.model, lang: options.lang, runLanguage: locale.language }, () => io.stdin);
      const voice = manyFilesVoice(options, 'answers files', found.size);
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
            fileDiagnostic(file, 'model-mismatch', `uses model ${report.model.id} ${report.model.version}, but the pool uses ${expected.id} ${expected.version} (as in ${model.file}); a benchmark compares one model`),
          ]);
        }
        const { answered, total, unanswered } = report.completeness;
        return { entry: organisationEntry(report), completeness: { answered, total, unanswered: unanswered.length }, warning: unansweredWarning(report, file), outdated: outdatedAnswers(file, loaded) };
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
      if (options.minCompleteness !== undefined && excluded.count > 0 && !options.quiet) notes.push(excludedNote(excluded, scored, options.minCompleteness));
      if (notes.length > 0) await io.stderr.write(`${notes.join('\n')}\n`);
      // A benchmark over part of the pool would be silently wrong: any invalid file stops it.
      if (diagnostics.length > 0) throw new UserError(diagnostics);
      if (scored === 0) throw new UserError(`no answers files among the ${files.length} files found (models, JSON reports and other YAML are skipped)`);
      if (!model || !pool) throw new UserError(`--min-completeness ${options.minCompleteness}: all ${scored} assessments answer less than that share of their indicators; nothing is left to compare`);

      const result = benchmark(model.shape, pool, organisation);
      const rendered = [];
      for (const { path, format } of outputs) rendered.push({ path, text: (await benchmarkFormats.load(format))(result, { color: colorFor(format, options.color, path, io.stdout, io.env), width: outputWidth(io, path, options.width), locale: localeOf(options.lang ?? locale.language) }) });
      await writeOutputs(rendered, io.stdout);
    });
}

/** Notes held before they are written. */
const NOTES_HELD = 64;

/** --min-completeness: a share from 0 to 1. */
function parseRatio(value: string): number {
  const ratio = Number(value);
  if (value.trim() === '' || !Number.isFinite(ratio) || ratio < 0 || ratio > 1) throw new InvalidArgumentError('expected a share of the indicators from 0 to 1, such as 0.8');
  return ratio;
}
