import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadAssessment } from '../../src/pipeline/load-assessment.js';
import { scoreAssessment } from '../../src/core/score.js';
import { formatHtml, gateOutcomes } from '../../src/report/single/html.js';
import { STYLE } from '../../src/report/single/html/style.js';
import type { Report } from '../../src/schema/report.js';
import { ROOT } from '../helpers/cli.js';
import { allElements, select, type HtmlElement, parseHtml } from '../helpers/html.js';
import { assessment, buildModel } from '../helpers/model.js';
import { runInProcess } from '../helpers/in-process.js';

const OPEN_DATA = join(ROOT, 'test/fixtures/small-models/open-data.yaml');
const SINGLE = join(ROOT, 'test/fixtures/small-models/single-competency.yaml');

async function html(args: string[], code = 0): Promise<HtmlElement> {
  const result = await runInProcess(['score', ...args, '--format', 'html']);
  expect(result.code, result.stderr).toBe(code);
  return parseHtml(result.stdout);
}

function summary(document: HtmlElement): HtmlElement {
  return select(document, 'section', 'summary-section')[0]!;
}

function priorities(document: HtmlElement): { text: string; meta: string }[] {
  return select(select(document, 'ol', 'priorities')[0]!, 'li').map((li) => ({ text: select(li, 'span', 'step-text')[0]!.text, meta: select(li, 'span', 'step-meta')[0]!.text }));
}

describe('the summary page', () => {
  it('comes first, before the stage grid, and holds the stage, score, completeness, chart and three priorities', async () => {
    const document = await html([join(ROOT, 'examples/community@1.0/middle.yaml')]);
    const main = select(document, 'main')[0]!;
    expect(main.children.map((child) => child.attrs.class)).toEqual(['summary-section', 'grid-section', 'roadmap-section', 'answers-section screen-only']);
    const page = summary(document);
    expect(select(page, 'div', 'figure-box').map((box) => select(box, 'span', 'figure-label')[0]!.text)).toEqual(['Overall stage', 'Score', 'Answered']);
    expect(select(page, 'svg', 'radar')).toHaveLength(1);
    expect(select(page, 'table', 'scores')).toHaveLength(1);
    expect(priorities(document)).toHaveLength(3);
    // middle.yaml answers all 72: not a draft.
    expect(select(page, 'p', 'draft-mark')).toEqual([]);
    expect(select(page, 'div', 'figure-box')[2]!.text).toBe('Answered100%72 of 72 indicators');
  });

  it('ranks the priorities by the rise of the overall score (hand-computed for the two-competency model)', async () => {
    // Publishing: Published met at (1 + 0.5) / 2 = 0.75, Reused 0 → 2.00. Engagement (weight 2):
    // Reused (0.5) → 2 + 0.5 / 0.75 = 2.666…. Overall (2 + 2 · 2.666…) / 3 = 2.444….
    // publishing.api or .updates at yes: Reused 0.5 → Publishing 2.666… (+0.666…), overall (2.666… + 5.333…) / 3 − 2.444… = +0.222….
    // engagement.showcase at yes: Reused met, top stage → 3 (+0.333…), overall (2 + 6) / 3 − 2.444… = +0.222… too:
    // the tie goes to the larger rise of the competency's own score, then to model order.
    const document = await html([OPEN_DATA]);
    expect(priorities(document)).toEqual([
      { text: 'Datasets are served through an API.', meta: 'Publishing → Reused · answer no · overall score +0.22, Publishing +0.66' },
      { text: 'Datasets are updated on a published schedule.', meta: 'Publishing → Reused · answer unanswered · overall score +0.22, Publishing +0.66' },
      { text: 'Reuses of the data are showcased.', meta: 'Engagement → Reused · answer partly · overall score +0.22, Engagement +0.33' },
    ]);
    expect(select(select(document, 'ol', 'priorities')[0]!, 'span', 'advice').map((advice) => advice.text)).toEqual(['Serve the three most asked-for datasets first.', 'Publish one reuse story a quarter.']);
  });

  it('marks a draft below 80% answered: examples/community@1.0/partial.yaml answers 29 of 72 (40%)', async () => {
    const page = summary(await html([join(ROOT, 'examples/community@1.0/partial.yaml')]));
    const mark = select(page, 'p', 'draft-mark')[0]!;
    expect(mark.text).toContain('Draft');
    expect(mark.text).toContain('Only 40% of the indicators are answered');
    const answered = select(page, 'div', 'figure-box')[2]!;
    expect(answered.attrs.class).toBe('figure-box figure-draft');
    expect(answered.text).toBe('Answered40% draft29 of 72 indicators; 43 unanswered count as 0');
  });

  it('5 of 6 answered (83%) is not a draft', async () => {
    const page = summary(await html([OPEN_DATA]));
    expect(select(page, 'p', 'draft-mark')).toEqual([]);
    expect(select(page, 'span', 'draft-tag')).toEqual([]);
    expect(select(page, 'div', 'figure-box')[2]!.text).toBe('Answered83%5 of 6 indicators; 1 unanswered count as 0');
  });

  it('without the model (a library call), lists the first step of the three weakest competencies, with no gain', async () => {
    const { model, assessment } = await loadAssessment(join(ROOT, 'examples/community@1.0/middle.yaml'));
    const report = scoreAssessment(model.model, assessment);
    const weakest = [...report.competencies].filter((c) => c.next.length > 0).sort((a, b) => a.score - b.score).slice(0, 3);
    const without = parseHtml(formatHtml(report, { color: false, nextSteps: 3 }));
    expect(priorities(without).map((item) => item.text)).toEqual(weakest.map((c) => c.next[0]!.text));
    expect(select(without, 'span', 'gain')).toEqual([]);
    const withModel = parseHtml(formatHtml(report, { color: false, nextSteps: 3, model: model.model }));
    expect(select(withModel, 'span', 'gain')).toHaveLength(3);
  });

  it('says so when there is nothing left to do', async () => {
    const { model, assessment } = await loadAssessment(join(ROOT, 'examples/community@1.0/advanced.yaml'));
    const report = scoreAssessment(model.model, assessment);
    const done: Report = { ...report, competencies: report.competencies.map((c) => ({ ...c, next: [] })) };
    const document = parseHtml(formatHtml(done, { color: false, nextSteps: 3 }));
    expect(select(document, 'ol', 'priorities')).toEqual([]);
    expect(select(document, 'div', 'priorities-part')[0]!.text).toContain('Every competency is at the top stage');
  });
});

describe('the answers appendix', () => {
  it('is on the page, folded, but not printed unless --print-answers is given', async () => {
    const plain = await html([join(ROOT, 'examples/community@1.0/middle.yaml')]);
    const section = select(plain, 'section', 'answers-section')[0]!;
    expect(section.attrs.class).toBe('answers-section screen-only');
    expect(select(section, 'details')[0]!.attrs.open).toBeUndefined();
    expect(select(section, 'tr').filter((row) => row.children[0]?.tag === 'td')).toHaveLength(72);
    const printed = await html([join(ROOT, 'examples/community@1.0/middle.yaml'), '--print-answers']);
    expect(select(printed, 'section', 'answers-section')[0]!.attrs.class).toBe('answers-section');
    // The stylesheet hides .screen-only in print and nowhere else.
    expect(STYLE).toMatch(/@media print \{[^@]*\.screen-only \{ display: none; \}/);
    expect(STYLE.match(/\.screen-only/g)).toHaveLength(1);
  });

  it('--help shows --print-answers', async () => {
    const result = await runInProcess(['score', '--help']);
    expect(result.stdout).toContain('--print-answers');
  });
});

describe('a chart that suits the model', () => {
  it('two competencies: horizontal bars, one per competency, instead of a radar', async () => {
    const document = await html([OPEN_DATA]);
    expect(select(document, 'svg', 'radar')).toEqual([]);
    const chart = select(document, 'svg', 'bars')[0]!;
    expect(chart.attrs.role).toBe('img');
    expect(select(chart, 'title')[0]!.text).toBe('Maturity profile of Harbour Town Council');
    expect(select(chart, 'desc')[0]!.text).toContain('Publishing 2.00 (Published); Engagement 2.66 (Published)');
    expect(select(chart, 'text', 'axis-label').map((label) => label.text)).toEqual(['Publishing', 'Engagement']);
    expect(select(chart, 'text', 'ring-label').map((label) => label.text)).toEqual(['Closed', 'Published', 'Reused']);
    // Bars start at the first stage (x 170) and the plot is 486 wide for 2 steps of stage:
    // Publishing 2.00 → half, 243; Engagement 2.66 → 0.83 of it, 403.38.
    const bars = select(select(chart, 'g', 'series-current')[0]!, 'rect', 'area');
    expect(bars.map((bar) => [bar.attrs.x, bar.attrs.width])).toEqual([
      ['170', '243'],
      ['170', '403.38'],
    ]);
    expect(select(document, 'p', 'lead')[0]!.text).toContain('Each bar is a competency');
  });

  it('one competency: a single bar', async () => {
    const document = await html([SINGLE]);
    expect(select(document, 'svg', 'radar')).toEqual([]);
    const chart = select(document, 'svg', 'bars')[0]!;
    // A long name is wrapped into one tspan per line.
    expect(select(chart, 'text', 'axis-label').map((label) => label.children.map((line) => line.text))).toEqual([['Accessibility', 'Practice']]);
    // 1.66 of 2: 0.66 of the 486-wide plot = 320.76.
    expect(select(select(chart, 'g', 'series-current')[0]!, 'rect', 'area').map((bar) => bar.attrs.width)).toEqual(['320.76']);
    expect(priorities(document)).toEqual([{ text: 'Editors are trained in accessible writing.', meta: 'Accessibility Practice → Managed · answer no · overall score +0.33, Accessibility Practice +0.33' }]);
  });

  it('escapes every text in the bars: names of competencies, stages and the organisation stay text', () => {
    const hostile = '<img src=x onerror=alert(1)>"\'&';
    const model = buildModel(['h', 'e'], [{ id: 'x', indicators: { e: [1] } }, { id: 'y', indicators: { e: [1] } }]);
    model.name = hostile;
    const report = scoreAssessment(model, assessment({ 'x.e.1': 'yes' }, hostile));
    report.stages = report.stages.map((stage) => ({ ...stage, name: `${hostile} ${stage.level}` }));
    report.competencies = report.competencies.map((c) => ({ ...c, name: `${hostile} ${c.id}` }));
    const text = formatHtml(report, { color: false, nextSteps: 3, model });
    const document = parseHtml(text);
    expect(select(document, 'img')).toEqual([]);
    expect(allElements(document).flatMap((element) => Object.keys(element.attrs)).filter((name) => name.startsWith('on') || name === 'src')).toEqual([]);
    const chart = select(document, 'svg', 'bars')[0]!;
    expect(select(chart, 'text', 'ring-label').map((label) => label.children.map((line) => line.text).join(' '))).toEqual([`${hostile} 1`, `${hostile} 2`]);
    expect(select(document, 'title')[0]!.text).toBe(`${hostile} — ${hostile}`);
  });

  it('three competencies or more: the radar', async () => {
    const document = await html([join(ROOT, 'examples/community@1.0/early.yaml')]);
    expect(select(document, 'svg', 'bars')).toEqual([]);
    expect(select(document, 'svg', 'radar')).toHaveLength(1);
  });

  it('with a baseline, the bars chart adds a dashed bar per competency and a legend', async () => {
    const document = await html([OPEN_DATA, '--baseline', OPEN_DATA]);
    const chart = select(document, 'svg', 'bars')[0]!;
    expect(select(select(chart, 'g', 'series-baseline')[0]!, 'rect', 'area')).toHaveLength(2);
    expect(select(chart, 'g', 'legend')).toHaveLength(1);
  });
});

describe('the model name in the page', () => {
  it('titles the page and the header with the model, not fixed words', async () => {
    const document = await html([OPEN_DATA]);
    expect(select(document, 'title')[0]!.text).toBe('Harbour Town Council — Open Data Maturity');
    const header = select(document, 'header', 'report-header')[0]!;
    expect(select(header, 'p', 'eyebrow')[0]!.text).toBe('Open Data Maturity');
    expect(header.text).not.toMatch(/community/i);
  });
});

describe('gate outcomes in plain words', () => {
  it('a floor named by a stage, a floor by a score, and a competency that passed', async () => {
    // middle.yaml: overall 2.61 (below Community = 3); Strategy 3.44 at or above Emergent Community (2).
    const document = await html([join(ROOT, 'examples/community@1.0/middle.yaml'), '--fail-under', 'community', '--require', 'strategy=emergent', '--require', 'tools=2.9'], 1);
    const header = select(document, 'header', 'report-header')[0]!;
    const terms = select(header, 'dt').map((dt) => dt.text);
    const values = select(header, 'dd').map((dd) => dd.text);
    const gates = terms.map((term, index) => [term, values[index]]).filter(([term]) => term!.startsWith('Gate'));
    const report = JSON.parse((await runInProcess(['score', join(ROOT, 'examples/community@1.0/middle.yaml'), '-f', 'json'])).stdout) as Report;
    const tools = report.competencies.find((c) => c.id === 'tools')!;
    expect(gates).toEqual([
      ['Gate failed', `Overall stage below the required ‘Community’ (score ${report.overall.score.toFixed(2)}, needs 3.00)`],
      ['Gate passed', `Strategy stage at or above the required ‘Emergent Community’ (score 3.44)`],
      [tools.score >= 2.9 ? 'Gate passed' : 'Gate failed', `Tools score ${tools.score.toFixed(2)}, ${tools.score >= 2.9 ? 'at or above' : 'below'} the required 2.90`],
    ]);
    expect(values.join(' ')).not.toMatch(/fail-under|✘|✔/);
  });

  it('a regression says by how much a score fell; the competencies that held share one line', () => {
    const report = {
      competencies: [
        { id: 'a', name: 'Alpha' },
        { id: 'b', name: 'Beta' },
      ],
      stages: [],
      gates: [
        { gate: 'no-regression', subject: 'overall', target: 2.91, actual: 2.61, passed: false },
        { gate: 'no-regression', subject: 'a', target: 2, actual: 2.25, passed: true },
        { gate: 'no-regression', subject: 'b', target: 3, actual: 3, passed: true },
      ],
    } as unknown as Report;
    expect(gateOutcomes(report)).toEqual([
      [false, 'Overall score fell 0.30 since the baseline (2.91 → 2.61)'],
      [true, 'No competency score fell since the baseline'],
    ]);
    const fell = { ...report, gates: [{ gate: 'no-regression', subject: 'b', target: 3, actual: 2.5, passed: false }, { gate: 'no-regression', subject: 'overall', target: 2, actual: 2.1, passed: true }] } as Report;
    expect(gateOutcomes(fell)).toEqual([
      [false, 'Beta score fell 0.50 since the baseline (3.00 → 2.50)'],
      [true, 'Overall score rose 0.10 since the baseline (2.00 → 2.10)'],
    ]);
  });
});
