import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse as parseCsv } from 'csv-parse/sync';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { micromark } from 'micromark';
import { gfm, gfmHtml } from 'micromark-extension-gfm';
import { describe, expect, it } from 'vitest';
import { httpsLink } from '../../src/report/escape/url.js';
import { allElements, parseHtml, select, type HtmlElement } from '../helpers/html.js';
import { runInProcess } from '../helpers/in-process.js';
import { readWorkbook, values } from '../helpers/xlsx.js';
import { CONTROL_EXCEPT_NEWLINE, fixture } from './support.js';

/**
 * What a 2.0 model and its answers add to the reports, hostile (test/fixtures/hostile/details.yaml
 * and details-model.yaml): markup, markdown links, `javascript:` and `data:` addresses, control
 * characters and formulas in criteria, evidence prompts, owners, the context's name and the
 * answers' evidence. Every format shows them as text; only an evidence item that is one whole
 * https URL becomes a link, and only in markdown and HTML.
 */
const ANSWERS = fixture('details.yaml');
const RUN = [ANSWERS, '--stale-after', '1y', '--all'];

/** The links the reports may make: the https items of the evidence, as httpsLink writes their addresses. */
const LINKS = [
  'https://ok.example/a?b=%3Cc%3E&d=%22e%22#%27f%27',
  'https://ok.example/x%29%5D%28javascript:alert%281%29%29',
  'https://ok.example/%1B%5B31mred',
  'https://ok.example/plain',
];

async function output(format: string, ...more: string[]): Promise<string> {
  const result = await runInProcess(['score', ...RUN, '-f', format, ...more]);
  expect(result.code, result.stderr).toBe(0);
  return result.stdout;
}

interface Step {
  text: string;
  criteria?: string[];
  evidencePrompt?: string;
  owner?: string;
}

async function report(): Promise<{ context: { name: string }; competencies: { next: Step[]; indicators: { id: string; evidence?: string[] }[] }[] }> {
  return JSON.parse(await output('json'));
}

describe('httpsLink', () => {
  it.each([
    ['https://example.org/', 'https://example.org/'],
    ['HTTPS://EXAMPLE.ORG/A', 'https://example.org/A'],
    ['https://example.org/a(b)c', 'https://example.org/a%28b%29c'],
    ['https://example.org/[x]`y`|z\\w', 'https://example.org/%5Bx%5D%60y%60%7Cz/w'],
    ["https://example.org/?q='x'", 'https://example.org/?q=%27x%27'],
    ['https://bücher.example/é', 'https://xn--bcher-kva.example/%C3%A9'],
  ])('links %j to %j', (text, href) => {
    expect(httpsLink(text)).toBe(href);
  });

  it.each([
    'javascript:alert(1)',
    'JavaScript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'http://example.org/',
    'ftp://example.org/',
    'file:///etc/passwd',
    '//example.org/',
    'https://',
    'https://user@example.org/',
    'https://user:secret@example.org/',
    'https://[::1]/',
    ' https://example.org/',
    'https://example.org/ and more',
    'see https://example.org/',
    'https:example.org',
  ])('leaves %j as text', (text) => {
    expect(httpsLink(text)).toBeNull();
  });
});

describe('markdown', () => {
  /** What the report's own markdown makes: anything else came from a file. */
  const STRUCTURE = new Set(['#document', 'html', 'head', 'body', 'h1', 'h2', 'h3', 'p', 'strong', 'em', 'ul', 'li', 'table', 'thead', 'tbody', 'tr', 'th', 'td', 'code', 'a']);

  it('renders, as GitHub does, no HTML, image or mention from the files, and links only the https evidence', async () => {
    const markdown = await output('markdown');
    expect(markdown).not.toMatch(CONTROL_EXCEPT_NEWLINE);
    const page = parseHtml(micromark(markdown, { extensions: [gfm()], htmlExtensions: [gfmHtml()], allowDangerousHtml: true }));
    const elements = allElements(page);
    expect(elements.map((element) => element.tag).filter((tag) => !STRUCTURE.has(tag))).toEqual([]);
    expect(select(page, 'a').map((link) => link.attrs.href)).toEqual(LINKS);
    expect(elements.filter((element) => element.tag !== 'a' && Object.keys(element.attrs).some((name) => name !== 'align'))).toEqual([]);
    expect(page.text).not.toMatch(/@[A-Za-z0-9]/);
    // Each criterion reads as written, less its control characters.
    const texts = page.text.replaceAll('\u200b', '');
    for (const criterion of (await report()).competencies[0]!.next[0]!.criteria!) expect(texts).toContain(criterion.replace(/[\u0000-\u001f\u007f-\u009f]/g, ''));
  });
});

describe('HTML', () => {
  it('has no element or attribute from the files, and links only the https evidence, each text as written', async () => {
    const html = await output('html', '--print-answers');
    const page = parseHtml(html);
    const elements = allElements(page);
    for (const tag of ['script', 'img', 'iframe', 'i', 'b', 'object', 'embed', 'form', 'base']) expect(elements.filter((element) => element.tag === tag), tag).toEqual([]);
    expect(elements.filter((element) => Object.keys(element.attrs).some((name) => name.startsWith('on')))).toEqual([]);
    expect(select(page, 'a').map((link) => [link.attrs.href, link.attrs.rel])).toEqual(LINKS.map((href) => [href, 'noreferrer']));
    const data = await report();
    const step = data.competencies[0]!.next.find((candidate) => candidate.criteria !== undefined && candidate.text.startsWith('A key'))!;
    const shown = (element: HtmlElement) => element.text;
    // What the HTML report drops: control characters other than tab and line feed.
    const drop = (text: string) => text.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, '');
    const roadmap = select(page, 'section', 'roadmap-section')[0]!;
    expect(select(select(roadmap, 'div', 'criteria')[0]!, 'li').map(shown)).toEqual(step.criteria!.map(drop));
    expect(select(roadmap, 'span', 'check').map(shown)[0]).toBe(`Check: ${drop(step.evidencePrompt!)}`);
    expect(select(roadmap, 'span', 'step-meta').map(shown)[0]).toContain(drop(step.owner!));
    expect(select(select(page, 'dl', 'meta')[0]!, 'dd').map(shown)).toContain(`${drop(data.context.name)} (1 indicator not applicable)`);
    const evidence = data.competencies[0]!.indicators[0]!.evidence!;
    expect(select(select(page, 'ul', 'evidence')[0]!, 'li').map(shown)).toEqual(evidence.map(drop));
  });
});

describe('table', () => {
  it('holds no control character: each is shown as an escape', async () => {
    const table = await output('table', '--width', '200');
    expect(table).not.toMatch(CONTROL_EXCEPT_NEWLINE);
    expect(table).toContain('    Done when: • <script>alert(1)</script>');
    expect(table).toContain('\\x1b]0;title\\x07\\x1b[31mred @octocat');
    expect(table).toContain('Context: <b>Inside</b> \\x1b[2J [x](javascript:alert(1)) (1 indicator not applicable)');
  });
});

describe('JUnit', () => {
  it('is well-formed XML whose failure text holds the criteria as written (what XML cannot hold replaced)', async () => {
    const result = await runInProcess(['score', ...RUN, '-f', 'junit', '--fail-on-stale']);
    expect(result.code).toBe(1);
    expect(XMLValidator.validate(result.stdout)).toBe(true);
    const parsed = new XMLParser({ ignoreAttributes: false, parseTagValue: false, htmlEntities: true, isArray: (name) => name === 'testcase' }).parse(result.stdout);
    const failure = parsed.testsuites.testsuite.testcase[0].failure['#text'] as string;
    const legal = (text: string) => text.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, '\ufffd');
    for (const criterion of (await report()).competencies[0]!.next[0]!.criteria!) expect(failure).toContain(`  - ${legal(criterion)}`);
  });
});

describe('spreadsheets', () => {
  it('csv-answers: evidence that starts like a formula is made inert', async () => {
    const rows = parseCsv(await output('csv-answers'), { columns: true }) as Record<string, string>[];
    const plain = rows.find((row) => row.indicator === 'safety.plain')!;
    expect(plain.evidence).toBe("'=1+1\nhttps://ok.example/plain");
    expect(rows.find((row) => row.indicator === 'safety.key')!.evidence!.split('\n')).toHaveLength(11);
  });

  it('xlsx: every criterion, prompt and item is a text cell, as written', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cm-maturity-hostile-details-'));
    try {
      const file = join(dir, 'out.xlsx');
      const result = await runInProcess(['score', ...RUN, '-o', file]);
      expect(result.code, result.stderr).toBe(0);
      const sheets = readWorkbook(readFileSync(file));
      const steps = sheets.find((sheet) => sheet.name === 'Next steps')!;
      const header = values(steps)[0]!;
      const cell = (name: string) => steps.rows[1]![header.indexOf(name)]!;
      const step = (await report()).competencies[0]!.next[0]!;
      // XML cannot hold C0 control characters other than tab and line breaks: the workbook drops them.
      const drop = (text: string) => text.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, '');
      expect(cell('Done when')).toMatchObject({ type: 's', value: drop(step.criteria!.join('\n')) });
      expect(cell('Check')).toMatchObject({ type: 's', value: step.evidencePrompt });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
