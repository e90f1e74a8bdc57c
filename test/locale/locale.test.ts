import fc from 'fast-check';
import { IntlMessageFormat } from 'intl-messageformat';
import { describe, expect, it } from 'vitest';
import { environmentLanguage, reportLanguage, runLanguage } from '../../src/cli/language.js';
import { createLocale, type CatalogueReader } from '../../src/locale/locale.js';
import { runInProcess } from '../helpers/in-process.js';

/** A catalogue in memory, the same messages under every area. */
function reader(messages: Record<string, Record<string, string>>): CatalogueReader {
  return (language) => messages[language] ?? {};
}

const messages = {
  en: { files: '{count, plural, one {# file} other {# files}} in {folder}', plain: "An organisation's report", quoted: "It''s '{'literal'}'" },
  fr: { files: '{count, plural, one {# fichier} other {# fichiers}} dans {folder}', plain: 'Le rapport d’une organisation', quoted: "C''est '{'littéral'}'" },
};

describe('a locale', () => {
  const en = createLocale('en', reader(messages));
  const fr = createLocale('fr', reader(messages));

  it('fills placeholders and chooses plurals by the language’s rules, counts ungrouped in English and grouped in French', () => {
    expect(en.t('cli.files' as never, { count: 1, folder: 'a/' })).toBe('1 file in a/');
    expect(en.t('cli.files' as never, { count: 12345, folder: 'a/' })).toBe('12345 files in a/');
    expect(fr.t('cli.files' as never, { count: 0, folder: 'a/' })).toBe('0 fichier dans a/');
    expect(fr.t('cli.files' as never, { count: 1, folder: 'a/' })).toBe('1 fichier dans a/');
    expect(fr.t('cli.files' as never, { count: 12345, folder: 'a/' })).toBe('12\u202f345 fichiers dans a/');
  });

  it('gives a message without placeholders as it is written, and follows ICU quoting in the others', () => {
    expect(en.t('cli.plain' as never)).toBe("An organisation's report");
    expect(en.t('cli.quoted' as never)).toBe("It's {literal}");
    expect(fr.t('cli.quoted' as never)).toBe("C'est {littéral}");
  });

  it('reads each area of a catalogue once, when a message of it is first needed', () => {
    const reads: string[] = [];
    const locale = createLocale('fr', (language, area) => (reads.push(`${language}/${area}`), messages.fr));
    expect(reads).toEqual([]);
    locale.t('report.plain' as never);
    locale.t('report.files' as never, { count: 2, folder: 'x' });
    locale.t('cli.plain' as never);
    expect(reads).toEqual(['fr/report', 'fr/cli']);
  });

  it('fills simple messages without the formatter exactly as the formatter does', () => {
    const cases: [string, Record<string, string | number>][] = [
      ["the answers file's {key}, else {other}", { key: 'language:', other: 'the locale' }],
      ['{count} of {total} answered', { count: 0, total: 999 }],
      ['{count} of {total} answered', { count: 12345, total: -3 }],
      ["l’organisation {name} n'a pas {n} réponses", { name: 'Acme', n: 1000 }],
      ["quoted '{'x'}' and {y}", { y: 'z' }],
    ];
    for (const language of ['en', 'fr'] as const) {
      for (const [message, values] of cases) {
        const locale = createLocale(language, () => ({ message }));
        const grouping = language === 'fr';
        const expected = new IntlMessageFormat(message, language, undefined, {
          ignoreTag: true,
          formatters: {
            getNumberFormat: (locales, options) => new Intl.NumberFormat(locales, { useGrouping: grouping, ...options }),
            getDateTimeFormat: (...args) => new Intl.DateTimeFormat(...args),
            getPluralRules: (...args) => new Intl.PluralRules(...args),
          },
        }).format(values);
        expect(locale.t('cli.message' as never, values), `${language}: ${message}`).toBe(expected);
      }
    }
  });

  it('formats plurals exactly as the message formatter does, counts written as Intl writes them', () => {
    const messages = [
      '{count, plural, one {# file} other {# files}} in {folder}',
      '{count, plural, =0 {no answer} one {one answer} other {# answers}}',
      '{count, plural, one {# fichier} other {# fichiers}} et {other, plural, one {# réponse} other {# réponses}}',
    ];
    const formatterOutput = (message: string, language: 'en' | 'fr', values: Record<string, string | number>) =>
      new IntlMessageFormat(message, language, undefined, {
        ignoreTag: true,
        formatters: {
          getNumberFormat: (locales, options) => new Intl.NumberFormat(locales, { useGrouping: language === 'fr', ...options }),
          getDateTimeFormat: (...args) => new Intl.DateTimeFormat(...args),
          getPluralRules: (...args) => new Intl.PluralRules(...args),
        },
      }).format(values);
    fc.assert(
      fc.property(
        fc.constantFrom(...messages),
        fc.constantFrom('en' as const, 'fr' as const),
        fc.oneof(fc.nat(2000), fc.nat(), fc.maxSafeNat()),
        fc.nat(100_000),
        (message, language, count, other) => {
          const values = { count, other, folder: 'responses/' };
          const locale = createLocale(language, () => ({ message }));
          expect(locale.t('cli.message' as never, values)).toBe(formatterOutput(message, language, values));
        },
      ),
    );
    // A count that is not a whole number of 0 or more is still written by Intl.
    for (const count of [-1234, 2.5, 1234.75]) {
      for (const language of ['en', 'fr'] as const) {
        const locale = createLocale(language, () => ({ message: messages[0]! }));
        expect(locale.t('cli.message' as never, { count, folder: 'x' })).toBe(formatterOutput(messages[0]!, language, { count, folder: 'x' }));
      }
    }
  });

  it('says which key is missing rather than printing nothing', () => {
    expect(() => en.t('cli.absent' as never)).toThrow('the en catalogue has no message cli.absent');
  });

  it('writes scores truncated, never rounded, with the language’s decimal sign', () => {
    expect(en.score(2.989)).toBe('2.98');
    expect(fr.score(2.989)).toBe('2,98');
    expect(fr.score(4)).toBe('4,00');
    expect(fr.decimal('+0.25')).toBe('+0,25');
    expect(en.decimal('+0.25')).toBe('+0.25');
  });

  it('writes percentages truncated, with a narrow no-break space before % in French', () => {
    expect(en.percent(0.999)).toBe('99%');
    expect(fr.percent(0.999)).toBe('99\u202f%');
    expect(fr.percent(0.29)).toBe('29\u202f%');
  });

  it('writes dates as ISO in English and in words in French, the first of the month as an ordinal', () => {
    expect(en.date('2026-11-29')).toBe('2026-11-29');
    expect(fr.date('2026-11-29')).toBe('29\u00a0novembre\u00a02026');
    expect(fr.date('2026-05-01')).toBe('1er\u00a0mai\u00a02026');
    expect(fr.date('2027-08-09')).toBe('9\u00a0août\u00a02027');
  });
});

describe('the language of a run', () => {
  it('follows POSIX: LC_ALL, else LC_MESSAGES, else LANG, an empty one unset', () => {
    expect(environmentLanguage({ LANG: 'fr_FR.UTF-8' })).toBe('fr');
    expect(environmentLanguage({ LANG: 'fr_FR.UTF-8', LC_MESSAGES: 'en_GB.UTF-8' })).toBe('en');
    expect(environmentLanguage({ LANG: 'en_US.UTF-8', LC_MESSAGES: 'fr_CA', LC_ALL: '' })).toBe('fr');
    expect(environmentLanguage({ LC_ALL: 'fr_BE@euro', LANG: 'en_US' })).toBe('fr');
    expect(environmentLanguage({ LANG: 'fr' })).toBe('fr');
  });

  it('is English for C and POSIX, and nothing for a language the tool does not speak or no locale at all', () => {
    expect(environmentLanguage({ LANG: 'C.UTF-8' })).toBeUndefined();
    expect(environmentLanguage({ LC_ALL: 'POSIX', LANG: 'fr_FR' })).toBeUndefined();
    expect(environmentLanguage({ LANG: 'de_DE.UTF-8' })).toBeUndefined();
    expect(environmentLanguage({})).toBeUndefined();
  });

  it('takes --lang first (the last one given, never after --), then the environment, then English', () => {
    const argv = (...args: string[]) => ['node', 'cm-maturity', ...args];
    expect(runLanguage(argv('score', 'a.yaml', '--lang', 'fr'), { LANG: 'en_US' })).toBe('fr');
    expect(runLanguage(argv('--lang=en', 'score', '--lang=fr'), {})).toBe('fr');
    expect(runLanguage(argv('score', '--lang', 'en'), { LANG: 'fr_FR' })).toBe('en');
    expect(runLanguage(argv('score', '--', '--lang', 'fr'), {})).toBe('en');
    expect(runLanguage(argv('score'), { LANG: 'fr_FR.UTF-8' })).toBe('fr');
    expect(runLanguage(argv('score', '--lang', 'de'), { LANG: 'fr_FR.UTF-8' })).toBe('fr');
    expect(runLanguage(argv('score'), {})).toBe('en');
  });

  it('of a report: --lang, else the answers file’s language:, else the run’s', () => {
    expect(reportLanguage('en', 'fr', 'fr')).toBe('en');
    expect(reportLanguage(undefined, 'fr', 'en')).toBe('fr');
    expect(reportLanguage(undefined, null, 'fr')).toBe('fr');
    expect(reportLanguage(undefined, undefined, 'en')).toBe('en');
  });

  it('refuses a language it does not speak as a usage error that lists the ones it does', async () => {
    const result = await runInProcess(['score', 'examples/middle.yaml', '--lang', 'de']);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain("'de'");
    expect(result.stderr).toContain('en, fr');
  });
});
