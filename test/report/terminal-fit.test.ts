import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { stripVTControlCharacters } from 'node:util';
import type { PortfolioEntry } from '../../src/core/portfolio.js';
import { fitTable, packItems, wrapLines } from '../../src/report/fit.js';
import { formatTable } from '../../src/report/single/table.js';
import { formatPortfolioTable } from '../../src/report/portfolio/table.js';
import { formatBenchmarkTable } from '../../src/report/benchmark/table.js';
import { formatDiffTable } from '../../src/report/diff/table.js';
import { formatHistoryTable } from '../../src/report/history/table.js';
import { formatModelListTable } from '../../src/report/models/table.js';
import type { ModelList } from '../../src/schema/models.js';
import { percentileText } from '../../src/report/benchmark/rows.js';
import type { Benchmark } from '../../src/schema/benchmark.js';
import type { Diff } from '../../src/schema/diff.js';
import type { History } from '../../src/schema/history.js';
import type { Report } from '../../src/schema/report.js';
import { localeOf } from '../../src/cli/language.js';
import { ROOT } from '../helpers/cli.js';
import { runInProcess } from '../helpers/in-process.js';

/**
 * Table and text reports laid out for a terminal's width. Widths are measured as the tests are
 * told to: code points of the text without its colour codes (a box-drawing character or an
 * accented letter is one column; no report here holds a wide character).
 */
const WIDTHS = [60, 80, 120, 200];
/** Wide enough that nothing is wrapped, split or dropped: the words every narrower layout must show whole. */
const UNLIMITED = 100_000;

function columnsOf(line: string): number {
  return [...stripVTControlCharacters(line)].length;
}

function widest(text: string): number {
  return Math.max(...text.split('\n').map(columnsOf));
}

/** The words of a text: what is between spaces and table borders. */
function words(text: string): Set<string> {
  return new Set(
    stripVTControlCharacters(text)
      .replace(/[\u2500-\u257f]/g, ' ')
      .split(/\s+/)
      .filter((word) => word !== ''),
  );
}

/** The words of `narrow` that the unwrapped layout does not hold: a word cut in two shows here. */
function cutWords(narrow: string, unwrapped: string): string[] {
  const whole = words(unwrapped);
  return [...words(narrow)].filter((word) => !whole.has(word));
}

async function json<T>(args: string[]): Promise<T> {
  const result = await runInProcess(args);
  if (result.stdout === '') throw new Error(`cm-maturity ${args.join(' ')} wrote nothing:\n${result.stderr}`);
  return JSON.parse(result.stdout) as T;
}

const example = (name: string) => join(ROOT, 'examples', 'community@1.0', name);
const EXAMPLES = ['advanced.yaml', 'early.yaml', 'middle.yaml', 'partial.yaml'].map(example);

const english = localeOf('en');

/** Every table formatter, on data that makes each of its parts appear. */
const formats: Record<string, (width: number, color: boolean) => string> = {};
let dir: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'cm-maturity-fit-'));
  const before = join(dir, 'before.yaml');
  const after = join(dir, 'after.yaml');
  const middle = readFileSync(example('middle.yaml'), 'utf8');
  writeFileSync(before, middle);
  writeFileSync(
    after,
    middle
      .replace(/^date: .*$/m, 'date: 2026-12-01')
      .replace(/^( {2}governance\.moderation:).*$/m, '$1 "yes"')
      .replace(/^( {2}tools\.sso:).*$/m, '$1 { answer: "no", note: "Paused until the identity provider migration is finished, which the IT department expects by next spring" }'),
  );

  const report = await json<Report>(['score', example('middle.yaml'), '-f', 'json']);
  const compared = await json<Report>(['score', example('middle.yaml'), '-f', 'json', '--baseline', example('early.yaml'), '--fail-under', 'network', '--require', 'strategy=2']);
  const entries = await Promise.all(
    EXAMPLES.map(async (file): Promise<PortfolioEntry> => ({ file: `examples/${basename(file)}`, report: await json<Report>(['score', file, '-f', 'json']) })),
  );
  const pool = await json<Benchmark>(['benchmark', ...EXAMPLES, '--org', example('middle.yaml'), '-f', 'json']);
  const diff = await json<Diff>(['diff', before, after, '-f', 'json']);
  const history = await json<History>(['history', before, after, '-f', 'json']);
  const models = await json<ModelList>(['models', '-f', 'json']);
  // A 2.0 model: a context, criteria, evidence prompts, effort, owners, key indicators and stale answers.
  const details = join(ROOT, 'test/fixtures/details');
  const harbour = await json<Report>(['score', join(details, 'harbour.yaml'), '-f', 'json', '--stale-after', '12m']);
  const undated = await json<Report>(['score', join(details, 'undated.yaml'), '-f', 'json', '--stale-after', '12m']);

  formats.single = (width, color) => formatTable(report, { color, nextSteps: Infinity, width });
  formats['single with baseline and gates'] = (width, color) => formatTable(compared, { color, nextSteps: 3, width });
  formats.portfolio = (width, color) => formatPortfolioTable(entries, { color, width, locale: english });
  formats.benchmark = (width, color) => formatBenchmarkTable(pool, { color, width, locale: english });
  formats.diff = (width, color) => formatDiffTable(diff, { color, width, locale: english });
  formats.history = (width, color) => formatHistoryTable(history, { color, width, locale: english });
  formats.models = (width, color) => formatModelListTable(models, { color, width, locale: english });
  formats['single of a 2.0 model'] = (width, color) => formatTable(harbour, { color, nextSteps: Infinity, width });
  formats['portfolio with contexts and stale answers'] = (width, color) =>
    formatPortfolioTable([{ file: 'harbour.yaml', report: harbour }, { file: 'undated.yaml', report: undated }, ...entries], { color, width, locale: english });
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('table and text reports at a terminal width', () => {
  for (const width of WIDTHS) {
    it(`fit ${width} columns, with and without colour, cutting no word`, () => {
      for (const [name, format] of Object.entries(formats)) {
        for (const color of [false, true]) {
          const text = format(width, color);
          expect(widest(text), `${name} at ${width}`).toBeLessThanOrEqual(width);
          expect(cutWords(text, format(UNLIMITED, color)), `${name} at ${width}`).toEqual([]);
        }
        // Colour codes take no room: the same layout with and without them.
        expect(stripVTControlCharacters(format(width, true))).toBe(format(width, false));
      }
    });
  }

  it('use 80 columns when given no width, and never fewer than 60', () => {
    for (const [name, format] of Object.entries(formats)) {
      expect(format(undefined as unknown as number, false), name).toBe(format(80, false));
      expect(format(40, false), name).toBe(format(60, false));
    }
  });

  it('show everything unwrapped when the terminal is wide enough', () => {
    const text = formats.single!(200, false);
    expect(text).toContain('│ Competency            │ Stage              │ Score │ Progress             │ Next stage             │');
    expect(text).toContain('│ Policies & Governance │ Hierarchy          │  1.88 │ ██████░░░░░░░░░░░░░░ │ Emergent Community 66% │');
    expect(formats.portfolio!(200, false)).toContain(
      '│ Organisation             │ File                   │ strategy │ leadership │ culture │ management │ content │ governance │ tools │ metrics │ Overall │ Stage              │',
    );
  });
});

describe('the score report', () => {
  /** Table lines: the heading, each competency and the overall row, when no cell is wrapped. */
  const UNWRAPPED_ROWS = 1 + 8 + 1;
  const tableRows = (text: string) => text.split('\n').filter((line) => line.startsWith('│'));

  it('drops the bar column first: whenever it is shown no cell is wrapped, and it is gone before any is', () => {
    for (const format of [formats.single!, formats['single with baseline and gates']!]) {
      let wrappedWithout = false;
      let droppedUnwrapped = false;
      for (let width = 60; width <= 200; width++) {
        const text = format(width, false);
        const rows = tableRows(text).length;
        if (text.includes('Progress')) {
          expect(rows, `at ${width}`).toBe(UNWRAPPED_ROWS);
          expect(text).toMatch(/│ █+░* │/);
        } else {
          expect(text).not.toMatch(/[█░]/);
          if (rows === UNWRAPPED_ROWS) droppedUnwrapped = true;
          else wrappedWithout = true;
        }
      }
      // Some width drops the bar and wraps nothing yet; narrower ones wrap.
      expect(droppedUnwrapped).toBe(true);
      expect(wrappedWithout).toBe(true);
    }
  });

  it('fits 80 columns without the bar and without wrapping a cell', () => {
    const text = formats.single!(80, false);
    expect(tableRows(text)).toHaveLength(UNWRAPPED_ROWS);
    expect(text).toContain('│ Competency            │ Stage              │ Score │ Next stage             │');
    expect(text).toContain('│ Metrics & Measurement │ Emergent Community │  2.77 │ Community 58%          │');
  });

  it('wraps next steps at spaces, under their bullet and arrow', () => {
    const text = formats.single!(60, false);
    expect(text).toContain(
      [
        '  • Investment across all the organisation\'s communities is',
        '    decided from a portfolio view showing each community\'s',
        '    purpose, owner, cost and health. [strategy.portfolio:',
        '    no]',
        '    → List every internal and external community with its',
        '      purpose, owner, cost and health score. Review the list',
        '      twice a year to decide which to fund, merge or retire.',
      ].join('\n'),
    );
  });

  it('packs the header line by item, and wraps gates and the baseline line', () => {
    const text = formats['single with baseline and gates']!(60, false);
    expect(text.split('\n').slice(0, 4)).toEqual([
      'Larkspur Analytics — Community Management Maturity',
      'Model: Community Management Maturity 1.0 (community)',
      'Date: 2026-09-15 · Assessor: Priya Raman, Head of Community',
      'Answered: 72/72 (100%)',
    ]);
    expect(text).toContain('Gates\n  ✘ fail-under overall: 2.98 < 4.00\n  ✔ require strategy: 3.44 ≥ 2.00');
    expect(text).toContain('│ Change');
  });

  it('breaks only a word longer than a line: a pasted link, at the line’s end, every piece kept', async () => {
    const fixture = join(ROOT, 'test/fixtures/hostile/long-word.yaml');
    const report = await json<Report>(['score', fixture, '-f', 'json']);
    const link = /note: "(\S+)"/.exec(readFileSync(fixture, 'utf8'))![1]!;
    for (const width of WIDTHS) {
      const lines = formatTable(report, { color: false, nextSteps: Infinity, width }).split('\n');
      expect(Math.max(...lines.map(columnsOf))).toBeLessThanOrEqual(width);
      const start = lines.findIndex((line) => line.startsWith('    Note: '));
      // The note ends at the first line not under its indent, or at what a 2.0 model says of the step.
      const end = lines.findIndex((line, index) => index > start && (!/^ {4}[^\s→]/.test(line) || /^ {4}(Done when|Check|Effort|Owner):/.test(line)));
      const piece = lines.slice(start, end);
      // Broken at each line's end, under the note's indent, and nowhere else.
      expect(piece.map((line, index) => line.slice(index === 0 ? '    Note: '.length : 4)).join('')).toBe(link);
      for (const line of piece.slice(0, -1)) expect(columnsOf(line)).toBe(width);
    }
  });
});

describe('the portfolio', () => {
  it('splits its columns over several tables, each led by the organisation, rather than cut a word', () => {
    const text = formats.portfolio!(80, false);
    const headings = text.split('\n').filter((line) => line.startsWith('│ Organisation'));
    expect(headings).toEqual([
      '│ Organisation             │ File                   │ strategy │ leadership │',
      '│ Organisation             │ culture │ management │ content │ governance │',
      '│ Organisation             │ tools │ metrics │ Overall │ Stage              │',
      '│ Organisation             │ Answered │',
    ]);
    expect(text.split('\n').filter((line) => line.startsWith('│ Tessera Industrial Group'))).toHaveLength(4);
  });
});

describe('the benchmark', () => {
  it('prints percentile ranks as English ordinals of whole numbers', () => {
    expect([0, 1, 2, 3, 4, 11, 12, 13, 21, 22, 23, 62.5, 87.5, 99.99, 100, 101, 111, 112].map((percentile) => percentileText(english, percentile))).toEqual([
      '0th',
      '1st',
      '2nd',
      '3rd',
      '4th',
      '11th',
      '12th',
      '13th',
      '21st',
      '22nd',
      '23rd',
      '62nd',
      '87th',
      '99th',
      '100th',
      '101st',
      '111th',
      '112th',
    ]);
    expect(formats.benchmark!(120, false)).toMatch(/│ Content & Programming │ +4\.00 │ Network +│ +2\.77 │ \+1\.23 │ +87th │/);
  });
});

describe('layout helpers', () => {
  it('wrapLines indents the lines after the first as far as its prefix', () => {
    expect(wrapLines('one two three four five', 14, '  • ')).toEqual(['  • one two', '    three four', '    five']);
    expect(wrapLines('short', 14, '  • ')).toEqual(['  • short']);
  });

  it('packItems breaks between items, not inside one that fits a line', () => {
    expect(packItems(['Model: A B C', 'Date: 2026', 'Assessor: Jo Bloggs'], ' · ', 25)).toEqual(['Model: A B C · Date: 2026', 'Assessor: Jo Bloggs']);
  });

  it('fitTable repeats the key columns in every part and keeps every row', () => {
    const columns = [{ head: 'Name', key: true }, ...Array.from({ length: 12 }, (_, index) => ({ head: `column${index}`, align: 'right' as const }))];
    const rows = [['Alpha', ...Array.from({ length: 12 }, (_, index) => String(index))]];
    const text = fitTable(columns, rows, { width: 60 });
    expect(widest(text)).toBeLessThanOrEqual(60);
    const parts = text.split('\n\n');
    expect(parts.length).toBeGreaterThan(1);
    for (const part of parts) expect(part).toMatch(/^│ Name +│/m);
    expect(parts.map((part) => (part.match(/column\d+/g) ?? []).length).reduce((sum, count) => sum + count, 0)).toBe(12);
  });
});
