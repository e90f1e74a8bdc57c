import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { frenchTypographyProblems } from '../helpers/french.js';
import { runInProcess } from '../helpers/in-process.js';
import { localeOf } from '../../src/cli/language.js';
import { gateFailureText } from '../../src/core/gates.js';
import type { CliResult } from '../helpers/cli.js';

// Every class of bad input of test/errors.test.ts (its fixtures, and files made the same way),
// run in English and in French: the same lines at the same places, the same exit code, and in
// French a French message with French typography, with none of the English words of these
// messages left. The `file:line:col:` prefix and the `cm-maturity:` prefix are the same in
// every language: programs read them.

const BAD = 'test/fixtures/bad';
const BAD_MODELS = 'test/fixtures/bad-models';
const PLANS = 'test/fixtures/plan/bad';
const ANSWERS = 'examples/community@1.0/early.yaml';

const tmp = mkdtempSync(join(tmpdir(), 'cm-maturity-errors-fr-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

function generated(name: string, content: string | Buffer): string {
  const path = join(tmp, name);
  writeFileSync(path, content);
  return path;
}

const folder = join(tmp, 'a-folder');
mkdirSync(folder);

/**
 * English words of the input messages that no French message uses, and that no fixture writes as
 * an id. A French message is checked for them once what comes from the files (quoted text, paths,
 * ids with dots, options) is taken out.
 */
const FRENCH_WORDS = new Set(
  Object.values(JSON.parse(readFileSync('locales/fr/input.json', 'utf8')) as Record<string, string>).flatMap((message) => message.toLowerCase().match(/\p{L}+/gu) ?? []),
);
const ENGLISH_WORDS = [
  'the', 'is', 'are', 'not', 'must', 'unknown', 'missing', 'required', 'allowed', 'duplicate', 'expected', 'empty', 'mapping', 'found',
  'cannot', 'does', 'which', 'only', 'should', 'with', 'from', 'and', 'or', 'but', 'has', 'have', 'file', 'error', 'syntax', 'list',
  'text', 'number', 'this', 'that', 'here', 'each', 'than', 'more', 'least', 'most', 'between', 'level', 'stage', 'competency', 'mean',
  'did', 'key', 'keys', 'defined', 'line', 'quotes', 'write', 'valid', 'real', 'written', 'nothing', 'single', 'holds', 'top', 'starts',
  'closing', 'quote', 'too', 'many', 'limit', 'directory', 'such', 'contains', 'white', 'space', 'after', 'before', 'target', 'baseline',
  'second', 'per', 'out', 'range', 'unresolved', 'expansions', 'refused', 'looks', 'like', 'tags', 'allowed', 'read', 'remove',
].filter((word) => !FRENCH_WORDS.has(word));

/** A message without what the files put in it: quoted text, paths, dotted ids and options. */
function fixedText(message: string): string {
  return message
    .replace(/"(?:[^"\\]|\\.)*"/g, 'X')
    .replace(/\S*[/\\@]\S*/g, 'X')
    .replace(/--?[a-z][\w-]*/g, 'X')
    .replace(/\b[\w-]+(?:\.[\w-]+)+\b/g, 'X')
    .replace(/\[\d+\]/g, '');
}

function englishLeft(message: string): string[] {
  const text = fixedText(message).toLowerCase();
  return ENGLISH_WORDS.filter((word) => new RegExp(`(^|[^\\p{L}])${word}($|[^\\p{L}])`, 'u').test(text));
}

/** The located lines of stderr: their `file:line:col` and their message. */
function located(stderr: string): { at: string; message: string }[] {
  return stderr
    .split('\n')
    .flatMap((line) => {
      // The word before an error without a place is the run's language's; the place is the same in both.
      const match = /^(cm-maturity: (?:error|erreur\u00a0)): (.*)$/.exec(line) ?? /^(.*?:\d+:\d+): (.*)$/.exec(line);
      return match && !/^cm-maturity: (warning|avertissement)/.test(match[1]!) ? [{ at: match[1]!.replace('erreur\u00a0', 'error'), message: match[2]! }] : [];
    });
}

interface Case {
  name: string;
  args: string[];
  input?: string | Buffer;
}

async function both(testCase: Case): Promise<{ english: CliResult; french: CliResult }> {
  const english = await runInProcess(testCase.args, { input: testCase.input });
  const french = await runInProcess([...testCase.args, '--lang', 'fr'], { input: testCase.input });
  return { english, french };
}

/** The same places, the same exit code; each French message French, without the English ones' words. */
function expectFrenchContract({ english, french }: { english: CliResult; french: CliResult }, exit = 2): void {
  expect(english.code, english.stderr).toBe(exit);
  expect(french.code, french.stderr).toBe(exit);
  expect(french.stdout).toBe(english.stdout);
  const englishLines = located(english.stderr);
  const frenchLines = located(french.stderr);
  expect(frenchLines.map((line) => line.at), french.stderr).toEqual(englishLines.map((line) => line.at));
  expect(frenchLines.length).toBeGreaterThan(0);
  frenchLines.forEach((line, index) => {
    expect(line.at, french.stderr).not.toBe('');
    expect(line.message, french.stderr).not.toBe(englishLines[index]!.message);
    expect(englishLeft(line.message), line.message).toEqual([]);
    expect(frenchTypographyProblems(fixedText(line.message)), line.message).toEqual([]);
  });
}

function cases(directory: string, args: (file: string) => string[]): Case[] {
  return readdirSync(directory)
    .filter((name) => name.endsWith('.yaml'))
    .sort()
    .map((name) => ({ name, args: args(join(directory, name)) }));
}

describe('errors about input files, in French', () => {
  describe('files that are not readable YAML text', () => {
    const unreadable: Case[] = [
      { name: 'a missing path', args: ['score', join(tmp, 'missing.yaml')] },
      { name: 'a directory', args: ['score', folder] },
      { name: 'an empty file', args: ['score', generated('empty.yaml', '')] },
      { name: 'a file of white space', args: ['score', generated('blank.yaml', ' \n\t\n')] },
      { name: 'a NUL byte', args: ['score', generated('nul.yaml', Buffer.from('organisation: Example\0 Org\n', 'latin1'))] },
      { name: 'invalid UTF-8', args: ['score', generated('latin1.yaml', Buffer.concat([Buffer.from('organisation: "y'), Buffer.from([0xe9]), Buffer.from('s"\n')]))] },
      { name: 'over 10 MiB', args: ['score', generated('huge.yaml', `organisation: "${'x'.repeat(10 * 1024 * 1024)}`)] },
      { name: 'empty standard input', args: ['score', '-'], input: '' },
      { name: 'a control character', args: ['score', generated('control.yaml', 'organisation: "a\u0007b"\n')] },
      { name: 'a YAML tag', args: ['score', 'test/fixtures/hostile/input-tags.yaml'] },
      { name: 'nesting too deep', args: ['score', 'test/fixtures/hostile/input-deep-nesting.yaml'] },
      { name: 'not a model', args: ['score', ANSWERS, '--model', 'test/fixtures/hostile/input-not-a-model.yaml'] },
    ];
    for (const testCase of unreadable) it(testCase.name, async () => expectFrenchContract(await both(testCase)));

    it('the size of a file over the limit has a decimal comma and French units', async () => {
      const { french } = await both(unreadable.find((testCase) => testCase.name === 'over 10 MiB')!);
      expect(french.stderr).toContain('le fichier fait 10,1\u00a0Mio ; la limite est de 10,0\u00a0Mio'.replace(' ;', '\u202f;'));
    });
  });

  describe('bad answers files (score)', () => {
    // unanswered.yaml is an error only with --strict (below); without it, a warning of the command's.
    const answersCases = cases(BAD, (file) => ['score', file]).filter((testCase) => testCase.name !== 'unanswered.yaml');
    for (const testCase of answersCases) it(testCase.name, async () => expectFrenchContract(await both(testCase)));
    it('a model where answers are expected', async () => expectFrenchContract(await both({ name: 'model', args: ['score', 'models/community@1.0.yaml'] })));
    it('answers given as --model', async () => expectFrenchContract(await both({ name: 'answers', args: ['score', ANSWERS, '--model', ANSWERS] })));
    it('--strict', async () => expectFrenchContract(await both({ name: 'strict', args: ['score', `${BAD}/unanswered.yaml`, '--strict'] })));
  });

  describe('bad models (validate)', () => {
    for (const testCase of cases(BAD_MODELS, (file) => ['validate', file])) it(testCase.name, async () => expectFrenchContract(await both(testCase)));
    it('a duplicate key in a model, named', async () => {
      const file = generated('duplicate-stages.yaml', 'id: tiny\nstages: []\nname: Tiny\nstages: []\n');
      const run = await both({ name: 'duplicate', args: ['validate', file] });
      expectFrenchContract(run);
      expect(run.french.stderr).toContain('clé "stages" en double\u00a0: chaque clé ne peut figurer qu’une fois dans une table');
    });
  });

  describe('bad plans (validate)', () => {
    for (const testCase of cases(PLANS, (file) => ['validate', file])) it(testCase.name, async () => expectFrenchContract(await both(testCase)));
  });

  describe('errors without a place', () => {
    const usage: Case[] = [
      { name: '--model naming nothing', args: ['score', ANSWERS, '--model', 'comunity'] },
      { name: '--require of an unknown competency', args: ['score', ANSWERS, '--require', 'strategi=2'] },
      { name: '--fail-under out of range', args: ['score', ANSWERS, '--fail-under', '9'] },
      { name: '--sort of an unknown key', args: ['score', ANSWERS, `${BAD}/../../../examples/community@1.0/mature.yaml`, '--sort', 'nmae'] },
      { name: 'a folder with no answers files', args: ['validate', folder] },
      { name: 'a write into a folder that does not exist', args: ['score', ANSWERS, '-o', join(tmp, 'no-such-folder', 'report.txt')] },
      { name: 'an output that is an input', args: ['score', ANSWERS, '-o', ANSWERS] },
      { name: '--git on standard input', args: ['history', '--git', '-'], input: '' },
    ];
    for (const testCase of usage) {
      it(testCase.name, async () => {
        const run = await both(testCase);
        expectFrenchContract(run);
        expect(run.french.stderr).toMatch(/^cm-maturity: erreur\u00a0: /);
      });
    }
  });

  it('the text of a failed gate is French, with decimal commas and French dates', () => {
    const fr = localeOf('fr');
    const stages = [
      { id: 'start', name: 'Débutant', level: 1 },
      { id: 'grown', name: 'Structuré', level: 2 },
      { id: 'top', name: 'Exemplaire', level: 3 },
    ];
    const below = { gate: 'fail-under', subject: 'overall', target: 2.5, actual: 1.79, passed: false } as const;
    expect(gateFailureText(below, { stages, stale: undefined })).toBe('overall score 1.79 is below 2.50 by 0.71');
    expect(gateFailureText(below, { stages, stale: undefined }, fr)).toBe('le score global, 1,79, est inférieur de 0,71 à 2,50');
    const behind = { gate: 'behind-plan', subject: 'strategy', target: 2, actual: 1.5, by: '2027-06-30', phase: 'h1', passed: false } as const;
    expect(gateFailureText(behind, { stages, stale: undefined }, fr)).toBe('strategy est à Débutant (1,50), le plan visait Structuré pour le 30\u00a0juin\u00a02027 (phase h1)');
  });

  it('warnings about a weak model are French too, at the same places, and exit 0', async () => {
    const run = await both({ name: 'weak', args: ['validate', 'test/fixtures/weak-models/weak.yaml'] });
    const englishWarnings = run.english.stderr.split('\n').filter((line) => line.includes(': warning: '));
    const frenchWarnings = run.french.stderr.split('\n').filter((line) => line.includes(': avertissement\u00a0: '));
    expect(run.french.code).toBe(run.english.code);
    expect(frenchWarnings.length).toBeGreaterThan(0);
    expect(frenchWarnings.map((line) => line.slice(0, line.indexOf(': avertissement\u00a0: ')))).toEqual(englishWarnings.map((line) => line.slice(0, line.indexOf(': warning: '))));
    for (const line of frenchWarnings) {
      const message = line.slice(line.indexOf(': avertissement\u00a0: ') + ': avertissement\u00a0: '.length);
      expect(englishLeft(message), message).toEqual([]);
      expect(frenchTypographyProblems(fixedText(message)), message).toEqual([]);
    }
  });

  it('validate --format json keeps its keys, codes and places, with French messages', async () => {
    const files = [`${BAD}/errors-in-every-layer.yaml`, `${BAD_MODELS}/duplicate-ids.yaml`, 'test/fixtures/weak-models/weak.yaml'];
    const { english, french } = await both({ name: 'json', args: ['validate', '-f', 'json', ...files] });
    expect(french.code).toBe(english.code);
    const messages: string[] = [];
    const shape = (value: unknown, collect: boolean): unknown => {
      if (Array.isArray(value)) return value.map((item) => shape(item, collect));
      if (value !== null && typeof value === 'object') {
        return Object.fromEntries(
          Object.entries(value).map(([key, inner]) => {
            if (key === 'message' && typeof inner === 'string') {
              if (collect) messages.push(inner);
              return [key, 'MESSAGE'];
            }
            return [key, key === 'summary' ? 'SUMMARY' : shape(inner, collect)];
          }),
        );
      }
      return value;
    };
    const englishJson = JSON.parse(english.stdout) as unknown;
    expect(shape(JSON.parse(french.stdout), true)).toEqual(shape(englishJson, false));
    expect(messages.length).toBeGreaterThan(5);
    for (const message of messages) {
      expect(englishLeft(message), message).toEqual([]);
      expect(frenchTypographyProblems(fixedText(message)), message).toEqual([]);
    }
    expect(french.stdout).toContain('indicateur inconnu \\"strategy.purpse\\" dans le modèle community (vouliez-vous dire strategy.purpose\u202f?)');
  });

  it('the language of the environment is the language of the errors, and --lang wins over it', async () => {
    const file = `${BAD}/unknown-indicator.yaml`;
    const fromEnvironment = await runInProcess(['score', file], { env: { LANG: 'fr_FR.UTF-8' } });
    expect(fromEnvironment.stderr).toContain(`${file}:4:3: indicateur inconnu "strategy.purpse" dans le modèle community`);
    const english = await runInProcess(['score', file, '--lang', 'en'], { env: { LANG: 'fr_FR.UTF-8' } });
    expect(english.stderr).toContain(`${file}:4:3: unknown indicator "strategy.purpse" in model community`);
  });
});
