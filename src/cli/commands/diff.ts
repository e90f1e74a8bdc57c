import { Command, Option } from 'commander';
import { diffReports, regressions } from '../../core/diff.js';
import { quoted } from '../../core/quote.js';
import { loadResult } from '../../pipeline/load-result.js';
import { fileDiagnostic, UserError } from '../../errors.js';
import { diffFormats, type DiffFormatName } from '../../report/diff/index.js';
import { GateFailed } from '../stop.js';
import { colorFor, refuseInputsAsOutputs, writeOutputs } from '../../write/output.js';
import { modelFileOf } from '../../pipeline/load-model.js';
import { outputWidth, parseWidth, WIDTH_HELP, type Io } from '../io.js';
import { collect, extensionsOf, notAFormatOf, outputTargets, parseTolerance } from '../options.js';

interface DiffOptions {
  model?: string;
  format?: DiffFormatName;
  output?: string[];
  color: boolean;
  failOnRegression?: boolean;
  regressionTolerance?: number;
  allowModelChange?: boolean;
  width?: number;
}

export function diffCommand(io: Io): Command {
  return new Command('diff')
    .description('show what changed between two assessments of one organisation: answers, stages and scores')
    .argument('<old>', 'the earlier answers file or JSON report')
    .argument('<new>', 'the later answers file or JSON report')
    .option('-m, --model <id|path>', 'score answers files with this model (default: each file\'s model:, else "community")')
    .addOption(new Option('-f, --format <format>', 'format of standard output and of -o files without a known extension (default: table)').choices(diffFormats.names))
    .option('-o, --output <file>', `write to a file (atomically) instead of standard output, in the format its extension names (${extensionsOf(diffFormats.names)}); repeatable; - is standard output`, collect)
    .option('--fail-on-regression', 'exit 1 when the overall or any competency score went down')
    .option('--regression-tolerance <points>', 'with --fail-on-regression, a fall of at most this many score points is not a regression (default: 0)', parseTolerance)
    .option('--allow-model-change', 'compare results of different models or model versions')
    .option('--no-color', 'never colour the output (NO_COLOR is honoured too)')
    .option('--width <columns>', WIDTH_HELP, parseWidth)
    .addHelpText(
      'after',
      `
Examples:
  $ cm-maturity diff examples/early.yaml examples/middle.yaml
  $ git show main:community/maturity.yaml > /tmp/old.yaml && cm-maturity diff /tmp/old.yaml community/maturity.yaml -f markdown
  $ cm-maturity diff last-quarter.json community/maturity.yaml --fail-on-regression --regression-tolerance 0.05

Exits 0 whether or not anything changed; with --fail-on-regression, 1 when a score went down
(by more than --regression-tolerance, if given).`,
    )
    .action(async (oldInput: string, newInput: string, options: DiffOptions) => {
      if (oldInput === '-' && newInput === '-') throw new UserError('standard input (-) can be read once: give at most one of the two assessments as -');
      refuseInputsAsOutputs(options.output, [oldInput, newInput, modelFileOf(options.model)]);
      if (options.regressionTolerance !== undefined && !options.failOnRegression) throw new UserError('--regression-tolerance needs --fail-on-regression');
      const outputs = outputTargets({ output: options.output, format: options.format, names: diffFormats.names, unavailable: notAFormatOf('diff', diffFormats.names) });
      const old = await loadResult(oldInput, { model: options.model, stdin: () => io.stdin });
      const current = await loadResult(newInput, { model: options.model, stdin: () => io.stdin });
      if (old.report.organisation !== current.report.organisation) {
        throw new UserError([fileDiagnostic(current.file, 'other-organisation', `this is an assessment of ${quoted(current.report.organisation)}, but ${old.file} is of ${quoted(old.report.organisation)}`)]);
      }
      const { model: a } = old.report;
      const { model: b } = current.report;
      if ((a.id !== b.id || a.version !== b.version) && !options.allowModelChange) {
        throw new UserError([
          fileDiagnostic(current.file, 'model-mismatch', `scored with model ${b.id} ${b.version}, but ${old.file} with ${a.id} ${a.version}; --allow-model-change compares them anyway`),
        ]);
      }
      const diff = diffReports(old.report, current.report, { old: old.file, new: current.file });
      const rendered = [];
      for (const { path, format } of outputs) rendered.push({ path, text: (await diffFormats.load(format))(diff, { color: colorFor(format, options.color, path, io.stdout, io.env), width: outputWidth(io, path, options.width) }) });
      await writeOutputs(rendered, io.stdout);
      if (options.failOnRegression) {
        const fallen = regressions(diff, options.regressionTolerance);
        if (fallen.length > 0) {
          const beyond = options.regressionTolerance ? `, more than the tolerance of ${options.regressionTolerance}` : '';
          await io.stderr.write(
            fallen
              .map((item) => `cm-maturity: regression (--fail-on-regression): ${item.subject === 'overall' ? 'overall' : item.subject} score fell from ${item.from.toFixed(2)} to ${item.to.toFixed(2)} (${item.delta.toFixed(2)})${beyond}\n`)
              .join(''),
          );
          throw new GateFailed();
        }
      }
    });
}
