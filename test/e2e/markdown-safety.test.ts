import { describe, expect, it } from 'vitest';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse, stringify } from 'yaml';
import { markdownCells, okInProcess, ROOT, scoreJsonInProcess, tempDir, unescapedPipes } from './support.js';

// Every run here is in this process (runInProcess): escaping is the work of the code, not of the
// process.

const ORGANISATION = 'Evil | Corp <script>alert(1)</script> [x](http://e)';
const NOTE = 'first | part\nsecond <b>line</b> | ![img](http://e/i.png)\r\n\nthird `code` *em* _u_ # hash';
const ASSESSOR = 'Mallory <img src=x onerror=alert(1)> | \\|';

/** Text from the files may not add HTML, links, images or table cells to the markdown report. */
function expectInert(markdown: string): void {
  expect(markdown).not.toContain('<');
  expect(markdown).not.toContain('>');
  expect(markdown).not.toMatch(/(?<!\\)\]\(/);
  expect(markdown).not.toMatch(/(?<!\\)!\[/);
  for (const line of markdown.split('\n')) {
    if (line.startsWith('|')) expect(unescapedPipes(line), line).toBe(5);
  }
}

describe('markdown output is safe from text in the answers file', async () => {
  const dir = tempDir();
  const answers = join(dir, 'evil.yaml');
  writeFileSync(
    answers,
    stringify({
      organisation: ORGANISATION,
      model: 'community',
      assessor: ASSESSOR,
      answers: { 'strategy.purpose': { answer: 'partly', note: NOTE }, 'strategy.sponsor': 'yes' },
    }),
  );
  const markdown = await okInProcess(['score', answers, '-f', 'markdown']);

  it('writes the text into the answers file exactly (a check of the test itself)', () => {
    expect((parse(readFileSync(answers, 'utf8')) as { answers: Record<string, { note: string }> }).answers['strategy.purpose']!.note).toBe(NOTE);
  });

  it('has no raw HTML, links or images and keeps every table row at four columns', () => {
    expect(markdown).not.toContain('<script>');
    expectInert(markdown);
    const rows = markdown.split('\n').filter((line) => line.startsWith('|'));
    expect(rows).toHaveLength(2 + 8 + 1);
  });

  it('shows the text escaped, each note on one line', () => {
    expect(markdown.split('\n')[0]).toBe('# Community Management Maturity: Evil \\| Corp &lt;script&gt;alert(1)&lt;/script&gt; [x\\](http:&#8203;//e)');
    const noteLines = markdown.split('\n').filter((line) => line.includes('Note:'));
    expect(noteLines).toHaveLength(1);
    expect(noteLines[0]).toMatch(/^ {2}- Note: first \\\| part second &lt;b&gt;line&lt;\/b&gt; \\\| \\!\[img\\\]\(http:&#8203;\/\/e\/i\.png\) third \\`code\\` \\\*em\\\* \\_u\\_ \\# hash$/);
    expect(markdown).toContain('**Assessor:** Mallory &lt;img src=x onerror=alert(1)&gt; \\| \\\\\\|');
  });

  it('keeps the raw text exactly in the JSON report', async () => {
    const report = await scoreJsonInProcess([answers]);
    expect(report.organisation).toBe(ORGANISATION);
    expect(report.assessor).toBe(ASSESSOR);
    const strategy = report.competencies.find((competency) => competency.id === 'strategy')!;
    expect(strategy.indicators.find((indicator) => indicator.id === 'strategy.purpose')!.note).toBe(NOTE);
    expect(strategy.next.find((step) => step.id === 'strategy.purpose')!.note).toBe(NOTE);
  });

  it('keeps the raw text in the terminal table, which is not markdown', async () => {
    expect(await okInProcess(['score', answers, '--width', '200'])).toContain(`${ORGANISATION} — Community Management Maturity`);
  });
});

describe('markdown output is safe from text in a model file', async () => {
  const dir = tempDir();
  const model = parse(readFileSync(join(ROOT, 'models/community@1.0.yaml'), 'utf8')) as {
    id: string;
    name: string;
    version: string;
    stages: { name: string }[];
    competencies: { name: string; indicators: { text: string; advice?: string }[] }[];
  };
  model.id = 'evil';
  model.name = 'Evil | Model <i>x</i>';
  model.version = '1 | 2';
  model.stages[0]!.name = 'Hier|archy <u>';
  model.stages[1]!.name = 'Emergent | [link](http://e)';
  model.competencies[0]!.name = 'Strat | egy <script>alert(1)</script>';
  model.competencies[0]!.indicators[0]!.text = 'Purpose | written <em>down</em>\nreally';
  model.competencies[0]!.indicators[0]!.advice = 'Click [here](javascript:alert(1)) | now';
  writeFileSync(join(dir, 'evil-model.yaml'), stringify(model));
  const answers = join(dir, 'answers.yaml');
  writeFileSync(answers, stringify({ organisation: 'Plain Org', model: './evil-model.yaml', answers: { 'strategy.purpose': 'no' } }));
  const markdown = await okInProcess(['score', answers, '-f', 'markdown']);

  it('escapes model names, stage names, indicator texts and advice', () => {
    expect(markdown).not.toContain('<script>');
    expectInert(markdown);
    const row = markdown.split('\n').find((line) => line.startsWith('| Strat'))!;
    expect(markdownCells(row)).toEqual(['Strat \\| egy &lt;script&gt;alert(1)&lt;/script&gt;', 'Hier\\|archy &lt;u&gt;', '1.00', 'Emergent \\| [link\\](http:&#8203;//e) 0%']);
    expect(markdown).toContain('### Strat \\| egy &lt;script&gt;alert(1)&lt;/script&gt; → Emergent \\| [link\\](http:&#8203;//e)');
  });

  it('keeps them raw in the JSON', async () => {
    const report = await scoreJsonInProcess([answers]);
    expect(report.model).toEqual({ id: 'evil', name: model.name, version: model.version });
    expect(report.competencies[0]!.name).toBe(model.competencies[0]!.name);
    expect(report.competencies[0]!.next.find((step) => step.id === 'strategy.purpose')).toMatchObject({
      text: model.competencies[0]!.indicators[0]!.text,
      advice: model.competencies[0]!.indicators[0]!.advice,
    });
  });
});
