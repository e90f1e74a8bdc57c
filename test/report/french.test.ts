import { afterAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { parse } from 'yaml';
import english from '../../locales/en/report.json' with { type: 'json' };
import french from '../../locales/fr/report.json' with { type: 'json' };
import { ROOT } from '../helpers/cli.js';
import { frenchTypographyProblems } from '../helpers/french.js';
import { allElements, parseHtml, select, type HtmlElement } from '../helpers/html.js';
import { runInProcess } from '../helpers/in-process.js';
import { readWorkbook, values } from '../helpers/xlsx.js';

/**
 * One organisation's report in French (`--lang fr`), in every format: the fixed texts are the
 * French catalogue's, with French typography; numbers have a decimal comma in the formats for
 * people and stay as they are in JSON and in JUnit's names; the model's own texts, ids and what
 * the answers file says stay as they are (a model overlay translates the model, elsewhere).
 */

const dir = mkdtempSync(join(tmpdir(), 'cm-maturity-french-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const EXAMPLES = ['examples/middle.yaml', 'examples/fr/communaute-clients.yaml'];

/** A plan, a baseline and gates, so that every part of a report shows. */
const PLAN = ['test/fixtures/plan/later.yaml', '--plan', 'test/fixtures/plan/plan.yaml', '--baseline', 'test/fixtures/plan/answers.yaml', '--fail-under', '1', '--fail-on-regression'];

async function score(args: string[]): Promise<string> {
  const result = await runInProcess(['score', ...args]);
  expect(result.code, result.stderr).toBe(0);
  return result.stdout;
}

let runs = 0;

async function workbook(args: string[]): Promise<(string | number | null)[][][]> {
  const file = join(dir, `run-${(runs += 1)}.xlsx`);
  await score([...args, '-f', 'xlsx', '-o', file]);
  return readWorkbook(readFileSync(file)).map((sheet) => [[sheet.name], ...values(sheet)]);
}

/** Every text of the report file (names, model texts, notes, ids, dates…): what may stay as the file or the model wrote it. */
async function reportTexts(args: string[]): Promise<string[]> {
  const texts = new Set<string>();
  const walk = (value: unknown): void => {
    if (typeof value === 'string') texts.add(value);
    else if (Array.isArray(value)) value.forEach(walk);
    else if (value !== null && typeof value === 'object') Object.values(value).forEach(walk);
  };
  walk(JSON.parse(await score([...args, '-f', 'json'])));
  // The scale's labels, which reports for people show answers by: a model file's own texts.
  const { model } = parse(readFileSync(args[0]!, 'utf8')) as { model?: string };
  if (model?.startsWith('./')) for (const level of (parse(readFileSync(join(dirname(args[0]!), model), 'utf8')) as { scale: { label: string }[] }).scale) texts.add(level.label);
  return [...texts].filter((text) => text.length > 1).sort((a, b) => b.length - a.length);
}

/** The text with every text of the report file, where it stands as a whole (not inside a word), made `x`: as an id would read. */
function withoutFileTexts(text: string, texts: readonly string[]): string {
  let rest = text;
  for (const file of texts) rest = rest.replace(new RegExp(`(?<![\\p{L}\\p{N}])${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\p{L}\\p{N}])`, 'gu'), 'x');
  return rest;
}

/** The words of a catalogue's messages, placeholders and ICU syntax aside. */
function words(catalogue: Record<string, string>): Set<string> {
  const found = new Set<string>();
  for (const message of Object.values(catalogue)) {
    const text = message.replace(/\{[a-zA-Z]+(, (plural|select)[^{]*)?\}?/g, ' ').replace(/(=0|one|other) \{/g, ' ');
    for (const word of text.match(/\p{L}{3,}/gu) ?? []) found.add(word.toLowerCase());
  }
  return found;
}

/** The English words of the report's messages that French never uses: none of them may be left in a French report. */
const ENGLISH_WORDS = [...words(english)].filter((word) => !words(french).has(word));

/** Each English word left, with the text around it. */
function englishLeft(text: string): string[] {
  return ENGLISH_WORDS.flatMap((word) => {
    const found = new RegExp(`(?<!\\p{L})${word}(?!\\p{L})`, 'iu').exec(text);
    return found === null ? [] : [`${word}: ${text.slice(Math.max(0, found.index - 30), found.index + word.length + 30)}`];
  });
}

/** French typography's problems, each with the text around it; a `!` that opens a line marks it, as a bullet would. */
function typography(text: string): string[] {
  return frenchTypographyProblems(text.replace(/^( *)! /gm, '$1• ')).map((problem) => {
    const at = Number(/at (\d+)$/.exec(problem)![1]);
    return `${problem}: ${JSON.stringify(text.slice(Math.max(0, at - 30), at + 30))}`;
  });
}

/** What a person reads of a page: its text outside the stylesheet, and the labels and titles of its elements. */
function pageText(root: HtmlElement): string {
  const parts: string[] = [];
  const visit = (element: HtmlElement): void => {
    if (element.tag === 'style') return;
    for (const name of ['aria-label', 'alt', 'title']) if (element.attrs[name] !== undefined) parts.push(element.attrs[name]!);
    parts.push(ownText(element));
    element.children.forEach(visit);
  };
  visit(root);
  return parts.join('\n');
}

/** An element's own text, without its children's. */
function ownText(element: HtmlElement): string {
  let text = element.text;
  for (const child of element.children) text = text.replace(child.text, '\n');
  return text;
}

/** Markdown with its backslash escapes undone and links reduced to their text, so that the file's texts read as they were written. */
function unescapeMarkdown(text: string): string {
  return text
    .replace(/\]\([^)\s]*\)/g, ']')
    .replace(/\\([\\`*_{}[\]()#+\-.!|<>~])/g, '$1')
    .replace(/&lt;/g, '<')
    .replace(/&#8203;/g, '');
}

function unescapeXml(text: string): string {
  return text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&#10;/g, '\n').replace(/&amp;/g, '&');
}

describe('a report in French', () => {
  it('has English words to look for, and French ones', () => {
    expect(ENGLISH_WORDS).toEqual(expect.arrayContaining(['answered', 'baseline', 'competency', 'overall', 'stage', 'unanswered', 'next', 'steps', 'held', 'the']));
    expect(englishLeft('Overall stage: Community')).toEqual(['overall: Overall stage: Community', 'stage: Overall stage: Community']);
  });

  for (const example of EXAMPLES) {
    describe(example, () => {
      const args = [example, '--lang', 'fr', '--stale-after', '12m'];

      it('table: French fixed texts with French typography, decimal commas, no English word of the catalogue', async () => {
        const text = await score([...args, '--width', '1000', '--all']);
        expect(text).toContain('Stade global\u00a0: ');
        expect(text).toContain('Prochaines étapes');
        expect(text).toMatch(/ \d,\d\d /);
        expect(text).toMatch(/\d\u202f%/);
        expect(text).not.toMatch(/\d\.\d\d/);
        const fixed = withoutFileTexts(text, await reportTexts(args));
        expect(englishLeft(fixed)).toEqual([]);
        expect(typography(fixed)).toEqual([]);
        expect(text).not.toContain('n/a');
      });

      it('markdown: the same', async () => {
        const text = unescapeMarkdown(await score([...args, '-f', 'markdown', '--all']));
        expect(text).toContain('**Stade global\u00a0: ');
        expect(text).toContain('## Prochaines étapes');
        expect(text).toMatch(/\| \d,\d\d \|/);
        const fixed = withoutFileTexts(text, await reportTexts(args));
        expect(englishLeft(fixed)).toEqual([]);
        expect(typography(fixed)).toEqual([]);
        expect(text).not.toContain('n/a');
      });

      it('html: lang="fr", every text and label French, the grid’s current-stage mark too', async () => {
        const html = await score([...args, '-f', 'html']);
        expect(html).toContain('<html lang="fr">');
        expect(html).toContain('content: " · actuel";');
        expect(html).not.toContain(' · current');
        const page = parseHtml(html);
        const text = pageText(page);
        expect(text).toContain('Synthèse');
        expect(text).toContain('Grille des stades');
        expect(text).toMatch(/\d,\d\d/);
        expect(select(page, 'ul', 'legend-row')[0]!.attrs['aria-label']).toBe('Légende');
        const chart = allElements(page).find((element) => element.tag === 'svg' && element.attrs.role === 'img')!;
        expect(chart.children.find((child) => child.tag === 'title')!.text).toMatch(/^Profil de maturité de /);
        const fixed = withoutFileTexts(text, await reportTexts(args));
        expect(englishLeft(fixed)).toEqual([]);
        expect(typography(fixed)).toEqual([]);
        expect(text).not.toContain('n/a');
      });

      it('junit: suite and test case names, class names and properties as in English (what CI tools follow), the messages French', async () => {
        const [frenchXml, englishXml] = [await score([...args, '-f', 'junit']), await score([example, '--stale-after', '12m', '-f', 'junit', '--lang', 'en'])];
        // The model's own names, not its translation's: a test keeps its name whatever the report's language.
        const names = (xml: string) => [...xml.matchAll(/<(?:testsuites?|testcase|property) [^>]*>/g)].map((match) => match[0]);
        expect(names(frenchXml)).toEqual(names(englishXml));
        expect(frenchXml).toContain('<testcase classname="community.strategy" name="Strategy" time="0">');
        expect(frenchXml).toContain('<testsuite name="Community Management Maturity: ');
        expect(frenchXml).toContain('name="Overall (mean)"');
        const messages = unescapeXml([...frenchXml.matchAll(/<system-out>([^<]*)<\/system-out>/g)].map((match) => match[1]).join('\n'));
        expect(messages).toMatch(/niveau \d sur \d\), score \d,\d\d/);
        const fixed = withoutFileTexts(messages, await reportTexts(args));
        expect(englishLeft(fixed)).toEqual([]);
        expect(typography(fixed)).toEqual([]);
      });

      it('answers shown by the French labels of the scale in table, markdown, HTML, JUnit and xlsx; by its ids in JSON', async () => {
        const ids = /\b(yes|mostly|partly|no)\b/;
        const table = await score([...args, '--width', '1000', '--all']);
        const shown = [...table.matchAll(/\[[a-z]+\.[a-z-]+\u00a0: ([^\]]+)\]/g)].map((match) => match[1]!);
        expect(shown.length).toBeGreaterThan(10);
        expect(new Set(shown)).toEqual(new Set(['Non', 'Partiellement', 'Plutôt oui'].filter((label) => shown.includes(label))));
        expect(shown).toContain('Non');
        expect(table).not.toMatch(/\[[a-z]+\.[a-z-]+\u00a0: (yes|mostly|partly|no)\]/);
        const markdown = await score([...args, '-f', 'markdown', '--all']);
        expect(markdown).toMatch(/\(`[a-z]+\.[a-z-]+`\u00a0: Non\)/);
        expect(markdown).not.toMatch(/\(`[a-z]+\.[a-z-]+`\u00a0: (yes|mostly|partly|no)\)/);
        const html = await score([...args, '-f', 'html']);
        const badges = [...html.matchAll(/<span class="answer">([^<]*)<\/span>/g)].map((match) => match[1]!);
        expect(new Set(badges)).toEqual(new Set(['Oui', 'Plutôt oui', 'Partiellement', 'Non', 'Sans objet'].filter((label) => badges.includes(label))));
        expect(badges).toContain('Oui');
        const junit = await runInProcess(['score', ...args, '--require', 'strategy=4', '-f', 'junit']);
        expect(junit.stdout).toMatch(/\(strategy\.[a-z-]+\u00a0: (Non|Partiellement|Plutôt oui)\)/);
        expect(junit.stdout).not.toMatch(/\([a-z]+\.[a-z-]+\u00a0: (yes|mostly|partly|no)\)/);
        const answers = (await workbook(args)).find((sheet) => sheet[0]![0] === 'Réponses')!;
        const column = answers[1]!.indexOf('Réponse');
        const cells = answers.slice(2).map((row) => row[column]);
        expect(cells).toContain('Oui');
        expect(cells.filter((cell) => typeof cell === 'string' && ids.test(cell))).toEqual([]);
        const json = JSON.parse(await score([...args, '-f', 'json'])) as { competencies: { indicators: { answer: string | null }[] }[] };
        expect(json.competencies.flatMap((competency) => competency.indicators.map((indicator) => indicator.answer))).toContain('yes');
      });

      it('json: the same keys, ids and numbers as in English; only the language and the model’s texts differ', async () => {
        const [french, english] = [JSON.parse(await score([...args, '-f', 'json'])), JSON.parse(await score([example, '--stale-after', '12m', '-f', 'json', '--lang', 'en']))] as [Record<string, unknown>, Record<string, unknown>];
        expect([french.language, english.language]).toEqual(['fr', 'en']);
        // Texts become "text"; ids, stages, answers, numbers and every key stay as they are.
        const EXACT = new Set(['id', 'stage', 'nextStage', 'answer', 'organisation', 'date', 'version', 'aggregate', 'schemaVersion']);
        const skeleton = (value: unknown, key = ''): unknown => {
          if (Array.isArray(value)) return value.map((item) => skeleton(item, key));
          if (value !== null && typeof value === 'object') return Object.fromEntries(Object.entries(value).filter(([name]) => name !== 'language').map(([name, item]) => [name, skeleton(item, name)]));
          return typeof value === 'string' && !EXACT.has(key) ? 'text' : value;
        };
        expect(skeleton(french)).toEqual(skeleton(english));
      });

      it('xlsx: French sheet names and headers, numbers still number cells', async () => {
        const sheets = await workbook(args);
        expect(sheets.map((sheet) => sheet[0]![0])).toEqual(['Évaluation', 'Scores', 'Grille des stades', 'Prochaines étapes', 'Réponses']);
        const scores = sheets[1]!;
        expect(scores[1]).toEqual(['Compétence', 'Stade', 'Niveau', 'Score']);
        expect(typeof scores[2]![3]).toBe('number');
        const cells = sheets.flatMap((sheet) => sheet.flat()).filter((cell): cell is string => typeof cell === 'string');
        const fixed = withoutFileTexts(cells.join('\n'), await reportTexts(args));
        expect(englishLeft(fixed)).toEqual([]);
        expect(typography(fixed)).toEqual([]);
      });
    });
  }

  describe('with a plan, a baseline and gates', () => {
    const args = [...PLAN, '--lang', 'fr'];

    it.each(['table', 'markdown', 'html'])('%s: the plan, the comparison and the gates in French', async (format) => {
      const raw = await score([...args, '-f', format, '--width', '1000']);
      const text = format === 'html' ? pageText(parseHtml(raw)) : format === 'markdown' ? unescapeMarkdown(raw) : raw;
      expect(text).toContain('Objectif\u00a0: ');
      expect(text).toContain('Référence du 15\u00a0septembre\u00a02026');
      const fixed = withoutFileTexts(text, await reportTexts(args));
      expect(englishLeft(fixed)).toEqual([]);
      expect(typography(fixed)).toEqual([]);
    });

    it('junit: the failed gates said in French, in the message and the detail; the names as in English', async () => {
      const failing = [...args, '--fail-under', '4', '--fail-behind-plan', '-f', 'junit'];
      const [french, english] = [await runInProcess(['score', ...failing]), await runInProcess(['score', ...failing, '--lang', 'en'])];
      expect([french.code, english.code]).toEqual([1, 1]);
      const names = (xml: string) => [...xml.matchAll(/<(?:testsuites?|testcase|property) [^>]*>/g)].map((match) => match[0]);
      expect(names(french.stdout)).toEqual(names(english.stdout));
      const messages = [...french.stdout.matchAll(/<failure message="([^"]*)"[^>]*>([^<]*)<\/failure>/g)].map((match) => unescapeXml(`${match[1]}\n${match[2]}`));
      expect(messages.join('\n')).toContain('fail-under\u00a0: le score global, 2,49, est inférieur de 1,51 à 4,00\u202f; behind-plan\u00a0: overall est à');
      expect(messages.join('\n')).toContain('le plan visait');
      // A gate's name is an id, as its option says it.
      const gateIds = /\b(fail-under|behind-plan)\b/g;
      const fixed = withoutFileTexts(messages.join('\n').replace(gateIds, 'x'), await reportTexts(args));
      expect(englishLeft(fixed)).toEqual([]);
      expect(typography(fixed)).toEqual([]);
      // The same failures on standard error, in the run's language.
      expect(french.stderr).toContain('contrôle non satisfait (--fail-under leader (4))\u00a0: le score global, 2,49, est inférieur de 1,51 à 4,00');
      expect(french.stderr).not.toContain('is below');
    });

    it.each(['table', 'markdown'])('%s: each gate’s line with French typography', async (format) => {
      const result = await runInProcess(['score', ...args, '--fail-behind-plan', '-f', format]);
      expect(result.code).toBe(1);
      expect(result.stdout).toContain('✘ behind-plan governance\u00a0: 1,99 ');
      expect(result.stdout).not.toMatch(/behind-plan [a-z]+: /);
    });

    it('xlsx: the plan’s sheets in French', async () => {
      const sheets = await workbook(args);
      expect(sheets.map((sheet) => sheet[0]![0])).toEqual(['Évaluation', 'Scores', 'Grille des stades', 'Prochaines étapes', 'Réponses', 'Plan', 'Actions']);
      const cells = sheets.flatMap((sheet) => sheet.flat()).filter((cell): cell is string => typeof cell === 'string');
      expect(englishLeft(withoutFileTexts(cells.join('\n'), await reportTexts(args)))).toEqual([]);
    });
  });
});
