import { statSync } from 'node:fs';
import { Command, InvalidArgumentError, Option } from 'commander';
import { modelMismatch, withBaseline } from '../../core/compare.js';
import type { GateOptions } from '../../core/gates.js';
import { checkSortKey, sortKeys } from '../../core/portfolio.js';
import { fileDiagnostic, UserError } from '../../errors.js';
import { DEFAULT_NEXT_STEPS, reportFormats, type FormatName } from '../../report/single/index.js';
import { CSV_FORMATS, LIST_ONLY_FORMATS, portfolioFormats } from '../../report/portfolio/index.js';
import { excelDialect, type CsvDialect } from '../../report/escape/csv.js';
import { numericLocale } from '../locale.js';
import { expandInputsInThread } from '../../read/inputs-thread.js';
import { GateFailed } from '../stop.js';
import { keepHeapNearLive } from '../heap.js';
import { collect, extensionsOf, jobsParser, notAFormatOf, outputTargets, toleranceParser } from '../options.js';
import { outputWidth, widthParser, type Io } from '../io.js';
import { addVoiceOptions, type VoiceOptions } from '../voice.js';
import { colorFor, refuseBinaryOnTerminal, refuseInputsAsOutputs, writeOutputs } from '../../write/output.js';
import { modelFileOf } from '../../pipeline/load-model.js';
import { defaultJobs, PARALLEL_MIN_FILES } from '../../pipeline/score-files.js';
import { fileScoring, outdatedAnswers, staleWarnings, withGates } from '../../pipeline/score-file.js';
import { gateFailureLines, locatedWarning, otherOrganisationWarning, unansweredWarning } from '../../report/notices.js';
import { parseStaleAfter, type StaleAfter } from '../../core/stale.js';
import type { Locale } from '../../locale/locale.js';
import { localeOf, withLanguageOption } from '../language.js';
import { examplesText } from '../commander-texts.js';

type ScoreFormatName = FormatName | (typeof LIST_ONLY_FORMATS)[number];

const SCORE_FORMAT_NAMES: ScoreFormatName[] = [...reportFormats.names, ...LIST_ONLY_FORMATS];

interface ScoreOptions extends GateOptions, VoiceOptions {
  model?: string;
  /** Not given: the default, table, for standard output and files without a known extension. */
  format?: ScoreFormatName;
  output?: string[];
  strict?: boolean;
  all?: boolean;
  color: boolean;
  baseline?: string;
  allowModelChange?: boolean;
  sort: string;
  jobs?: number;
  width?: number;
  excel?: boolean;
  printAnswers?: boolean;
  plan?: string;
  staleAfter?: StaleAfter;
}

export function scoreCommand(io: Io, locale: Locale): Command {
  const command = new Command('score')
    .description(locale.t('cli.score.description'))
    .argument('<answers>', locale.t('cli.score.argument.answers'))
    .argument('[more...]', locale.t('cli.score.argument.more'))
    .option('-m, --model <id|path>', locale.t('cli.option.model.fromFile', { model: 'community' }))
    .addOption(new Option('-f, --format <format>', locale.t('cli.option.format')).choices(SCORE_FORMAT_NAMES))
    .option('-o, --output <file>', locale.t('cli.score.option.output', { extensions: extensionsOf(SCORE_FORMAT_NAMES) }), collect)
    .option('--excel', locale.t('cli.score.option.excel'))
    .option('--strict', locale.t('cli.score.option.strict'))
    .option('--all', locale.t('cli.score.option.all', { count: DEFAULT_NEXT_STEPS }))
    .option('--print-answers', locale.t('cli.score.option.printAnswers'))
    .option('-j, --jobs <n>', locale.t('cli.score.option.jobs', { min: PARALLEL_MIN_FILES }), jobsParser(locale))
    .option('--sort <key>', locale.t('cli.score.option.sort'), 'score')
    .option('--no-color', locale.t('cli.option.noColor'))
    .option('--width <columns>', locale.t('cli.option.width'), widthParser(locale))
    .option('--fail-under <floor>', locale.t('cli.score.option.failUnder'))
    .option('--require <id=floor>', locale.t('cli.score.option.require'), collect)
    .option('--baseline <file>', locale.t('cli.score.option.baseline'))
    .option('--fail-on-regression', locale.t('cli.option.failOnRegression'))
    .option('--regression-tolerance <points>', locale.t('cli.option.regressionTolerance'), toleranceParser(locale))
    .option('--allow-model-change', locale.t('cli.score.option.allowModelChange'))
    .option('--plan <file>', locale.t('cli.score.option.plan'))
    .option('--fail-behind-plan', locale.t('cli.score.option.failBehindPlan'))
    .option('--fail-on-stale-actions', locale.t('cli.score.option.failOnStaleActions'))
    .option('--stale-after <duration>', locale.t('cli.score.option.staleAfter'), (value) => parseDuration(value, locale))
    .option('--fail-on-stale', locale.t('cli.score.option.failOnStale'));
  return addVoiceOptions(command, locale, 'scored')
    .addHelpText('after', `\n${examplesText(locale, EXAMPLES)}\n\n${locale.t('cli.score.help')}`)
    .action(async (first: string, more: string[], given: ScoreOptions, command: Command) => {
      const options = withLanguageOption(given, command);
      const inputs = [first, ...more];
      if (!namesOneFile(inputs)) keepHeapNearLive();
      // A lone argument that names no answers files (an empty folder, a pattern matching nothing)
      // is read as a file, as it always was: the error then says what is there.
      const { files, found } = await expandInputsInThread(inputs, locale).catch((error: unknown) => {
        if (inputs.length === 1 && error instanceof UserError) return { files: [first], found: new Set<string>() };
        throw error;
      });
      refuseInputsAsOutputs(options.output, [...files, options.baseline, options.plan, modelFileOf(options.model)]);
      if ((options.failBehindPlan || options.failOnStaleActions) && options.plan === undefined) throw new UserError(locale.t('cli.score.error.gatesNeedPlan'));
      if (options.format === 'csv-actions' && options.plan === undefined) throw new UserError(locale.t('cli.score.error.csvActionsNeedsPlan'));
      if (options.regressionTolerance !== undefined && !options.failOnRegression) throw new UserError(locale.t('cli.error.toleranceNeedsRegression'));
      if (options.failOnStale && options.staleAfter === undefined) throw new UserError(locale.t('cli.score.error.failOnStaleNeedsStaleAfter'));
      const csv = csvDialect(options.excel === true, io.env);
      // A folder or a pattern asks for a list, even when it holds one file: scripts get one shape.
      if (inputs.length > 1 || files.length !== 1 || files[0] !== first) {
        if (options.baseline !== undefined || options.failOnRegression || options.allowModelChange) {
          throw new UserError(locale.t('cli.score.error.baselineOneFile'));
        }
        if (options.plan !== undefined) throw new UserError(locale.t('cli.score.error.planOneFile'));
        const outputs = outputTargets({
          output: options.output,
          format: options.format,
          names: portfolioFormats.names,
          unavailable: (format) =>
            (SCORE_FORMAT_NAMES as string[]).includes(format)
              ? locale.t('cli.output.oneOrganisation', { formats: portfolioFormats.names.join(', ') })
              : notAFormatOf(locale, 'score', portfolioFormats.names)(format),
          locale,
        });
        // Loaded only for many files: a run over one file reads none of the portfolio code.
        const { scorePortfolio } = await import('../portfolio.js');
        checkOutputs(locale, outputs, options.excel === true, io.stdout);
        await scorePortfolio(files, found, { ...options, outputs, csv, jobs: options.jobs ?? defaultJobs(), language: locale.language, locale: localeOf(options.lang ?? locale.language) }, io, locale);
        return;
      }
      if (options.failOnRegression && options.baseline === undefined) throw new UserError(locale.t('cli.error.regressionNeedsBaseline'));
      const outputs = outputTargets({ output: options.output, format: options.format, names: SCORE_FORMAT_NAMES, unavailable: notAFormatOf(locale, 'score', SCORE_FORMAT_NAMES), locale });
      checkOutputs(locale, outputs, options.excel === true, io.stdout);
      const scored = await fileScoring({ ...options, language: locale.language }, () => io.stdin)(first);
      checkSortKey(options.sort, sortKeys(scored.report), locale);
      let report = scored.report;
      const hints = [outdatedAnswers(locale, scored.file, scored.loaded)?.hint];
      if (options.baseline !== undefined) {
        // Loaded only for a baseline: it brings the report schema, which a plain run does not build.
        const { loadResult } = await import('../../pipeline/load-result.js');
        const baseline = await loadResult(options.baseline, { model: options.model, stdin: () => io.stdin, locale });
        const mismatch = modelMismatch(report, baseline.report, locale);
        // Two versions of one model that its migrations link are compared competency by competency.
        const crossing =
          mismatch === null
            ? null
            : await (await import('../../pipeline/model-versions.js')).versionCrossing(
                { id: baseline.report.model.id, version: baseline.report.model.version, loaded: baseline.model },
                { id: report.model.id, version: report.model.version, loaded: scored.loaded },
              );
        if (mismatch !== null && crossing === null && !options.allowModelChange) {
          throw new UserError([fileDiagnostic(baseline.file, 'model-mismatch', locale.t('cli.score.error.modelMismatch', { mismatch }))]);
        }
        // As in diff, the comparison may be wanted (a renamed organisation), but a baseline
        // picked by mistake must not pass a gate unnoticed.
        if (baseline.report.organisation !== report.organisation && !options.quiet) {
          await io.stderr.write(`${otherOrganisationWarning(locale, baseline.file, baseline.report.organisation, report.organisation)}\n`);
        }
        if (baseline.file !== scored.file) hints.push(outdatedAnswers(locale, baseline.file, baseline.model)?.hint);
        report = withBaseline(report, baseline.report, crossing === null ? undefined : { from: crossing.from, to: crossing.to });
      }
      if (options.plan !== undefined) {
        const { withPlan } = await import('../../pipeline/load-plan.js');
        const tracked = await withPlan(report, options.plan, scored.model, { stdin: () => io.stdin, locale });
        if ((options.failBehindPlan || options.failOnStaleActions) && report.date === null) {
          throw new UserError([fileDiagnostic(scored.file, 'missing-date', locale.t('cli.score.error.planNeedsDate'))]);
        }
        if (!options.quiet && tracked.warnings.length > 0) await io.stderr.write(tracked.warnings.map((warning) => `${locatedWarning(locale, warning)}\n`).join(''));
        report = tracked.report;
      }
      report = withGates(report, scored.policy, options);

      // Every output is made from the one report, gates included, before any is written.
      const rendered = [];
      for (const { path, format } of outputs) {
        const color = colorFor(format, options.color, path, io.stdout, io.env);
        const text = isPortfolioOnly(format)
          ? (await portfolioFormats.load(format))([{ file: first, report }], { color, csv, locale: localeOf(report.language) })
          : (await reportFormats.load(format))(report, {
              color,
              nextSteps: options.all ? Infinity : DEFAULT_NEXT_STEPS,
              model: scored.model,
              names: scored.names,
              printAnswers: options.printAnswers === true,
              width: outputWidth(io, path, options.width),
              locale: localeOf(report.language),
            });
        rendered.push({ path, text });
      }
      const notes = [unansweredWarning(locale, report), ...staleWarnings(locale, report, options), ...hints].filter((line) => line !== null && line !== undefined);
      if (notes.length > 0 && !options.quiet) await io.stderr.write(`${notes.join('\n')}\n`);
      await writeOutputs(rendered, io.stdout);
      const failures = gateFailureLines(locale, report, report.gates ?? []);
      if (failures.length > 0) {
        await io.stderr.write(`${failures.join('\n')}\n`);
        throw new GateFailed();
      }
    });
}

/** Whether the arguments are a single existing file (or standard input), as most runs are. */
function namesOneFile(inputs: readonly string[]): boolean {
  if (inputs.length !== 1) return false;
  try {
    return inputs[0] === '-' || statSync(inputs[0]!, { throwIfNoEntry: false })?.isFile() === true;
  } catch {
    return false;
  }
}

/** --stale-after: a whole number and a unit (core/stale.ts). */
function parseDuration(value: string, locale: Locale): StaleAfter {
  const duration = parseStaleAfter(value, locale);
  if (typeof duration === 'string') throw new InvalidArgumentError(duration);
  return duration;
}

function isPortfolioOnly(format: ScoreFormatName): format is (typeof LIST_ONLY_FORMATS)[number] {
  return (LIST_ONLY_FORMATS as readonly string[]).includes(format);
}

/** How the CSV formats write: RFC 4180, or for Excel in the locale the environment names (src/cli/locale.ts). */
function csvDialect(excel: boolean, env: NodeJS.ProcessEnv): CsvDialect | undefined {
  return excel ? excelDialect(numericLocale(env)) : undefined;
}

/**
 * Refuses what the outputs cannot do, before any file is read: --excel with no CSV output (it
 * would do nothing, a mistake worth saying), and a binary format bound for a terminal.
 */
function checkOutputs(locale: Locale, outputs: readonly { path: string | undefined; format: string }[], excel: boolean, stdout: Io['stdout']): void {
  if (excel && !outputs.some(({ format }) => (CSV_FORMATS as readonly string[]).includes(format))) {
    throw new UserError(
      locale.t('cli.score.error.excel', { formats: CSV_FORMATS.slice(0, -1).join(', '), last: CSV_FORMATS.at(-1)!, given: outputs.map(({ format }) => format).join(', ') }),
    );
  }
  for (const { path, format } of outputs) refuseBinaryOnTerminal(format, path, stdout);
}

/** The command lines its help shows as examples. */
const EXAMPLES = [
  'cm-maturity score examples/middle.yaml',
  'cm-maturity score answers.yaml --format json > report.json',
  'cm-maturity score answers.yaml -o report.md',
  'cm-maturity score answers.yaml -o report.html',
  'cm-maturity score answers.yaml -o report.json -o junit.xml -o report.md',
  'cat answers.yaml | cm-maturity score - --model ./my-model.yaml',
  'cm-maturity score answers.yaml --fail-under community --require strategy=2.5',
  'cm-maturity score answers.yaml --baseline last.json --fail-on-regression --regression-tolerance 0.05 -o junit.xml',
  'cm-maturity score answers.yaml --stale-after 12m --fail-on-stale',
  "cm-maturity score assessments/ 'more/**/*.yaml' --sort strategy",
  'cm-maturity score assessments/ -o portfolio.csv',
  'cm-maturity score assessments/ -f csv-answers --excel -o answers.csv',
  'cm-maturity score answers.yaml -o report.xlsx',
  "cm-maturity score 'assessments/**/*.yaml' -f jsonl > portfolio.jsonl",
  'cm-maturity score answers.yaml --plan plan.yaml --fail-behind-plan --fail-on-stale-actions -o report.html',
  'cm-maturity score answers.yaml --plan plan.yaml -f csv-actions -o actions.csv',
];
