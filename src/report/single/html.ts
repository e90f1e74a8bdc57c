import { formatScore } from '../../core/truncate.js';
import type { CompetencyResult, Report } from '../../schema/report.js';
import type { Formatter } from './format.js';
import { escapeHtml as e } from '../escape/html.js';
import { radar, type RadarSeries } from './html/radar.js';
import { STYLE } from './html/style.js';
import { answerText, baselineLine, changeText, completenessText, gateLine, percent, stageName } from '../text.js';

/** Attainments this close below the threshold still meet it, as in scoring. */
const TOLERANCE = 1e-9;

/**
 * The only stylesheet the page may apply, by hash: with no script-src and default-src 'none',
 * the page can run no script and load nothing, even if some text escaped escaping.
 */
let csp: string | undefined;

/**
 * The page's Content-Security-Policy: styles only by the stylesheet's hash. Made on first use, and
 * node:crypto loaded only then, so that commands which never write HTML do not pay for it at start-up.
 */
function contentSecurityPolicy(): string {
  const { createHash } = process.getBuiltinModule('node:crypto');
  return (csp ??= `default-src 'none'; style-src 'sha256-${createHash('sha256').update(STYLE).digest('base64')}'; img-src 'none'; base-uri 'none'; form-action 'none'`);
}

/**
 * The report as one self-contained HTML page for people: a header, a radar chart of the
 * competencies, the stage grid, the roadmap and every answer; inline CSS and SVG, no script,
 * nothing loaded from anywhere. Every text from the model or the answers is escaped.
 * The roadmap always lists every next step: a printed page has no `--all`.
 */
export const formatHtml: Formatter = (report) => {
  const title = `${report.organisation} — ${report.model.name}`;
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${e(contentSecurityPolicy())}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="cm-maturity">
<title>${e(title)}</title>
<style>${STYLE}</style>
</head>
<body>
<div class="page">
${header(report)}
<main>
${profile(report)}
${stageGrid(report)}
${roadmap(report)}
${answers(report)}
</main>
${footer(report)}
</div>
</body>
</html>
`;
};

function header(report: Report): string {
  const { overall } = report;
  const meta: [string, string][] = [['Model', `${report.model.name} ${report.model.version} (${report.model.id})`]];
  if (report.date) meta.push(['Date', report.date]);
  if (report.assessor) meta.push(['Assessor', report.assessor]);
  const unanswered = report.completeness.unanswered.length;
  meta.push(['Answered', completenessText(report) + (unanswered > 0 ? `; ${unanswered} unanswered count as 0` : '')]);
  const since = baselineLine(report);
  if (since) meta.push(['Compared', since]);
  for (const gate of report.gates ?? []) meta.push([gate.passed ? 'Gate passed' : 'Gate failed', gateLine(gate)]);
  return `<header class="report-header">
<div>
<p class="eyebrow">${e(report.model.name)}</p>
<h1>${e(report.organisation)}</h1>
<dl class="meta">
${meta.map(([term, value]) => `<dt>${e(term)}</dt><dd>${e(value)}</dd>`).join('\n')}
</dl>
</div>
<div class="overall">
<p class="eyebrow">Overall stage</p>
<span class="stage">${e(overall.stageName)}</span>
<span class="score">score <strong>${e(formatScore(overall.score))}</strong> of ${report.stages.length}</span>
<span class="level">level ${overall.level} of ${report.stages.length} · ${e(report.aggregate)} of competencies</span>
</div>
</header>`;
}

/** The radar chart's series: the organisation's scores and, with --baseline, the earlier ones. */
export function radarSeries(report: Report): RadarSeries[] {
  const series: RadarSeries[] = [
    { name: report.date ? `${report.organisation}, ${report.date}` : report.organisation, values: report.competencies.map((c) => c.score), kind: 'current' },
  ];
  // A baseline is drawn only when it scored every competency shown: a polygon with a made-up
  // corner (after --allow-model-change) would misstate the past; the table still shows what it has.
  const before = report.competencies.map((c) => report.baseline?.competencies.find((item) => item.id === c.id)?.score);
  if (report.baseline && before.every((score) => score !== undefined)) {
    series.push({ name: report.baseline.date ? `Baseline, ${report.baseline.date}` : 'Baseline', values: before as number[], kind: 'baseline' });
  }
  return series;
}

function profile(report: Report): string {
  const description = `Score of each competency from 1 (${stageName(report, report.stages[0]!.id)}) to ${report.stages.length} (${report.stages.at(-1)!.name}): ${report.competencies
    .map((c) => `${c.name} ${formatScore(c.score)} (${c.stageName})`)
    .join('; ')}. The same scores are in the table next to the chart.`;
  const chart = radar(
    report.competencies.map((c) => ({ label: c.name })),
    radarSeries(report),
    { rings: report.stages.map((stage) => stage.name), title: `Maturity profile of ${report.organisation}`, description },
  );
  const compared = report.baseline !== undefined;
  const change = (id: string, stage: string, delta: number | null | undefined) => (compared ? `<td>${e(changeText(report, id, stage, delta))}</td>` : '');
  const rows = report.competencies.map(
    (c) =>
      `<tr><th scope="row">${e(c.name)}</th><td>${e(c.stageName)}</td><td class="num">${e(formatScore(c.score))}${scoreBar(c.score, report.stages.length)}</td>${change(c.id, c.stage, c.delta)}</tr>`,
  );
  return `<section class="profile-section" aria-labelledby="profile-title">
<h2 id="profile-title">Maturity profile</h2>
<p class="lead">Each axis is a competency; each ring is a stage reached. A score of 2.50 is halfway from the second stage to the third.</p>
<div class="profile">
<figure>
${chart}
<figcaption>Competency scores on a scale of 1 to ${report.stages.length}; the table gives the same figures.</figcaption>
</figure>
<table class="scores">
<caption class="visually-hidden">Stage and score of each competency</caption>
<thead><tr><th scope="col">Competency</th><th scope="col">Stage</th><th scope="col" class="num">Score</th>${compared ? '<th scope="col">Change</th>' : ''}</tr></thead>
<tbody>
${rows.join('\n')}
<tr class="total"><th scope="row">Overall (${e(report.aggregate)})</th><td>${e(report.overall.stageName)}</td><td class="num">${e(formatScore(report.overall.score))}${scoreBar(report.overall.score, report.stages.length)}</td>${change('overall', report.overall.stage, report.overall.delta)}</tr>
</tbody>
</table>
</div>
</section>`;
}

/** A small bar from the first stage (empty) to the top stage (full); decoration next to the number. */
function scoreBar(score: number, stages: number): string {
  const width = Math.round(((score - 1) / (stages - 1)) * 1000) / 10;
  return `<svg class="scorebar" viewBox="0 0 100 8" preserveAspectRatio="none" aria-hidden="true"><rect class="track" width="100" height="8" rx="2"/><rect class="fill" width="${width}" height="8" rx="2"/></svg>`;
}

type CellState = 'met' | 'partly' | 'none';

const STATE_TEXT: Record<CellState, string> = { met: 'met', partly: 'partly', none: 'not met' };

function cellState(report: Report, competency: CompetencyResult, level: number, attainment: number): CellState {
  if (level <= competency.level || attainment >= report.threshold - TOLERANCE) return 'met';
  return attainment > 0 ? 'partly' : 'none';
}

function stageGrid(report: Report): string {
  const [first, ...rest] = report.stages;
  const head = report.stages.map((stage) => `<th scope="col">${e(stage.name)}</th>`).join('');
  const rows = report.competencies.map((c) => {
    const current = (level: number) => (level === c.level ? ' cell-current' : '');
    const currentText = (level: number) => (level === c.level ? '<span class="visually-hidden"> (current stage)</span>' : '');
    const start = `<td><span class="cell cell-met${current(1)}"><span class="pct">start</span><span class="state">met</span>${currentText(1)}</span></td>`;
    const cells = rest.map((stage) => {
      const attainment = c.attainment[stage.id] ?? 0;
      const state = cellState(report, c, stage.level, attainment);
      return `<td><span class="cell cell-${state}${current(stage.level)}"><span class="pct">${e(percent(attainment))}</span><span class="state">${STATE_TEXT[state]}</span>${currentText(stage.level)}</span></td>`;
    });
    return `<tr><th scope="row">${e(c.name)}</th>${start}${cells.join('')}</tr>`;
  });
  return `<section class="grid-section" aria-labelledby="grid-title">
<h2 id="grid-title">Stage grid</h2>
<p class="lead">How far each competency meets each stage's indicators. A stage is met at ${e(percent(report.threshold))}; ${e(first!.name)} is where every competency starts. The outlined cell is the competency's current stage.</p>
<table class="grid">
<caption class="visually-hidden">Attainment of each stage by competency, with the current stage marked</caption>
<thead><tr><th scope="col">Competency</th>${head}</tr></thead>
<tbody>
${rows.join('\n')}
</tbody>
</table>
<ul class="legend-row" aria-label="Legend">
<li><span class="cell cell-met"></span>met: at least ${e(percent(report.threshold))}</li>
<li><span class="cell cell-partly"></span>partly: above 0%, below ${e(percent(report.threshold))}</li>
<li><span class="cell cell-none"></span>not met: 0%</li>
<li><span class="cell cell-none cell-current"></span>outlined: current stage</li>
</ul>
</section>`;
}

function roadmap(report: Report): string {
  // Weakest first; model order breaks ties so the page is stable.
  const ordered = report.competencies
    .map((competency, order) => ({ competency, order }))
    .filter(({ competency }) => competency.next.length > 0)
    .sort((a, b) => a.competency.score - b.competency.score || a.order - b.order)
    .map(({ competency }) => competency);
  const body =
    ordered.length === 0
      ? '<p>Every competency is at the top stage or has all its next-stage indicators fully in place.</p>'
      : ordered.map((c) => roadmapItem(report, c)).join('\n');
  return `<section class="roadmap-section" aria-labelledby="roadmap-title">
<h2 id="roadmap-title">Next steps</h2>
<p class="lead">For each competency, weakest first, the indicators of its next stage that are not yet fully in place, the largest gain first.</p>
${body}
</section>`;
}

function roadmapItem(report: Report, c: CompetencyResult): string {
  const target = c.nextStage!;
  const steps = c.next.map((step) => {
    const note = step.note ? `<span class="note">Note: ${e(step.note)}</span>` : '';
    const advice = step.advice ? `<span class="advice">${e(step.advice)}</span>` : '';
    return `<li><span class="step-text">${e(step.text)}</span>
<span class="step-meta"><code>${e(step.id)}</code> · answer <span class="answer">${e(answerText(step.answer))}</span></span>${note}${advice}</li>`;
  });
  return `<article class="roadmap-item">
<h3>${e(c.name)} <span class="target">→ ${e(stageName(report, target))}</span></h3>
<p class="progress">Now ${e(c.stageName)}, score ${e(formatScore(c.score))}; ${e(stageName(report, target))} reached ${e(percent(c.attainment[target] ?? 0))} of the ${e(percent(report.threshold))} needed.</p>
<ol class="steps">
${steps.join('\n')}
</ol>
</article>`;
}

function answers(report: Report): string {
  const groups = report.competencies.map((c) => {
    const rows = c.indicators.map(
      (indicator) =>
        `<tr><td><code>${e(indicator.id)}</code><br>${e(indicator.text)}</td><td>${e(stageName(report, indicator.stage))}</td><td><span class="answer">${e(answerText(indicator.answer))}</span></td><td>${indicator.note ? e(indicator.note) : ''}</td></tr>`,
    );
    return `<tr><th scope="colgroup" colspan="4" class="group">${e(c.name)}</th></tr>\n${rows.join('\n')}`;
  });
  return `<section class="answers-section" aria-labelledby="answers-title">
<details>
<summary id="answers-title">All answers (${report.completeness.answered} of ${report.completeness.total} indicators answered)</summary>
<table class="answers">
<thead><tr><th scope="col">Indicator</th><th scope="col">Stage</th><th scope="col">Answer</th><th scope="col">Note</th></tr></thead>
<tbody>
${groups.join('\n')}
</tbody>
</table>
</details>
</section>`;
}

function footer(report: Report): string {
  return `<footer>
<p>Scored by cm-maturity against ${e(report.model.name)} ${e(report.model.version)}. A stage is met when its indicators reach ${e(percent(report.threshold))} on average; a competency's score is its stage plus the progress towards the next one. Unanswered indicators count as 0.</p>
</footer>`;
}
