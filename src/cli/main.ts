import { Command, CommanderError } from 'commander';
import { UserError } from '../errors.js';
import { assessCommand } from './commands/assess.js';
import { benchmarkCommand } from './commands/benchmark.js';
import { diffCommand } from './commands/diff.js';
import { historyCommand } from './commands/history.js';
import { initCommand } from './commands/init.js';
import { modelsCommand } from './commands/models.js';
import { schemaCommand } from './commands/schema.js';
import { scoreCommand } from './commands/score.js';
import { validateCommand } from './commands/validate.js';
import { GateFailed } from './gate-failed.js';
import { diagnosticLines } from './diagnostics.js';
import { VERSION } from './version.js';

/** Exit codes, the same for every command. */
export const EXIT = { ok: 0, gateFailed: 1, badInput: 2, internal: 3 } as const;

function program(): Command {
  const root = new Command('cm-maturity')
    .description('Tells an organisation how mature its community management is, competency by competency, and what to do next.')
    .version(VERSION, '-V, --version')
    .option('--debug', 'show the stack trace of an internal failure')
    .showSuggestionAfterError()
    .addHelpText(
      'after',
      `
Examples:
  $ cm-maturity score examples/middle.yaml
  $ cm-maturity score answers.yaml --format json -o report.json
  $ cm-maturity score assessments/ --format csv -o portfolio.csv
  $ cm-maturity validate models/community.yaml examples/*.yaml
  $ cm-maturity models
  $ cm-maturity score answers.yaml --fail-under community --baseline last.json --fail-on-regression
  $ cm-maturity diff old.yaml answers.yaml
  $ cm-maturity history --git answers.yaml
  $ cm-maturity benchmark assessments/ --org acme.yaml
  $ cm-maturity init -o answers.yaml
  $ cm-maturity assess -o answers.yaml
  $ cm-maturity schema answers -o answers.schema.json

Exit codes: 0 ok, 1 a gate failed, 2 invalid input or usage, 3 internal failure.`,
    );
  const commands = [scoreCommand(), validateCommand(), modelsCommand(), diffCommand(), historyCommand(), benchmarkCommand(), initCommand(), assessCommand(), schemaCommand()];
  for (const command of commands) root.addCommand(command);
  // Usage errors must exit 2, not commander's 1 (which is reserved for failed gates).
  // Its messages get the prefix every other error of the tool has.
  const exitOverride = (command: Command) => {
    command.exitOverride();
    command.configureOutput({ outputError: (text, write) => write(`cm-maturity: ${text}`) });
    command.commands.forEach(exitOverride);
  };
  exitOverride(root);
  return root;
}

async function main(argv: string[]): Promise<number> {
  const debug = argv.includes('--debug');
  try {
    await program().parseAsync(argv);
    // A command may end with a status of its own (assess after Ctrl-C).
    return typeof process.exitCode === 'number' ? process.exitCode : EXIT.ok;
  } catch (error) {
    if (error instanceof GateFailed) return EXIT.gateFailed;
    if (error instanceof CommanderError) {
      // Commander has printed the message (or the help) already.
      return error.exitCode === 0 ? EXIT.ok : EXIT.badInput;
    }
    if (error instanceof UserError) {
      const lines = error.diagnostics.length > 0 ? diagnosticLines(error.diagnostics) : [`cm-maturity: error: ${error.message}`];
      process.stderr.write(`${lines.join('\n')}\n`);
      return EXIT.badInput;
    }
    const message = error instanceof Error ? error.message : String(error);
    process.stderr.write(`cm-maturity: internal error: ${message}${debug ? '' : ' (run with --debug for details)'}\n`);
    if (debug && error instanceof Error && error.stack) process.stderr.write(`${error.stack}\n`);
    return EXIT.internal;
  }
}

// A reader that went away (`cm-maturity --help | head`) is not a failure, and an unheard 'error'
// event would crash with a stack trace; a report that cannot be written fails in writeOutput.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code !== 'EPIPE') process.exitCode = EXIT.internal;
});

process.exitCode = await main(process.argv);
