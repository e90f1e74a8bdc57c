import { statSync } from 'node:fs';
import { Command, InvalidArgumentError, Option } from 'commander';
import { modelMismatch, withBaseline } from '../../core/compare.js';
import type { GateOptions } from '../../core/gates.js';
import { checkSortKey, sortKeys } from '../../core/portfolio.js';
import { fileDiagnostic, UserError } from '../../errors.js';
import { DEFAULT_NEXT_STEPS, reportFormats, type FormatName } from '../../report/single/index.js';
import { LIST_ONLY_FORMATS, portfolioFormats, type PortfolioFormatName } from '../../report/portfolio/index.js';
import { expandInputs } from '../../read/inputs.js';
import { GateFailed } from '../stop.js';
import { keepHeapNearLive } from '../heap.js';
import { collect } from '../options.js';
import { outputWidth, parseWidth, WIDTH_HELP, type Io } from '../io.js';
import { colorFor, refuseInputAsOutput, writeOutput } from '../../write/output.js';
import { modelFileOf } from '../../pipeline/load-model.js';
import { defaultJobs, PARALLEL_MIN_FILES } from '../../pipeline/score-files.js';
import { fileScoring, withGates } from '../../pipeline/score-file.js';
import { gateFailureLines, otherOrganisationWarning, unansweredWarning } from '../../report/notices.js';

type ScoreFormatName = FormatName | (typeof LIST_ONLY_FORMATS)[number];

const SCORE_FORMAT_NAMES: ScoreFormatName[] = [...reportFormats.names, ...LIST_ONLY_FORMATS];

interface ScoreOptions extends GateOptions {
  model?: string;
  format: ScoreFormatName;
  output?: string;
  strict?: boolean;
  all?: boolean;
  color: boolean;
  baseline?: string;
  allowModelChange?: boolean;
  sort: string;
  jobs?: number;
  width?: number;
}

export function scoreCommand(io: Io): Command {
  return new Command('score')
    .description("score an organisation's answers against a maturity model, or many organisations' side by side")
    .argument('<answers>', 'answers file (YAML), - to read standard input, or a folder (every *.yaml/*.yml inside) or quoted glob pattern')
    .argument('[more...]', 'more answers files, folders or patterns: one row per organisation')
    .option('-m, --model <id|path>', 'built-in model id or model file (default: the file\'s model:, else "community")')
    .addOption(new Option('-f, --format <format>', 'output format').choices(SCORE_FORMAT_NAMES).default('table'))
    .option('-o, --output <file>', 'write the report to a file (atomically) instead of standard output')
    .option('--strict', 'treat unanswered indicators as errors')
    .option('--all', `list every next step, not only the first ${DEFAULT_NEXT_STEPS} per competency (html always lists every one)`)
    .option('-j, --jobs <n>', `threads scoring files at once with ${PARALLEL_MIN_FILES} or more answers files (default: one per CPU core)`, parseJobs)
    .option('--sort <key>', 'order of the organisations with several answers files: score, name or a competency id', 'score')
    .option('--no-color', 'never colour the output (NO_COLOR is honoured too)')
    .option('--width <columns>', WIDTH_HELP, parseWidth)
    .option('--fail-under <floor>', 'exit 1 when the overall score is below a score (2.5) or a stage id (community = level 3)')
    .option('--require <id=floor>', 'exit 1 when a competency scores below a floor (strategy=2.5, tools=community); repeatable', collect)
    .option('--baseline <file>', 'compare with an earlier result: a JSON report (--format json) or an answers file')
    .option('--fail-on-regression', 'exit 1 when the overall or any competency score is lower than in the baseline')
    .option('--allow-model-change', 'accept a baseline made with another model or version; compare the competencies both have')
    .addHelpText(
      'after',
      `
Examples:
  $ cm-maturity score examples/middle.yaml
  $ cm-maturity score answers.yaml --format json > report.json
  $ cm-maturity score answers.yaml -f markdown -o report.md
  $ cm-maturity score answers.yaml -f html -o report.html
  $ cat answers.yaml | cm-maturity score - --model ./my-model.yaml
  $ cm-maturity score answers.yaml --fail-under community --require strategy=2.5
  $ cm-maturity score answers.yaml --baseline last.json --fail-on-regression -f junit -o junit.xml
  $ cm-maturity score assessments/ 'more/**/*.yaml' --sort strategy
  $ cm-maturity score assessments/ -f csv -o portfolio.csv
  $ cm-maturity score 'assessments/**/*.yaml' -f jsonl > portfolio.jsonl

Gates (--fail-under, --require, --fail-on-regression) exit 1 when they fail; the report is still written.
With several answers files (or a folder or pattern) there is one row per organisation, formats
table, json (an array), jsonl (streamed), csv or markdown; an invalid file is reported on standard
error and the others are still scored (exit 2); gates apply to every organisation.`,
    )
    .action(async (first: string, more: string[], options: ScoreOptions) => {
      const inputs = [first, ...more];
      if (!namesOneFile(inputs)) keepHeapNearLive();
      // A lone argument that names no answers files (an empty folder, a pattern matching nothing)
      // is read as a file, as it always was: the error then says what is there.
      const files = await expandInputs(inputs).catch((error: unknown) => {
        if (inputs.length === 1 && error instanceof UserError) return [first];
        throw error;
      });
      refuseInputAsOutput(options.output, [...files, options.baseline, modelFileOf(options.model)]);
      // A folder or a pattern asks for a list, even when it holds one file: scripts get one shape.
      if (inputs.length > 1 || files.length !== 1 || files[0] !== first) {
        if (options.baseline !== undefined || options.failOnRegression || options.allowModelChange) {
          throw new UserError('--baseline, --fail-on-regression and --allow-model-change take one answers file, not several');
        }
        const format = options.format;
        if (!isPortfolioFormat(format)) {
          throw new UserError(`--format ${format} shows one organisation; with several answers files use ${portfolioFormats.names.join(', ')}`);
        }
        // Loaded only for many files: a run over one file reads none of the portfolio code.
        const { scorePortfolio } = await import('../portfolio.js');
        await scorePortfolio(files, { ...options, format, jobs: options.jobs ?? defaultJobs() }, io);
        return;
      }
      if (options.failOnRegression && options.baseline === undefined) throw new UserError('--fail-on-regression needs --baseline <file>');
      const scored = await fileScoring(options, () => io.stdin)(first);
      checkSortKey(options.sort, sortKeys(scored.report));
      let report = scored.report;
      if (options.baseline !== undefined) {
        // Loaded only for a baseline: it brings the report schema, which a plain run does not build.
        const { loadResult } = await import('../../pipeline/load-result.js');
        const baseline = await loadResult(options.baseline, { model: options.model, stdin: () => io.stdin });
        const mismatch = modelMismatch(report, baseline.report);
        if (mismatch !== null && !options.allowModelChange) {
          throw new UserError([fileDiagnostic(baseline.file, 'model-mismatch', `${mismatch}; --allow-model-change compares the competencies both have`)]);
        }
        // diff refuses two organisations; here the comparison may be wanted (a renamed
        // organisation), but a baseline picked by mistake must not pass a gate unnoticed.
        if (baseline.report.organisation !== report.organisation) {
          await io.stderr.write(`${otherOrganisationWarning(baseline.file, baseline.report.organisation, report.organisation)}\n`);
        }
        report = withBaseline(report, baseline.report);
      }
      report = withGates(report, scored.policy, options);

      const color = colorFor(options.format, options.color, options.output, io.stdout, io.env);
      const format = options.format;
      const text =
        format === 'jsonl' || format === 'csv'
          ? (await portfolioFormats.load(format))([{ file: first, report }], { color })
          : (await reportFormats.load(format))(report, { color, nextSteps: options.all ? Infinity : DEFAULT_NEXT_STEPS, width: outputWidth(io, options.output, options.width) });
      const warning = unansweredWarning(report);
      if (warning !== null) await io.stderr.write(`${warning}\n`);
      await writeOutput(text, options.output, io.stdout);
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

/** --jobs: a whole number of threads, at least 1. */
function parseJobs(value: string): number {
  const jobs = Number(value);
  if (!/^\d+$/.test(value) || !Number.isSafeInteger(jobs) || jobs < 1) throw new InvalidArgumentError('expected a whole number of threads, 1 or more');
  return jobs;
}

function isPortfolioFormat(format: string): format is PortfolioFormatName {
  return (portfolioFormats.names as string[]).includes(format);
}
