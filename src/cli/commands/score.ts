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
import { collect, extensionsOf, notAFormatOf, outputTargets, parseJobs, parseTolerance } from '../options.js';
import { outputWidth, parseWidth, WIDTH_HELP, type Io } from '../io.js';
import { addVoiceOptions, VERBOSE_SCORED, type VoiceOptions } from '../voice.js';
import { colorFor, refuseBinaryOnTerminal, refuseInputsAsOutputs, writeOutputs } from '../../write/output.js';
import { modelFileOf } from '../../pipeline/load-model.js';
import { defaultJobs, PARALLEL_MIN_FILES } from '../../pipeline/score-files.js';
import { fileScoring, outdatedAnswers, staleWarnings, withGates } from '../../pipeline/score-file.js';
import { gateFailureLines, locatedWarning, otherOrganisationWarning, unansweredWarning } from '../../report/notices.js';
import { parseStaleAfter, staleAfterGrammar, type StaleAfter } from '../../core/stale.js';
import type { Locale } from '../../locale/locale.js';
import { localeOf, withLanguageOption } from '../language.js';

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
    .description("score an organisation's answers against a maturity model, or many organisations' side by side")
    .argument('<answers>', 'answers file (YAML), - to read standard input, or a folder (every *.yaml/*.yml inside) or quoted glob pattern')
    .argument('[more...]', 'more answers files, folders or patterns: one row per organisation')
    .option('-m, --model <id|path>', 'built-in model id or model file (default: the file\'s model:, else "community")')
    .addOption(new Option('-f, --format <format>', 'format of standard output and of -o files without a known extension (default: table)').choices(SCORE_FORMAT_NAMES))
    .option('-o, --output <file>', `write the report to a file (atomically) instead of standard output, in the format its extension names (${extensionsOf(SCORE_FORMAT_NAMES)}); repeatable; - is standard output`, collect)
    .option('--excel', 'csv, csv-answers and csv-actions for Excel: a UTF-8 byte order mark, and ; with decimal commas where the locale (LC_ALL, LC_NUMERIC, LANG) writes 1,5')
    .option('--strict', 'treat unanswered indicators as errors')
    .option('--all', `list every next step, not only the first ${DEFAULT_NEXT_STEPS} per competency (html and xlsx always list every one)`)
    .option('--print-answers', 'html: print the appendix of every answer too (on screen it is always there, folded)')
    .option('-j, --jobs <n>', `threads scoring files at once with ${PARALLEL_MIN_FILES} or more answers files (default: one per CPU core)`, parseJobs)
    .option('--sort <key>', 'order of the organisations with several answers files: score, name or a competency id', 'score')
    .option('--no-color', 'never colour the output (NO_COLOR is honoured too)')
    .option('--width <columns>', WIDTH_HELP, parseWidth)
    .option('--fail-under <floor>', 'exit 1 when the overall score is below a score (2.5) or a stage id (community = level 3)')
    .option('--require <id=floor>', 'exit 1 when a competency scores below a floor (strategy=2.5, tools=community); repeatable', collect)
    .option('--baseline <file>', 'compare with an earlier result: a JSON report (--format json) or an answers file')
    .option('--fail-on-regression', 'exit 1 when the overall or any competency score is lower than in the baseline')
    .option('--regression-tolerance <points>', 'with --fail-on-regression, a fall of at most this many score points is not a regression (default: 0)', parseTolerance)
    .option('--allow-model-change', 'accept a baseline made with another model, or a version no migration links; compare the competencies both have (linked versions need no option)')
    .option('--plan <file>', 'track a plan (made by cm-maturity plan): targets, PercentToTarget, ProgressToDate, on-track and the actions of the phase due next, in every format')
    .option('--fail-behind-plan', "with --plan, exit 1 when a target of a phase due on or before the answers' date is not met")
    .option('--fail-on-stale-actions', "with --plan, exit 1 when an action due before the answers' date is neither done nor dropped")
    .option('--stale-after <duration>', `warn about answers whose checked: date is longer than this before the assessment's date: ${staleAfterGrammar(locale)}`, (value) => parseDuration(value, locale))
    .option('--fail-on-stale', 'exit 1 when an answer is stale (needs --stale-after)');
  return addVoiceOptions(command, VERBOSE_SCORED)
    .addHelpText(
      'after',
      `
Examples:
  $ cm-maturity score examples/middle.yaml
  $ cm-maturity score answers.yaml --format json > report.json
  $ cm-maturity score answers.yaml -o report.md
  $ cm-maturity score answers.yaml -o report.html
  $ cm-maturity score answers.yaml -o report.json -o junit.xml -o report.md
  $ cat answers.yaml | cm-maturity score - --model ./my-model.yaml
  $ cm-maturity score answers.yaml --fail-under community --require strategy=2.5
  $ cm-maturity score answers.yaml --baseline last.json --fail-on-regression --regression-tolerance 0.05 -o junit.xml
  $ cm-maturity score answers.yaml --stale-after 12m --fail-on-stale
  $ cm-maturity score assessments/ 'more/**/*.yaml' --sort strategy
  $ cm-maturity score assessments/ -o portfolio.csv
  $ cm-maturity score assessments/ -f csv-answers --excel -o answers.csv
  $ cm-maturity score answers.yaml -o report.xlsx
  $ cm-maturity score 'assessments/**/*.yaml' -f jsonl > portfolio.jsonl
  $ cm-maturity score answers.yaml --plan plan.yaml --fail-behind-plan --fail-on-stale-actions -o report.html
  $ cm-maturity score answers.yaml --plan plan.yaml -f csv-actions -o actions.csv

Each -o file is written in the format its extension names; -f sets standard output (-o -) and
files without a known extension. Every output comes from one scoring.
Gates (--fail-under, --require, --fail-on-regression, --fail-behind-plan, --fail-on-stale-actions, --fail-on-stale) exit 1 when they fail; the reports are still
written, and the JUnit and JSON reports record every gate's outcome.
With several answers files (or a folder or pattern) there is one row per organisation, formats
table, json (an array), jsonl (streamed), csv, csv-answers (every answer), xlsx or markdown;
csv-actions (one row per action of the plan, for project tools) needs --plan and one answers file; an invalid file is reported on standard
error and the others are still scored (exit 2); gates apply to every organisation. Files found in
a folder or by a pattern that are not answers files (a model, a JSON report, other YAML such as a
CI workflow) are skipped, with one note; unanswered indicators over many files are one warning
line (--verbose: one per file).
xlsx is a binary file: write it with -o report.xlsx or to a pipe, never to a terminal.
A baseline of another version of the model that its migrations link (community 1.0 and 2.0) is
compared competency by competency, and every format says the comparison crosses versions.
A file naming a built-in model without a version that fits only an earlier version is scored
with it, and a hint on standard error says that cm-maturity migrate moves it to the newest
(one line for many files; --verbose: one per file; -q: none).`,
    )
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
      if ((options.failBehindPlan || options.failOnStaleActions) && options.plan === undefined) throw new UserError('--fail-behind-plan and --fail-on-stale-actions need --plan <file>');
      if (options.format === 'csv-actions' && options.plan === undefined) throw new UserError("csv-actions lists a plan's actions: add --plan <file>");
      if (options.regressionTolerance !== undefined && !options.failOnRegression) throw new UserError('--regression-tolerance needs --fail-on-regression');
      if (options.failOnStale && options.staleAfter === undefined) throw new UserError('--fail-on-stale needs --stale-after <duration>');
      const csv = csvDialect(options.excel === true, io.env);
      // A folder or a pattern asks for a list, even when it holds one file: scripts get one shape.
      if (inputs.length > 1 || files.length !== 1 || files[0] !== first) {
        if (options.baseline !== undefined || options.failOnRegression || options.allowModelChange) {
          throw new UserError('--baseline, --fail-on-regression and --allow-model-change take one answers file, not several');
        }
        if (options.plan !== undefined) throw new UserError('--plan takes one answers file, not several: a plan is of one organisation');
        const outputs = outputTargets({
          output: options.output,
          format: options.format,
          names: portfolioFormats.names,
          unavailable: (format) =>
            (SCORE_FORMAT_NAMES as string[]).includes(format)
              ? `shows one organisation; with several answers files use ${portfolioFormats.names.join(', ')}`
              : notAFormatOf('score', portfolioFormats.names)(format),
        });
        // Loaded only for many files: a run over one file reads none of the portfolio code.
        const { scorePortfolio } = await import('../portfolio.js');
        checkOutputs(outputs, options.excel === true, io.stdout);
        await scorePortfolio(files, found, { ...options, language: locale.language, outputs, csv, jobs: options.jobs ?? defaultJobs(), locale: localeOf(options.lang ?? locale.language) }, io);
        return;
      }
      if (options.failOnRegression && options.baseline === undefined) throw new UserError('--fail-on-regression needs --baseline <file>');
      const outputs = outputTargets({ output: options.output, format: options.format, names: SCORE_FORMAT_NAMES, unavailable: notAFormatOf('score', SCORE_FORMAT_NAMES) });
      checkOutputs(outputs, options.excel === true, io.stdout);
      const scored = await fileScoring({ ...options, language: locale.language }, () => io.stdin)(first);
      checkSortKey(options.sort, sortKeys(scored.report), locale);
      let report = scored.report;
      const hints = [outdatedAnswers(scored.file, scored.loaded)?.hint];
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
          throw new UserError([fileDiagnostic(baseline.file, 'model-mismatch', `${mismatch}; --allow-model-change compares the competencies both have`)]);
        }
        // As in diff, the comparison may be wanted (a renamed organisation), but a baseline
        // picked by mistake must not pass a gate unnoticed.
        if (baseline.report.organisation !== report.organisation && !options.quiet) {
          await io.stderr.write(`${otherOrganisationWarning(baseline.file, baseline.report.organisation, report.organisation)}\n`);
        }
        if (baseline.file !== scored.file) hints.push(outdatedAnswers(baseline.file, baseline.model)?.hint);
        report = withBaseline(report, baseline.report, crossing === null ? undefined : { from: crossing.from, to: crossing.to });
      }
      if (options.plan !== undefined) {
        const { withPlan } = await import('../../pipeline/load-plan.js');
        const tracked = await withPlan(report, options.plan, scored.model, { stdin: () => io.stdin, locale });
        if ((options.failBehindPlan || options.failOnStaleActions) && report.date === null) {
          throw new UserError([fileDiagnostic(scored.file, 'missing-date', "the answers have no date:, which --fail-behind-plan and --fail-on-stale-actions compare the plan's dates with")]);
        }
        if (!options.quiet && tracked.warnings.length > 0) await io.stderr.write(tracked.warnings.map((warning) => `${locatedWarning(warning)}\n`).join(''));
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
              printAnswers: options.printAnswers === true,
              width: outputWidth(io, path, options.width),
              locale: localeOf(report.language),
            });
        rendered.push({ path, text });
      }
      const notes = [unansweredWarning(report), ...staleWarnings(report, options), ...hints].filter((line) => line !== null && line !== undefined);
      if (notes.length > 0 && !options.quiet) await io.stderr.write(`${notes.join('\n')}\n`);
      await writeOutputs(rendered, io.stdout);
      const failures = gateFailureLines(report, report.gates ?? []);
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
function checkOutputs(outputs: readonly { path: string | undefined; format: string }[], excel: boolean, stdout: Io['stdout']): void {
  if (excel && !outputs.some(({ format }) => (CSV_FORMATS as readonly string[]).includes(format))) {
    throw new UserError(`--excel applies to ${CSV_FORMATS.slice(0, -1).join(', ')} and ${CSV_FORMATS.at(-1)!}, not --format ${outputs.map(({ format }) => format).join(', ')}`);
  }
  for (const { path, format } of outputs) refuseBinaryOnTerminal(format, path, stdout);
}
