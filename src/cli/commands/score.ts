import { Command, Option } from 'commander';
import { loadAssessment } from '../../load/answers.js';
import { loadResult } from '../../load/result.js';
import { fileDiagnostic } from '../../load/diagnostics.js';
import { scoreAssessment } from '../../core/score.js';
import { modelMismatch, withBaseline } from '../../core/compare.js';
import { evaluateGates } from '../../core/gates.js';
import { UserError } from '../../errors.js';
import { DEFAULT_NEXT_STEPS, FORMAT_NAMES, formatters, type FormatName } from '../../report/index.js';
import { GateFailed } from '../gate-failed.js';
import { collect, gateFailureLines, gatePolicy, type GateOptions } from '../gates.js';
import { useColor, writeOutput } from '../output.js';

interface ScoreOptions extends GateOptions {
  model?: string;
  format: FormatName;
  output?: string;
  strict?: boolean;
  all?: boolean;
  color: boolean;
  baseline?: string;
  allowModelChange?: boolean;
}

export function scoreCommand(): Command {
  return new Command('score')
    .description("score an organisation's answers against a maturity model")
    .argument('<answers>', 'answers file (YAML), or - to read standard input')
    .option('-m, --model <id|path>', 'built-in model id or model file (default: the file\'s model:, else "community")')
    .addOption(new Option('-f, --format <format>', 'output format').choices(FORMAT_NAMES).default('table'))
    .option('-o, --output <file>', 'write the report to a file (atomically) instead of standard output')
    .option('--strict', 'treat unanswered indicators as errors')
    .option('--all', `list every next step, not only the first ${DEFAULT_NEXT_STEPS} per competency (html always lists every one)`)
    .option('--no-color', 'never colour the output (NO_COLOR is honoured too)')
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

Gates (--fail-under, --require, --fail-on-regression) exit 1 when they fail; the report is still written.`,
    )
    .action(async (input: string, options: ScoreOptions) => {
      if (options.failOnRegression && options.baseline === undefined) throw new UserError('--fail-on-regression needs --baseline <file>');
      const { model, assessment } = await loadAssessment(input, { model: options.model, strict: options.strict });
      const policy = gatePolicy(options, model.model);
      let report = scoreAssessment(model.model, assessment);
      if (options.baseline !== undefined) {
        const baseline = await loadResult(options.baseline, { model: options.model });
        const mismatch = modelMismatch(report, baseline.report);
        if (mismatch !== null && !options.allowModelChange) {
          throw new UserError([fileDiagnostic(baseline.file, 'model-mismatch', `${mismatch}; --allow-model-change compares the competencies both have`)]);
        }
        report = withBaseline(report, baseline.report);
      }
      const gated = options.failUnder !== undefined || (options.require ?? []).length > 0 || options.failOnRegression === true;
      if (gated) report = { ...report, gates: evaluateGates(report, policy) };

      const toTerminal = options.output === undefined || options.output === '-';
      const text = formatters[options.format](report, {
        color: toTerminal && useColor(options.color),
        nextSteps: options.all ? Infinity : DEFAULT_NEXT_STEPS,
      });
      const { unanswered, total } = report.completeness;
      if (unanswered.length > 0) {
        const sample = unanswered.slice(0, 3).join(', ') + (unanswered.length > 3 ? ', …' : '');
        process.stderr.write(`warning: ${unanswered.length} of ${total} indicators are unanswered and count as 0 (${sample}); --strict makes this an error\n`);
      }
      await writeOutput(text, options.output);
      const failures = gateFailureLines(report, report.gates ?? []);
      if (failures.length > 0) {
        process.stderr.write(`${failures.join('\n')}\n`);
        throw new GateFailed();
      }
    });
}
