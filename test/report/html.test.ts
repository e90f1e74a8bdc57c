import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { loadAssessment } from '../../src/pipeline/load-assessment.js';
import { scoreAssessment } from '../../src/core/score.js';
import { formatHtml } from '../../src/report/single/html.js';
import { escapeHtml } from '../../src/report/escape/html.js';
import type { Report } from '../../src/schema/report.js';
import { ROOT } from '../helpers/cli.js';
import { allElements, parseHtml, select, type HtmlElement } from '../helpers/html.js';
import { assessment, buildModel } from '../helpers/model.js';

const OPTIONS = { color: false, nextSteps: 3 };

async function exampleReport(file: string): Promise<Report> {
  const { model, assessment: answers } = await loadAssessment(join(ROOT, file));
  return scoreAssessment(model.model, answers);
}

describe('escapeHtml', () => {
  it('escapes the five HTML characters', () => {
    expect(escapeHtml(`<a href="x" title='y'>&amp;</a>`)).toBe('&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;amp;&lt;/a&gt;');
    expect(escapeHtml('"><img src=x onerror=alert(1)>')).toBe('&quot;&gt;&lt;img src=x onerror=alert(1)&gt;');
    expect(escapeHtml(3.5)).toBe('3.5');
  });

  it('drops control characters that XML forbids and keeps tabs, newlines and other text', () => {
    expect(escapeHtml('a\u0000b\u0007c\td\ne\u001bf — ü 😀')).toBe('abc\td\nef — ü 😀');
  });

  it('never lets markup through, for any string', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (text) => {
        const escaped = escapeHtml(text);
        expect(escaped).not.toMatch(/[<>"']/);
        // Every & starts an entity this function wrote.
        expect(escaped.replace(/&(amp|lt|gt|quot|#39);/g, '')).not.toContain('&');
      }),
    );
  });
});

const HOSTILE = {
  organisation: '<script>alert(1)</script>',
  note: '"><img src=x onerror=alert(1)>',
  text: "'><svg onload=alert(1)>",
  advice: '</li></ol><iframe src="https://evil.example/"></iframe>',
  name: '<style>body{display:none}</style>',
  stage: '<a href="javascript:alert(1)">Stage</a>',
  date: '2026-01-01"><base href="https://evil.example/">',
};

/** A scored report, then every text a file can supply replaced with something hostile. */
function hostileReport(): Report {
  const model = buildModel(['h', 'e', 'c'], [
    { id: 'x', indicators: { e: [1, 1], c: [1] } },
    { id: 'y', indicators: { e: [1], c: [1] } },
    { id: 'z', indicators: { e: [1], c: [1] } },
  ]);
  const report = scoreAssessment(model, assessment({ 'x.e.1': 'yes', 'x.e.2': 'partly', 'x.c.1': 'no', 'y.e.1': 'no', 'y.c.1': 'no', 'z.e.1': 'yes', 'z.c.1': 'mostly' }));
  report.organisation = HOSTILE.organisation;
  report.date = HOSTILE.date;
  report.assessor = HOSTILE.name;
  report.model = { id: HOSTILE.name, name: HOSTILE.name, version: HOSTILE.stage };
  report.stages = report.stages.map((stage) => ({ ...stage, name: `${HOSTILE.stage} ${stage.level}` }));
  for (const competency of report.competencies) {
    competency.name = `${HOSTILE.name} ${competency.id}`;
    competency.stageName = HOSTILE.stage;
    competency.next = competency.next.map((step) => ({ ...step, id: HOSTILE.text, text: HOSTILE.text, note: HOSTILE.note, advice: HOSTILE.advice, answer: HOSTILE.note }));
    competency.indicators = competency.indicators.map((indicator) => ({ ...indicator, id: HOSTILE.note, text: HOSTILE.text, note: HOSTILE.note, answer: HOSTILE.advice }));
  }
  report.overall = { ...report.overall, stageName: HOSTILE.stage };
  return report;
}

/** The elements a report is made of; anything else would have come from the input. */
const ALLOWED = new Set(
  'html head body meta title style div header main section footer p h1 h2 h3 dl dt dd span strong figure figcaption table caption thead tbody tr th td ul ol li article details summary code br svg desc g line polygon circle rect text tspan'.split(' '),
);

describe('formatHtml with hostile text in every field', () => {
  const report = hostileReport();
  const html = formatHtml(report, OPTIONS);
  const document = parseHtml(html);
  const elements = allElements(document);

  it('creates no element, attribute or link from the input', () => {
    expect(elements.filter((element) => !ALLOWED.has(element.tag)).map((element) => element.tag)).toEqual([]);
    const attributes = elements.flatMap((element) => Object.keys(element.attrs));
    expect(attributes.filter((name) => name.startsWith('on') || name === 'href' || name === 'src')).toEqual([]);
    expect(select(document, 'style')).toHaveLength(1);
    expect(html).not.toMatch(/<(script|img|iframe|base|a)\b/i);
  });

  it('shows the hostile texts as text', () => {
    expect(select(document, 'h1')[0]!.text).toBe(HOSTILE.organisation);
    expect(select(document, 'title')[0]!.text).toBe(`${HOSTILE.organisation} — ${report.model.name}`);
    const body = select(document, 'body')[0]!.text;
    for (const text of Object.values(HOSTILE)) expect(body).toContain(text);
    expect(select(document, 'span', 'note')[0]!.text).toBe(`Note: ${HOSTILE.note}`);
    expect(select(document, 'span', 'advice')[0]!.text).toBe(HOSTILE.advice);
  });

  it('escapes attribute values too: a note in a tooltip stays inside its quotes', () => {
    // Axis tooltips and the chart title carry competency names; none may open a new attribute.
    for (const element of elements) for (const value of Object.values(element.attrs)) expect(value).not.toContain('<');
  });
});

function metaContent(document: HtmlElement, httpEquiv: string): string | undefined {
  return select(document, 'meta').find((meta) => meta.attrs['http-equiv'] === httpEquiv)?.attrs.content;
}

describe.each(['examples/community@1.0/early.yaml', 'examples/community@1.0/middle.yaml', 'examples/community@1.0/advanced.yaml', 'examples/community@1.0/partial.yaml'])('formatHtml for %s', (file) => {
  it('writes a self-contained, script-free page with a strict Content-Security-Policy', async () => {
    const report = await exampleReport(file);
    const html = formatHtml(report, OPTIONS);
    const document = parseHtml(html);
    expect(html.startsWith('<!DOCTYPE html>\n<html lang="en">')).toBe(true);
    expect(html).not.toMatch(/<script|<link|<img|@import|url\(|https?:\/\/(?!www\.w3\.org\/2000\/svg")/i);
    const csp = metaContent(document, 'Content-Security-Policy')!;
    expect(csp).toMatch(/^default-src 'none'; style-src 'sha256-[A-Za-z0-9+/]+=*';/);
    expect(csp).not.toContain('unsafe');
    expect(select(document, 'title')[0]!.text).toBe(`${report.organisation} — ${report.model.name}`);
    expect(formatHtml(report, OPTIONS)).toBe(html);
  });

  it('has a header, a chart with one axis per competency, the grid, the roadmap weakest first and every answer', async () => {
    const report = await exampleReport(file);
    const document = parseHtml(formatHtml(report, OPTIONS));
    const header = select(document, 'header', 'report-header')[0]!;
    expect(header.text).toContain(report.organisation);
    expect(header.text).toContain(`${report.model.name} ${report.model.version}`);
    const figures = select(document, 'div', 'figure-box').map((box) => box.text);
    expect(figures[0]).toContain(report.overall.stageName);
    expect(figures[1]).toContain(`${report.overall.score.toFixed(2)} of 4`);
    expect(figures[2]).toContain(`${report.completeness.answered} of 72 indicators`);

    expect(select(document, 'line', 'axis')).toHaveLength(report.competencies.length);
    // Long names are wrapped into one tspan per line.
    expect(select(document, 'text', 'axis-label').map((label) => label.children.map((line) => line.text).join(' '))).toEqual(report.competencies.map((c) => c.name));

    const grid = select(document, 'table', 'grid')[0]!;
    const rows = select(grid, 'tbody')[0]!.children;
    expect(rows.map((row) => row.children[0]!.text)).toEqual(report.competencies.map((c) => c.name));
    for (const [index, row] of rows.entries()) {
      const competency = report.competencies[index]!;
      const cells = row.children.slice(1).map((td) => td.children[0]!);
      expect(cells).toHaveLength(4);
      const current = cells.filter((cell) => (cell.attrs.class ?? '').includes('cell-current'));
      expect(current).toHaveLength(1);
      expect(cells.indexOf(current[0]!)).toBe(competency.level - 1);
      for (const [s, stage] of report.stages.slice(1).entries()) {
        const cell = cells[s + 1]!;
        const attainment = competency.attainment[stage.id]!;
        expect(cell.text).toContain(`${Math.floor(attainment * 100 + 1e-9)}%`);
        const state = attainment >= 0.75 || stage.level <= competency.level ? 'met' : attainment > 0 ? 'partly' : 'not met';
        expect(select(cell, 'span', 'state')[0]!.text).toBe(state);
      }
    }

    const roadmap = select(document, 'article', 'roadmap-item');
    const expected = report.competencies.filter((c) => c.next.length > 0).sort((a, b) => a.score - b.score);
    expect(roadmap.map((item) => select(item, 'h3')[0]!.text.split(' →')[0])).toEqual(expected.map((c) => c.name));
    for (const [index, item] of roadmap.entries()) {
      // Every unmet indicator of the next stage, not only the first three.
      expect(select(item, 'li').map((li) => select(li, 'code')[0]!.text)).toEqual(expected[index]!.next.map((step) => step.id));
    }

    const answers = select(document, 'details')[0]!;
    expect(select(answers, 'table', 'answers')).toHaveLength(1);
    const answerRows = select(answers, 'tr').filter((row) => row.children[0]?.tag === 'td');
    expect(answerRows).toHaveLength(72);
    const indicators = report.competencies.flatMap((c) => c.indicators);
    expect(answerRows.map((row) => row.children[2]!.text)).toEqual(indicators.map((indicator) => indicator.answer ?? 'unanswered'));
    expect(answerRows.map((row) => row.children[0]!.text)).toEqual(indicators.map((indicator) => `${indicator.id}${indicator.text}`));
  });
});
