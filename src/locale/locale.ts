import { parse, type MessageFormatElement } from '@formatjs/icu-messageformat-parser';
import { formatToParts, IntlMessageFormat, type Formatters } from 'intl-messageformat';
import { formatScore } from '../core/truncate.js';
import type { Language } from '../schema/language.js';
import type { Area, Catalogue, MessageKey } from './keys.js';

/** Reads one area's catalogue of a language (`locales/<language>/<area>.json`): the shell's job. */
export type CatalogueReader = (language: Language, area: Area) => Catalogue;

/** What a message's placeholders are given: text as it is, counts for plurals. */
type MessageValues = Readonly<Record<string, string | number>>;

/**
 * Everything a command or a report says in one language: the catalogue's messages, and numbers,
 * percentages and dates written as that language writes them. Plain data and functions: a
 * formatter given a locale stays a pure function of its input.
 */
export interface Locale {
  readonly language: Language;
  /** The message `key` of this language's catalogue, its placeholders filled in from `values`. */
  t(key: MessageKey, values?: MessageValues): string;
  /** A score truncated to two decimals: "2.98" in English, "2,98" in French. */
  score(value: number): string;
  /** A decimal already written with a point ("+0.25"), with this language's decimal sign. */
  decimal(text: string): string;
  /** A whole number of percent, given as a fraction and truncated: "45%" in English, "45 %" in French. */
  percent(fraction: number): string;
  /** A calendar date (`2026-11-29`): as it is in English, "29 novembre 2026" in French. */
  date(isoDate: string): string;
}

/**
 * A message with no placeholder, no plural and no quoting is its own text: no need to parse it.
 * An apostrophe quotes only before `{`, `}`, `#`, `|` or another apostrophe; elsewhere (an
 * organisation's report) it is itself, as ICU MessageFormat reads it.
 */
const PLAIN = /^(?:[^{}'#]|'(?![{}'#|]))*$/;

/** French typography: a narrow no-break space before a percent sign, as the Imprimerie nationale sets it. */
const NARROW_NO_BREAK_SPACE = '\u202f';

const WRITING: Record<Language, { decimal: string; percent: (whole: number) => string; date: (isoDate: string) => string; grouping: boolean }> = {
  // English keeps the ISO dates and ungrouped counts its reports have always had.
  en: { decimal: '.', percent: (whole) => `${whole}%`, date: (isoDate) => isoDate, grouping: false },
  fr: {
    decimal: ',',
    percent: (whole) => `${whole}${NARROW_NO_BREAK_SPACE}%`,
    date: frenchDate,
    grouping: true,
  },
};

export function createLocale(language: Language, read: CatalogueReader): Locale {
  const catalogues = new Map<Area, Catalogue>();
  const parsed = new Map<string, MessageFormatElement[]>();
  const writing = WRITING[language];
  const formatters = messageFormatters(writing.grouping);

  function message(key: MessageKey): string {
    const dot = key.indexOf('.');
    const area = key.slice(0, dot) as Area;
    let catalogue = catalogues.get(area);
    if (!catalogue) catalogues.set(area, (catalogue = read(language, area)));
    const text = catalogue[key.slice(dot + 1)];
    if (text === undefined) throw new Error(`the ${language} catalogue has no message ${key}`);
    return text;
  }

  return {
    language,
    t(key, values) {
      const text = message(key);
      if (PLAIN.test(text)) return text;
      const filled = simplyFilled(text, values);
      if (filled !== undefined) return filled;
      let elements = parsed.get(key);
      if (!elements) parsed.set(key, (elements = parse(text, { ignoreTag: true })));
      // The formatter's own function, without its class: constructing the class resolves the
      // language through Intl.NumberFormat, whose first use sets up all of ICU's number data.
      const parts = formatToParts(elements, language, formatters, IntlMessageFormat.formats, values as Record<string, string | number> | undefined, undefined, text);
      return parts.map((part) => String(part.value)).join('');
    },
    score: (value) => formatScore(value).replace('.', writing.decimal),
    decimal: (text) => text.replace('.', writing.decimal),
    percent: (fraction) => writing.percent(Math.floor(fraction * 100 + 1e-9)),
    date: (isoDate) => writing.date(isoDate),
  };
}

/**
 * The number, date and plural formatters of a language's messages. Counts (`#` in a plural) are
 * whole numbers, written here as Intl.NumberFormat writes them: digits, grouped by three with a
 * narrow no-break space where the language groups them (French); any other number, or a number
 * with options, goes to Intl.NumberFormat. A run that says "3 files" then never sets up ICU's
 * number data, the slowest step of a short run; the plural rules it needs are cheap.
 */
function messageFormatters(grouping: boolean): Formatters {
  const numberFormats = new Map<string, Intl.NumberFormat>();
  const intlFormat = (locales: string | string[] | undefined, options?: Intl.NumberFormatOptions): Intl.NumberFormat => {
    const key = JSON.stringify([locales, options ?? {}]);
    let format = numberFormats.get(key);
    // Counts in English are written as they always were (1234, not 1,234); French groups digits.
    if (!format) numberFormats.set(key, (format = new Intl.NumberFormat(locales, { useGrouping: grouping, ...options })));
    return format;
  };
  return {
    getNumberFormat: (locales, options) => {
      if (options !== undefined) return intlFormat(locales, options);
      // The message formatter only calls format() on what this returns.
      const counts: Pick<Intl.NumberFormat, 'format'> = {
        format: (value) => (typeof value === 'number' && Number.isSafeInteger(value) && value >= 0 ? wholeNumberText(value, grouping) : intlFormat(locales).format(value)),
      };
      return counts as Intl.NumberFormat;
    },
    getDateTimeFormat: (...args) => new Intl.DateTimeFormat(...args),
    getPluralRules: (...args) => new Intl.PluralRules(...args),
  };
}

/** A whole number of 0 or more in digits, grouped by three with a narrow no-break space when `grouping`. */
function wholeNumberText(value: number, grouping: boolean): string {
  const digits = String(value);
  return grouping ? digits.replace(/\B(?=(?:\d{3})+$)/g, NARROW_NO_BREAK_SPACE) : digits;
}

/** A message whose only syntax is `{name}` arguments: no plural, select, format, `#` or quote. */
const SIMPLE = /^(?:[^{}'#]|'(?![{}'#|])|\{\w+\})*$/;

/**
 * A message made only of text and `{name}` arguments, filled in as ICU would: text values as they
 * are, and whole numbers from 0 to 999, which every language writes with the same digits. Anything
 * else is undefined and goes through the message formatter, whose first use in a process sets up
 * the locale data of `Intl`: a run that says only simple messages never pays for it.
 */
function simplyFilled(text: string, values: MessageValues | undefined): string | undefined {
  if (!SIMPLE.test(text)) return undefined;
  let simple = true;
  const filled = text.replace(/\{(\w+)\}/g, (_argument, name: string) => {
    const value = values?.[name];
    if (typeof value === 'string') return value;
    if (typeof value === 'number' && Number.isInteger(value) && value >= 0 && value < 1000) return String(value);
    simple = false;
    return '';
  });
  return simple ? filled : undefined;
}

const FRENCH_MONTHS = ['janvier', 'février', 'mars', 'avril', 'mai', 'juin', 'juillet', 'août', 'septembre', 'octobre', 'novembre', 'décembre'];

/** "1er mai 2026", "29 novembre 2026": the first of the month is an ordinal in French. */
function frenchDate(isoDate: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(isoDate);
  if (!match) return isoDate;
  const day = Number(match[3]);
  return `${day === 1 ? '1er' : day}\u00a0${FRENCH_MONTHS[Number(match[2]) - 1]}\u00a0${match[1]}`;
}
