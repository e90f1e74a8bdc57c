import { Command, CommanderError } from 'commander';
import { UserError, userErrorText } from '../errors.js';
import { terminalText } from '../report/escape/terminal.js';
import { EXIT, GateFailed, InputRejected, Interrupted } from './stop.js';
import { diagnosticLines } from './diagnostics.js';
import { VERSION } from './version.js';
import type { Io } from './io.js';
import { languageOption, localeOf, runLanguage } from './language.js';
import { speakLocale, usageError, versionDescription } from './commander-texts.js';
import type { Locale } from '../locale/locale.js';

/**
 * Every command, in the order help lists them, each loaded only when needed: a run evaluates the
 * code (and the schemas and libraries) of the command it runs, not of every command.
 */
const COMMANDS: Record<string, (io: Io, locale: Locale) => Promise<Command>> = {
  score: async (io, locale) => (await import('./commands/score.js')).scoreCommand(io, locale),
  validate: async (io, locale) => (await import('./commands/validate.js')).validateCommand(io, locale),
  models: async (io, locale) => (await import('./commands/models.js')).modelsCommand(io, locale),
  diff: async (io, locale) => (await import('./commands/diff.js')).diffCommand(io, locale),
  history: async (io, locale) => (await import('./commands/history.js')).historyCommand(io, locale),
  benchmark: async (io, locale) => (await import('./commands/benchmark.js')).benchmarkCommand(io, locale),
  init: async (io, locale) => (await import('./commands/init.js')).initCommand(io, locale),
  assess: async (io, locale) => (await import('./commands/assess.js')).assessCommand(io, locale),
  migrate: async (io, locale) => (await import('./commands/migrate.js')).migrateCommand(io, locale),
  schema: async (io, locale) => (await import('./commands/schema.js')).schemaCommand(io, locale),
  plan: async (io, locale) => (await import('./commands/plan.js')).planCommand(io, locale),
  consensus: async (io, locale) => (await import('./commands/consensus.js')).consensusCommand(io, locale),
  form: async (io, locale) => (await import('./commands/form.js')).formCommand(io, locale),
  import: async (io, locale) => (await import('./commands/import.js')).importCommand(io, locale),
};

/**
 * The commands a command line needs: the one it names, none for `--version` alone, or all of
 * them for help, a mistyped command (so that commander can suggest the right one) and no command
 * at all. Of the root options only --lang takes a value, so the first other word that is not an
 * option is the command.
 */
function commandsFor(argv: readonly string[], io: Io, locale: Locale): Promise<Command[]> {
  const words = argv.slice(2).filter((argument, index, all) => all[index - 1] !== '--lang');
  const word = words.find((argument) => !argument.startsWith('-'));
  const help = argv.includes('--help') || argv.includes('-h');
  const version = argv.includes('--version') || argv.includes('-V');
  const names = help ? Object.keys(COMMANDS) : word !== undefined && Object.hasOwn(COMMANDS, word) ? [word] : word === undefined && version ? [] : Object.keys(COMMANDS);
  return Promise.all(names.map((name) => COMMANDS[name]!(io, locale)));
}


function program(commands: readonly Command[], io: Io, locale: Locale, usage: { error?: string }): Command {
  const root = new Command('cm-maturity')
    .description(locale.t('cli.program.description'))
    .version(VERSION, '-V, --version', versionDescription(locale))
    .option('--debug', locale.t('cli.program.option.debug'))
    .addOption(languageOption(locale))
    .showSuggestionAfterError()
    .addHelpText('after', `\n${locale.t('cli.program.examples', { examples: PROGRAM_EXAMPLES })}`);
  for (const command of commands) root.addCommand(command.addOption(languageOption(locale)));
  // Usage errors must exit 2, not commander's 1 (which is reserved for failed gates).
  // Its messages are kept until its error says which one it is, to be said in the run's language.
  const exitOverride = (command: Command) => {
    command.exitOverride();
    speakLocale(command, locale, command === root);
    command.configureOutput({
      outputError: (text) => void (usage.error = text),
      // Help and --version, written as reports are; a reader gone away is not a failure.
      writeOut: (text) => void io.stdout.write(text),
      writeErr: (text) => void io.stderr.write(text),
    });
    command.commands.forEach(exitOverride);
  };
  exitOverride(root);
  return root;
}

/** The program's examples in its help: command lines, the same in every language. */
const PROGRAM_EXAMPLES = [
  'score examples/middle.yaml',
  'score answers.yaml --format json -o report.json',
  'score assessments/ --format csv -o portfolio.csv',
  'validate models/community@2.0.yaml examples/*.yaml',
  'models',
  'score answers.yaml --fail-under community --baseline last.json --fail-on-regression',
  'diff old.yaml answers.yaml',
  'history --git answers.yaml',
  'benchmark assessments/ --org acme.yaml',
  'init -o answers.yaml',
  'assess -o answers.yaml',
  'migrate answers.yaml -o answers.yaml --force',
  'schema answers -o answers.schema.json',
  'consensus responses/ -o team.yaml',
  'import responses.csv -o responses/ --organisation "Acme Corp"',
]
  .map((line) => `  $ cm-maturity ${line}`)
  .join('\n');

/** Runs a command line (`argv` as process.argv has it) and returns its exit code. */
export async function run(argv: string[], io: Io): Promise<number> {
  const debug = argv.includes('--debug');
  const locale = localeOf(runLanguage(argv, io.env));
  const usage: { error?: string } = {};
  try {
    await program(await commandsFor(argv, io, locale), io, locale, usage).parseAsync(argv);
    return EXIT.ok;
  } catch (error) {
    if (error instanceof GateFailed) return EXIT.gateFailed;
    if (error instanceof Interrupted) return EXIT.interrupted;
    if (error instanceof InputRejected) return EXIT.badInput;
    if (error instanceof CommanderError) {
      // Commander has printed the help already, or kept its message to be said here. Its messages
      // may quote an argument: each of their lines is made inert for the terminal.
      if (usage.error !== undefined) {
        const text = usageError(locale, error, usage.error);
        await io.stderr.write(`cm-maturity: ${text.split('\n').map(terminalText).join('\n')}`);
      }
      return error.exitCode === 0 ? EXIT.ok : EXIT.badInput;
    }
    if (error instanceof UserError) {
      const lines = error.diagnostics.length > 0 ? diagnosticLines(locale, error.diagnostics) : [`cm-maturity: ${locale.t('cli.run.error', { message: terminalText(userErrorText(error, locale)) })}`];
      await io.stderr.write(`${lines.join('\n')}\n`);
      return EXIT.badInput;
    }
    const message = error instanceof Error ? error.message : String(error);
    await io.stderr.write(`cm-maturity: ${locale.t(debug ? 'cli.run.internalError' : 'cli.run.internalErrorHint', { message: terminalText(message) })}\n`);
    if (debug && error instanceof Error && error.stack) await io.stderr.write(`${error.stack.split('\n').map(terminalText).join('\n')}\n`);
    return EXIT.internal;
  }
}
