import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { benchmarkFormats } from '../../src/report/benchmark/index.js';
import { diffFormats } from '../../src/report/diff/index.js';
import { historyFormats } from '../../src/report/history/index.js';
import { portfolioFormats } from '../../src/report/portfolio/index.js';
import { reportFormats } from '../../src/report/single/index.js';
import { ROOT } from '../helpers/cli.js';
import { parseHtml, select } from '../helpers/html.js';
import { runInProcess } from '../helpers/in-process.js';
import { readWorkbook, values } from '../helpers/xlsx.js';

/**
 * Every report is titled with its model's own name: a model of one's own is never called
 * "community maturity". The fixtures use "Open Data Maturity" (and "Web Accessibility Maturity").
 */
const DIR = join(ROOT, 'test/fixtures/small-models');
const EARLIER = join(DIR, 'open-data.yaml');
const LATER = join(DIR, 'open-data-later.yaml');
const OTHER = join(DIR, 'single-competency.yaml');
const ORGANISATION = 'Harbour Town Council';

async function output(args: string[]): Promise<string> {
  const result = await runInProcess(args);
  expect(result.code, result.stderr).toBe(0);
  return result.stdout;
}

/** A binary workbook, written with -o: its cells as text. */
async function workbookText(args: string[]): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'cm-maturity-titles-'));
  try {
    const file = join(dir, 'out.xlsx');
    const result = await runInProcess([...args, '-o', file]);
    expect(result.code, result.stderr).toBe(0);
    return readWorkbook(readFileSync(file)).flatMap((sheet) => values(sheet).flat()).join('\n');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The title line (or heading) each format with a title must start with; formats without one (json, csv, jsonl, xlsx) map to null. */
const FAMILIES: { family: string; args: string[]; names: readonly string[]; titles: Record<string, string | null> }[] = [
  {
    family: 'score (one organisation)',
    args: ['score', EARLIER],
    names: reportFormats.names,
    titles: { table: `${ORGANISATION} — Open Data Maturity`, markdown: `# Open Data Maturity: ${ORGANISATION}`, json: null, junit: null, html: null, xlsx: null },
  },
  {
    family: 'score (a portfolio)',
    args: ['score', EARLIER, LATER],
    // csv-actions lists a plan's actions, which needs --plan (test/plan/formats.test.ts).
    names: [...portfolioFormats.names.filter((name) => name !== 'csv-actions'), 'jsonl', 'csv'],
    titles: { table: 'Open Data Maturity — 2 organisations', markdown: '# Open Data Maturity: 2 organisations', json: null, jsonl: null, csv: null, 'csv-answers': null, xlsx: null },
  },
  {
    family: 'benchmark',
    args: ['benchmark', EARLIER, LATER],
    names: benchmarkFormats.names,
    titles: { table: 'Open Data Maturity: peer benchmark — 2 assessments', markdown: '# Open Data Maturity: peer benchmark of 2 assessments', json: null, csv: null },
  },
  {
    family: 'diff',
    args: ['diff', EARLIER, LATER],
    names: diffFormats.names,
    titles: { table: `${ORGANISATION} — Open Data Maturity changes 2026-05-04 → 2026-11-02`, markdown: `# Open Data Maturity changes: ${ORGANISATION}`, json: null },
  },
  {
    family: 'history',
    args: ['history', EARLIER, LATER],
    names: historyFormats.names,
    titles: { table: `${ORGANISATION} — Open Data Maturity over time`, markdown: `# Open Data Maturity over time: ${ORGANISATION}`, json: null, csv: null },
  },
];

describe.each(FAMILIES)('$family', ({ args, names, titles }) => {
  it('has a title expectation for every format of the family', () => {
    expect(Object.keys(titles).sort()).toEqual([...new Set(names)].sort());
  });

  it.each([...new Set(names)])('--format %s: titled with the model name, never "community maturity"', async (format) => {
    const text = format === 'xlsx' ? await workbookText(args) : await output([...args, '--format', format]);
    expect(text).not.toMatch(/community maturity/i);
    const title = titles[format];
    if (title) expect(text.split('\n')[0]).toBe(title);
    // Formats without a title still name the model (json, csv, jsonl carry it as data, or only ids).
    if (format === 'json') expect(text).toContain('"name": "Open Data Maturity"');
    // One organisation's workbook names its model; the portfolio's has no title.
    if (format === 'xlsx' && args.length === 2) expect(text).toContain('Open Data Maturity');
  });
});

describe('titles that are not a first line', () => {
  it('JUnit: the suite is named after the model and the organisation', async () => {
    const xml = await output(['score', EARLIER, '--format', 'junit']);
    const parsed = new XMLParser({ ignoreAttributes: false }).parse(xml) as { testsuites: { testsuite: { '@_name': string } } };
    expect(parsed.testsuites.testsuite['@_name']).toBe(`Open Data Maturity: ${ORGANISATION}`);
  });

  it('HTML: the <title> and the header', async () => {
    const page = parseHtml(await output(['score', EARLIER, '--format', 'html']));
    expect(select(page, 'title')[0]!.text).toBe(`${ORGANISATION} — Open Data Maturity`);
    expect(select(select(page, 'header')[0]!, 'p', 'eyebrow')[0]!.text).toBe('Open Data Maturity');
  });

  it('a portfolio of two models names both, in the order of the rows', async () => {
    // Harbour Town Council scores 2.44, Northfield Library 1.66: by score, Harbour's row is first.
    const table = await output(['score', OTHER, EARLIER]);
    expect(table.split('\n')[0]).toBe('Open Data Maturity, Web Accessibility Maturity — 2 organisations');
    const markdown = await output(['score', OTHER, EARLIER, '--format', 'markdown', '--sort', 'name']);
    expect(markdown.split('\n')[0]).toBe('# Open Data Maturity, Web Accessibility Maturity: 2 organisations');
  });

  it('the built-in model is "Community Management Maturity"', async () => {
    const table = await output(['score', join(ROOT, 'examples/community@1.0/middle.yaml')]);
    expect(table.split('\n')[0]).toBe('Larkspur Analytics — Community Management Maturity');
  });
});
