import { parse, TYPE, type MessageFormatElement } from '@formatjs/icu-messageformat-parser';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AREAS } from '../../src/locale/keys.js';
import { LANGUAGES } from '../../src/schema/language.js';
import { frenchTypographyProblems } from '../helpers/french.js';

const LOCALES = new URL('../../locales/', import.meta.url);

function catalogue(language: string, area: string): Record<string, string> {
  return JSON.parse(readFileSync(new URL(`${language}/${area}.json`, LOCALES), 'utf8')) as Record<string, string>;
}

/** Every placeholder of a message with its kind ("count:plural", "file:argument"), sorted. */
function placeholders(message: string): string[] {
  const found = new Set<string>();
  const walk = (elements: MessageFormatElement[]) => {
    for (const element of elements) {
      if (element.type === TYPE.argument) found.add(`${element.value}:argument`);
      else if (element.type === TYPE.number) found.add(`${element.value}:number`);
      else if (element.type === TYPE.date || element.type === TYPE.time) found.add(`${element.value}:date`);
      else if (element.type === TYPE.plural) {
        found.add(`${element.value}:plural`);
        for (const option of Object.values(element.options)) walk(option.value);
      } else if (element.type === TYPE.select) {
        found.add(`${element.value}:select`);
        for (const option of Object.values(element.options)) walk(option.value);
      }
    }
  };
  walk(parse(message, { ignoreTag: true }));
  return [...found].sort();
}

describe('message catalogues', () => {
  it('has one folder per language, with one file per area and nothing else', () => {
    for (const language of LANGUAGES) {
      expect(readdirSync(new URL(`${language}/`, LOCALES)).sort()).toEqual(AREAS.map((area) => `${area}.json`).sort());
    }
  });

  for (const area of AREAS) {
    it(`${area}: every language has exactly the English keys, each a message that parses with the same placeholders`, () => {
      const english = catalogue('en', area);
      for (const language of LANGUAGES) {
        const messages = catalogue(language, area);
        expect(Object.keys(messages).sort(), `${language}/${area}.json keys`).toEqual(Object.keys(english).sort());
        for (const [key, message] of Object.entries(messages)) {
          expect(typeof message, `${language} ${area}.${key}`).toBe('string');
          expect(message.trim(), `${language} ${area}.${key} is empty`).not.toBe('');
          expect(placeholders(message), `${language} ${area}.${key}`).toEqual(placeholders(english[key]!));
        }
      }
    });
  }
});

describe('the French catalogue', () => {
  for (const area of AREAS) {
    it(`${area}: follows French typography`, () => {
      const problems = Object.entries(catalogue('fr', area)).flatMap(([key, message]) => frenchTypographyProblems(message).map((problem) => `${area}.${key}: ${problem}`));
      expect(problems).toEqual([]);
    });
  }
});

/** Every file of a folder, recursively. */
function filesIn(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => (entry.isDirectory() ? filesIn(join(folder, entry.name)) : [join(folder, entry.name)]));
}

describe('the English catalogue', () => {
  it('has no message the sources never ask for: each key is named in full, or its group by a key built from a prefix', () => {
    const code = filesIn(join(import.meta.dirname, '../../src'))
      .filter((file) => file.endsWith('.ts'))
      .map((file) => readFileSync(file, 'utf8'))
      .join('\n');
    const prefixes = [...code.matchAll(/`((?:cli|input|report|reports|answers|team)\.[\w.-]*)\$\{/g)].map((match) => match[1]!);
    const unused = AREAS.flatMap((area) => Object.keys(catalogue('en', area)).map((key) => `${area}.${key}`)).filter((key) => !code.includes(`'${key}'`) && !prefixes.some((prefix) => key.startsWith(prefix)));
    expect(unused).toEqual([]);
  });
});
