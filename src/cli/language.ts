import { Option, type Command } from 'commander';
import { createLocale, type Locale } from '../locale/locale.js';
import { readCatalogue } from '../read/catalogue.js';
import { DEFAULT_LANGUAGE, isLanguage, LANGUAGES, type Language } from '../schema/language.js';

/**
 * The language of the environment, as POSIX orders the variables that choose the language of
 * messages: `LC_ALL`, else `LC_MESSAGES`, else `LANG` (an empty one counts as unset). Its first
 * part names the language (`fr_FR.UTF-8`, `fr_CA`, `fr`); `C`, `POSIX` and the languages the tool
 * does not speak are English.
 */
export function environmentLanguage(env: NodeJS.ProcessEnv): Language | undefined {
  const name = [env.LC_ALL, env.LC_MESSAGES, env.LANG].find((value) => value !== undefined && value !== '');
  if (name === undefined) return undefined;
  const code = name.replace(/[-_.@].*$/, '').toLowerCase();
  return isLanguage(code) ? code : undefined;
}

/**
 * `--lang` as the command line gives it (the last one wins, as commander reads options), found
 * before commander parses it, so that help and usage errors already speak it. Nothing after `--`.
 */
function languageArgument(argv: readonly string[]): string | undefined {
  let found: string | undefined;
  for (let index = 2; index < argv.length; index++) {
    const argument = argv[index]!;
    if (argument === '--') break;
    if (argument === '--lang') found = argv[index + 1];
    else if (argument.startsWith('--lang=')) found = argument.slice('--lang='.length);
  }
  return found;
}

/**
 * The language a run speaks before it reads any file (help, usage errors, errors in files):
 * `--lang` when it names a language the tool speaks (commander reports any other), else the
 * environment's, else English.
 */
export function runLanguage(argv: readonly string[], env: NodeJS.ProcessEnv): Language {
  const argument = languageArgument(argv);
  if (argument !== undefined && isLanguage(argument)) return argument;
  return environmentLanguage(env) ?? DEFAULT_LANGUAGE;
}

// Stated beside the languages, so that the pipeline's worker threads need nothing of the CLI.
export { reportLanguage } from '../schema/language.js';

/** The messages and number writing of a language, its catalogue read from the package as messages are needed. */
export function localeOf(language: Language): Locale {
  return createLocale(language, readCatalogue);
}

/** `--lang <code>`, alike on every command: the choices are the languages the tool speaks. */
export function languageOption(locale: Locale): Option {
  return new Option('--lang <code>', locale.t('cli.option.lang')).choices(LANGUAGES);
}

/**
 * A command's options with `--lang` as the command line gives it, before or after the command's
 * name: the root program knows the option too, so commander gives it to the root when it follows
 * the command. Undefined when not given: the language of each report is then its answers file's.
 */
export function withLanguageOption<Options extends object>(options: Options, command: Command): Options & { lang?: Language } {
  const { lang } = command.optsWithGlobals<{ lang?: Language }>();
  return lang === undefined ? options : { ...options, lang };
}
