// Commander's own words in the run's language: the titles of help sections ("Usage:", "Options:"),
// the descriptions of --help, --version and the help command, the "(choices: …)" and "(default: …)"
// after an option's help, and its usage errors. Titles and descriptions go through commander's
// hooks (configureHelp, helpOption, helpCommand, version); commander writes its errors in English
// only, so each is read back by its CommanderError code and said again from the catalogue with the
// same values. A message that matches none of the shapes below is kept as commander wrote it.
import { Help, type Argument, type Command, type CommanderError, type Option } from 'commander';
import type { Locale } from '../locale/locale.js';
import type { MessageKey } from '../locale/keys.js';

/** The section titles commander writes, and the message that says each. */
const TITLES: Readonly<Record<string, MessageKey>> = {
  'Usage:': 'cli.commander.title.usage',
  'Arguments:': 'cli.commander.title.arguments',
  'Options:': 'cli.commander.title.options',
  'Global Options:': 'cli.commander.title.globalOptions',
  'Commands:': 'cli.commander.title.commands',
};

/**
 * Commander wraps help at any white space, no-break spaces included: while it wraps, they stand in
 * as characters of the private use area, one column wide as they are, so that French typography
 * never leaves a colon or a guillemet alone at the start of a line.
 */
const NO_BREAK = /[\u00a0\u202f]/g;
const KEPT: Readonly<Record<string, string>> = { '\u00a0': '\ue000', '\u202f': '\ue001' };
const KEPT_BACK = /[\ue000\ue001]/g;
const BACK: Readonly<Record<string, string>> = { '\ue000': '\u00a0', '\ue001': '\u202f' };

/** The words between < > and [ ] of usage lines: commander's own, and the names of the commands' arguments. */
const TERMS = ['options', 'command', 'answers', 'more', 'old', 'new', 'export', 'file', 'kind'] as const;
type Term = (typeof TERMS)[number];

function isTerm(word: string): word is Term {
  return (TERMS as readonly string[]).includes(word);
}

/** An argument's name or a usage word in the run's language; any other word as it is. */
function term(locale: Locale, word: string): string {
  return isTerm(word) ? locale.t(`cli.commander.term.${word}`) : word;
}

/** The bracketed words of a usage line or an argument's term (`[options] <answers> [more...]`), each said in the run's language. */
function termsSaid(locale: Locale, text: string): string {
  return text.replace(/([<[])([a-z]+)((?:\.\.\.)?[>\]])/g, (_all, open: string, word: string, close: string) => `${open}${term(locale, word)}${close}`);
}

/** "(choices: "a", "b", default: "c")" after an option's or argument's description, as commander words it. */
function withExtras(locale: Locale, description: string, item: { argChoices?: string[]; defaultValue?: unknown; defaultValueDescription?: string }, showDefault: boolean): string {
  const extras: string[] = [];
  if (item.argChoices) extras.push(locale.t('cli.commander.choices', { choices: item.argChoices.map((choice) => JSON.stringify(choice)).join(', ') }));
  if (item.defaultValue !== undefined && showDefault) {
    extras.push(locale.t('cli.commander.default', { value: item.defaultValueDescription ?? JSON.stringify(item.defaultValue) }));
  }
  if (extras.length === 0) return description;
  const extra = `(${extras.join(', ')})`;
  return description ? `${description} ${extra}` : extra;
}

/**
 * Makes a command's help speak the locale: its section titles, the help option's description and,
 * on the program, the help command's. Applied to every command, as commander does not pass help
 * settings on to commands added with addCommand.
 */
export function speakLocale(command: Command, locale: Locale, root: boolean): Command {
  command.helpOption('-h, --help', locale.t('cli.commander.helpOption'));
  if (root) command.helpCommand('help [command]', locale.t('cli.commander.helpCommand'));
  command.configureHelp({
    boxWrap(this: Help, text: string, width: number) {
      return Help.prototype.boxWrap.call(this, text.replace(NO_BREAK, (space) => KEPT[space]!), width).replace(KEPT_BACK, (mark) => BACK[mark]!);
    },
    styleTitle: (title: string) => (Object.hasOwn(TITLES, title) ? locale.t(TITLES[title]!) : title),
    commandUsage(this: Help, usageOf: Command) {
      return termsSaid(locale, Help.prototype.commandUsage.call(this, usageOf));
    },
    subcommandTerm(this: Help, subcommand: Command) {
      return termsSaid(locale, Help.prototype.subcommandTerm.call(this, subcommand));
    },
    argumentTerm(this: Help, argument: Argument) {
      return term(locale, Help.prototype.argumentTerm.call(this, argument));
    },
    optionDescription: (option: Option) =>
      withExtras(locale, option.description, option, option.required || option.optional || (option.isBoolean() && typeof option.defaultValue === 'boolean')),
    argumentDescription: (argument: Argument) => withExtras(locale, argument.description, argument, true),
  } satisfies Partial<Help>);
  return command;
}

/** A help's examples: the title, then one command line a line, the same in every language. */
export function examplesText(locale: Locale, commandLines: readonly string[]): string {
  return `${locale.t('cli.examples')}\n${commandLines.map((line) => `  $ ${line}`).join('\n')}`;
}

/** The description of --version. */
export function versionDescription(locale: Locale): string {
  return locale.t('cli.commander.version');
}

/** Commander's "\n(Did you mean …?)" after an unknown option or command, said again. */
function suggestion(locale: Locale, text: string): string | undefined {
  if (text === '') return '';
  const one = /^\n\(Did you mean one of (.+)\?\)$/.exec(text);
  if (one) return `\n${locale.t('cli.commander.didYouMeanOneOf', { names: one[1]! })}`;
  const single = /^\n\(Did you mean (.+)\?\)$/.exec(text);
  return single ? `\n${locale.t('cli.commander.didYouMean', { name: single[1]! })}` : undefined;
}

/** Why a value was refused: commander's "Allowed choices are …." said again; the tool's own reasons are already in the locale. */
function reason(locale: Locale, text: string): string {
  const choices = /^Allowed choices are (.*)\.$/.exec(text);
  return choices ? locale.t('cli.commander.allowedChoices', { choices: choices[1]! }) : text;
}

/**
 * A usage error of commander (`error.message` as it wrote it, by `error.code`) in the locale, or
 * undefined when its shape is not one of those known: the caller then keeps commander's text.
 */
function usageErrorText(locale: Locale, code: string, message: string): string | undefined {
  let match: RegExpExecArray | null;
  switch (code) {
    case 'commander.unknownOption':
    case 'commander.unknownCommand': {
      match = /^error: unknown (option|command) '([^\n]*)'(\n[\s\S]*)?$/.exec(message);
      if (!match) return undefined;
      const suggested = suggestion(locale, match[3] ?? '');
      if (suggested === undefined) return undefined;
      const key = match[1] === 'option' ? 'cli.commander.error.unknownOption' : 'cli.commander.error.unknownCommand';
      return locale.t(key, { name: match[2]! }) + suggested;
    }
    case 'commander.missingArgument':
      match = /^error: missing required argument '(.*)'$/.exec(message);
      return match ? locale.t('cli.commander.error.missingArgument', { name: term(locale, match[1]!) }) : undefined;
    case 'commander.optionMissingArgument':
      match = /^error: option '(.*)' argument missing$/.exec(message);
      return match ? locale.t('cli.commander.error.optionMissingArgument', { option: match[1]! }) : undefined;
    case 'commander.missingMandatoryOptionValue':
      match = /^error: required option '(.*)' not specified$/.exec(message);
      return match ? locale.t('cli.commander.error.missingMandatoryOption', { option: match[1]! }) : undefined;
    case 'commander.conflictingOption':
      match = /^error: option '(.*)' cannot be used with option '(.*)'$/.exec(message);
      return match ? locale.t('cli.commander.error.conflictingOption', { option: match[1]!, other: match[2]! }) : undefined;
    case 'commander.excessArguments':
      match = /^error: too many arguments(?: for '(.*)')?\. Expected (\d+) arguments? but got (\d+)\.$/.exec(message);
      if (!match) return undefined;
      return match[1] === undefined
        ? locale.t('cli.commander.error.excessArguments', { expected: Number(match[2]), received: Number(match[3]) })
        : locale.t('cli.commander.error.excessArgumentsFor', { command: match[1], expected: Number(match[2]), received: Number(match[3]) });
    case 'commander.invalidArgument':
      match = /^error: option '(.*?)' argument '([\s\S]*)' is invalid\. ([\s\S]*)$/.exec(message);
      if (match) return locale.t('cli.commander.error.invalidOptionValue', { option: match[1]!, value: match[2]!, reason: reason(locale, match[3]!) });
      match = /^error: command-argument value '([\s\S]*)' is invalid for argument '(.*?)'\. ([\s\S]*)$/.exec(message);
      return match ? locale.t('cli.commander.error.invalidArgumentValue', { argument: term(locale, match[2]!), value: match[1]!, reason: reason(locale, match[3]!) }) : undefined;
    default:
      return undefined;
  }
}

/** What to print for a usage error commander reported, ending with a line break as commander's text does. */
export function usageError(locale: Locale, error: CommanderError, written: string): string {
  const text = usageErrorText(locale, error.code, error.message);
  return text === undefined ? written : `${text}\n`;
}
