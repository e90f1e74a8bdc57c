import { Command, Option } from 'commander';
import { loadAssessment } from '../../load/answers.js';
import { scoreAssessment } from '../../core/score.js';
import { DEFAULT_NEXT_STEPS, FORMAT_NAMES, formatters, type FormatName } from '../../report/index.js';
import { useColor, writeOutput } from '../output.js';

interface ScoreOptions {
  model?: string;
  format: FormatName;
  output?: string;
  strict?: boolean;
  all?: boolean;
  color: boolean;
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
    .addHelpText(
      'after',
      `
Examples:
  $ cm-maturity score examples/middle.yaml
  $ cm-maturity score answers.yaml --format json > report.json
  $ cm-maturity score answers.yaml -f markdown -o report.md
  $ cm-maturity score answers.yaml -f html -o report.html
  $ cat answers.yaml | cm-maturity score - --model ./my-model.yaml`,
    )
    .action(async (input: string, options: ScoreOptions) => {
      const { model, assessment } = await loadAssessment(input, { model: options.model, strict: options.strict });
      const report = scoreAssessment(model.model, assessment);
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
    });
}
