import { basedOnRespondents } from '../respondents.js';
import { scoreDelta } from '../../core/compare.js';
import { gateFailureText } from '../../core/gates.js';
import { completeness, DRAFT_BELOW, topPriorities } from '../../core/summary.js';
import { formatScore } from '../../core/truncate.js';
import { staleIds } from '../../core/stale.js';
import type { CompetencyResult, GateResult, IndicatorResult, NextStep, Report } from '../../schema/report.js';
import type { FormatOptions, Formatter } from './format.js';
import { escapeHtml as e } from '../escape/html.js';
import { httpsLink } from '../escape/url.js';
import { bars } from './html/bars.js';
import { consensusSection } from './html/consensus.js';
import { radar, type RadarSeries } from './html/radar.js';
import { DETAIL_STYLE, PLAN_STYLE, STYLE } from './html/style.js';
import { planHtmlSection } from './plan.js';
import {
  answerText,
  baselineLine,
  blockedByText,
  changeText,
  contextText,
  deltaText,
  effortOwnerText,
  hasAnswerDetails,
  hasStepDetails,
  indicatorAnswerText,
  NOT_IN_CONTEXT,
  percent,
  stageName,
  staleText,
} from '../text.js';

/** A radar chart needs three axes to enclose an area; fewer competencies are drawn as bars. */
export const RADAR_MIN_COMPETENCIES = 3;

/** How many next steps the summary puts first. */
const SUMMARY_STEPS = 3;

/** Attainments this close below the threshold still meet it, as in scoring. */
const TOLERANCE = 1e-9;

/**
 * The policy of each stylesheet a page may have (with or without DETAIL_STYLE and PLAN_STYLE), which lets it
 * apply that stylesheet only, by hash: with no script-src and default-src 'none', the page can run
 * no script and load nothing, even if some text escaped escaping.
 */
const policies = new Map<string, string>();

/**
 * The page's Content-Security-Policy: styles only by the stylesheet's hash. Made on first use, and
 * node:crypto loaded only then, so that commands which never write HTML do not pay for it at start-up.
 */
function contentSecurityPolicy(style: string): string {
  let policy = policies.get(style);
  if (policy === undefined) {
    const { createHash } = process.getBuiltinModule('node:crypto');
    policy = `default-src 'none'; style-src 'sha256-${createHash('sha256').update(style).digest('base64')}'; img-src 'none'; base-uri 'none'; form-action 'none'`;
    policies.set(style, policy);
  }
  return policy;
}

/**
 * The report as one self-contained HTML page for people: a header, a one-page summary (overall
 * stage and score, completeness, the profile chart and the three next steps of largest gain),
 * the stage grid, the roadmap and every answer; inline CSS and SVG, no script, nothing loaded
 * from anywhere. Every text from the model or the answers is escaped. The roadmap always lists
 * every next step: a printed page has no `--all`. The answers are printed only when asked for.
 */
export const formatHtml: Formatter = (report, options) => {
  const title = `${report.organisation} — ${report.model.name}`;
  // The styles of criteria, key and stale marks and evidence only when the report has them: a
  // report of a model without them is the page it always was.
  const style = `${STYLE}${hasStepDetails(report) || hasAnswerDetails(report) ? DETAIL_STYLE : ''}${report.plan ? PLAN_STYLE : ''}`;
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${e(contentSecurityPolicy(style))}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="cm-maturity">
<title>${e(title)}</title>
<style>${style}</style>
</head>
<body>
<div class="page">
${header(report, options)}
<main>
${summary(report, options)}
${stageGrid(report)}
${roadmap(report)}
${planHtmlSection(report)}${consensusSection(report, options)}${answers(report, options.printAnswers === true)}
</main>
${footer(report)}
</div>
</body>
</html>
`;
};

function header(report: Report, options: FormatOptions): string {
  const meta: [string, string][] = [['Model', `${report.model.name} ${report.model.version} (${report.model.id})`]];
  const context = contextText(report);
  if (context !== null) meta.push(['Context', context]);
  if (report.date) meta.push(['Date', report.date]);
  if (report.assessor) meta.push(['Assessor', report.assessor]);
  const respondents = basedOnRespondents(report, options.locale);
  if (respondents !== null) meta.push([options.locale!.t('team.report.consensusTerm'), respondents]);
  const stale = staleText(report);
  if (stale !== null) meta.push(['Stale answers', stale]);
  const since = baselineLine(report);
  if (since) meta.push(['Compared', since]);
  for (const [passed, text] of gateOutcomes(report)) meta.push([passed ? 'Gate passed' : 'Gate failed', text]);
  return `<header class="report-header">
<p class="eyebrow">${e(report.model.name)}</p>
<h1>${e(report.organisation)}</h1>
<dl class="meta">
${meta.map(([term, value]) => `<dt>${e(term)}</dt><dd>${e(value)}</dd>`).join('\n')}
</dl>
</header>`;
}

/**
 * The gates' outcomes in plain words, one line each: a floor names the stage it stands for
 * ("Overall stage below the required ‘Community’"), a regression says by how much a score fell.
 * Competencies that did not fall since the baseline share one line; so do competencies without
 * stale answers.
 */
export function gateOutcomes(report: Report): [passed: boolean, text: string][] {
  const gates = report.gates ?? [];
  const lines: [boolean, string][] = [];
  for (const gate of gates) {
    if (gate.gate === 'no-regression' && gate.subject !== 'overall' && gate.passed) continue;
    if (gate.gate === 'no-stale' && gate.passed) continue;
    lines.push([gate.passed, gateText(report, gate)]);
  }
  const held = gates.filter((gate) => gate.gate === 'no-regression' && gate.subject !== 'overall');
  if (held.length > 0 && held.every((gate) => gate.passed)) lines.push([true, 'No competency score fell since the baseline']);
  const fresh = gates.filter((gate) => gate.gate === 'no-stale');
  if (fresh.length > 0 && fresh.every((gate) => gate.passed)) lines.push([true, `No answer was checked before ${report.stale?.checkedBefore ?? ''} (--stale-after ${report.stale?.after ?? ''})`]);
  return lines;
}

function gateText(report: Report, gate: GateResult): string {
  const subject = gate.subject === 'overall' ? 'Overall' : (report.competencies.find((competency) => competency.id === gate.subject)?.name ?? gate.subject);
  if (gate.gate === 'no-stale') {
    const answers = gate.actual === 1 ? 'answer' : 'answers';
    return `${subject}: ${gate.actual} ${answers} checked before ${report.stale?.checkedBefore ?? ''} (--stale-after ${report.stale?.after ?? ''})`;
  }
  const actual = formatScore(gate.actual);
  const target = formatScore(gate.target);
  if (gate.gate === 'behind-plan') return gate.passed ? `${subject} meets the plan's target of ${gate.by ?? ''} (score ${actual})` : gateFailureText(gate, report);
  if (gate.gate === 'stale-action') return gate.passed ? `The action on ${gate.indicator ?? ''} due ${gate.due ?? ''} is ${gate.status ?? ''}` : gateFailureText(gate, report);
  if (gate.gate === 'no-regression') {
    const change = scoreDelta(gate.actual, gate.target);
    const path = `${target} → ${actual}`;
    if (change < 0) return `${subject} score fell ${(-change).toFixed(2)} since the baseline (${path})`;
    return change > 0 ? `${subject} score rose ${change.toFixed(2)} since the baseline (${path})` : `${subject} score unchanged since the baseline (${actual})`;
  }
  const stage = Number.isInteger(gate.target) ? report.stages.find((candidate) => candidate.level === gate.target) : undefined;
  if (stage) {
    return gate.passed
      ? `${subject} stage at or above the required ‘${stage.name}’ (score ${actual})`
      : `${subject} stage below the required ‘${stage.name}’ (score ${actual}, needs ${target})`;
  }
  return gate.passed ? `${subject} score ${actual}, at or above the required ${target}` : `${subject} score ${actual}, below the required ${target}`;
}

/**
 * The first printed page: where the organisation stands (overall stage, score, how much is
 * answered, marked as a draft below 80%), its profile, and the three next steps that would
 * raise the overall score most.
 */
function summary(report: Report, options: FormatOptions): string {
  const { overall } = report;
  const stages = report.stages.length;
  const answered = completeness(report);
  const unanswered = answered.total - answered.answered;
  const draft = answered.draft
    ? `<p class="draft-mark"><strong>Draft</strong> Only ${e(percent(answered.share))} of the indicators are answered (a finished assessment answers at least ${e(percent(DRAFT_BELOW))}); unanswered indicators count as 0, so these scores are provisional.</p>`
    : '';
  const change = report.baseline ? `<span class="figure-note">${e(deltaText(overall.delta))} since the baseline</span>` : '';
  return `<section class="summary-section" aria-labelledby="summary-title">
<h2 id="summary-title">Summary</h2>
${draft}
<div class="figures">
<div class="figure-box"><span class="figure-label">Overall stage</span><span class="figure-value stage">${e(overall.stageName)}</span><span class="figure-note">level ${overall.level} of ${stages} · ${e(report.aggregate)} of competencies</span></div>
<div class="figure-box"><span class="figure-label">Score</span><span class="figure-value"><strong>${e(formatScore(overall.score))}</strong> of ${stages}</span>${change}</div>
<div class="figure-box${answered.draft ? ' figure-draft' : ''}"><span class="figure-label">Answered</span><span class="figure-value"><strong>${e(percent(answered.share))}</strong>${answered.draft ? ' <span class="draft-tag">draft</span>' : ''}</span><span class="figure-note">${answered.answered} of ${answered.total} indicators${unanswered > 0 ? `; ${unanswered} unanswered count as 0` : ''}</span></div>
</div>
${profile(report)}
${priorities(report, options)}
</section>`;
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
  // The plan's goal, where it sets a target for every competency shown (else its polygon would invent a corner).
  const goal = report.plan?.competencies.map((subject) => subject.target);
  if (goal !== undefined && goal.every((target) => target !== null)) series.push({ name: `Plan goal, ${report.plan!.phases.at(-1)!.by}`, values: goal as number[], kind: 'target' });
  return series;
}

function profile(report: Report): string {
  const description = `Score of each competency from 1 (${stageName(report, report.stages[0]!.id)}) to ${report.stages.length} (${report.stages.at(-1)!.name}): ${report.competencies
    .map((c) => `${c.name} ${formatScore(c.score)} (${c.stageName})`)
    .join('; ')}. The same scores are in the table next to the chart.`;
  const draw = report.competencies.length >= RADAR_MIN_COMPETENCIES ? radar : bars;
  const chart = draw(
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
  const lead =
    draw === radar
      ? 'Each axis is a competency; each ring is a stage reached. A score of 2.50 is halfway from the second stage to the third.'
      : 'Each bar is a competency, from the first stage to its score; the bands are the stages. A score of 2.50 is halfway from the second stage to the third.';
  return `<div class="profile-part">
<h3 id="profile-title">Maturity profile</h3>
<p class="lead">${lead}</p>
<div class="profile${compared ? ' profile-compared' : ''}">
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
</div>`;
}

/** The three next steps of largest gain across competencies (see topPriorities), or, without the model, the first step of the three weakest. */
function priorities(report: Report, options: FormatOptions): string {
  const ranked = options.model
    ? topPriorities(options.model, report, SUMMARY_STEPS).map((priority) => ({
        competency: report.competencies.find((c) => c.id === priority.competency)!,
        step: priority.step,
        gain: `overall score +${formatScore(priority.overallGain)}, ${priority.competencyName} +${formatScore(priority.competencyGain)}`,
      }))
    : weakestFirst(report)
        .slice(0, SUMMARY_STEPS)
        .map((competency) => ({ competency, step: competency.next[0]!, gain: null }));
  const lead = options.model
    ? 'The next steps that would raise the overall score most: each figure is the rise if that one indicator alone were fully in place.'
    : 'The first next step of each of the weakest competencies.';
  const body =
    ranked.length === 0
      ? '<p>Every competency is at the top stage or has all its next-stage indicators fully in place.</p>'
      : `<ol class="priorities">
${ranked.map(({ competency, step, gain }) => priorityItem(report, competency, step, gain)).join('\n')}
</ol>`;
  return `<div class="priorities-part">
<h3 id="priorities-title">${ranked.length === SUMMARY_STEPS ? 'Three priorities' : 'Priorities'}</h3>
<p class="lead">${lead}</p>
${body}
</div>`;
}

function priorityItem(report: Report, competency: CompetencyResult, step: NextStep, gain: string | null): string {
  const advice = step.advice ? `<span class="advice">${e(step.advice)}</span>` : '';
  const rise = gain === null ? '' : ` · <span class="gain">${e(gain)}</span>`;
  return `<li>${keyMark(step)}<span class="step-text">${e(step.text)}</span>
<span class="step-meta">${e(competency.name)} → ${e(stageName(report, step.stage))} · answer <span class="answer">${e(answerText(step.answer))}</span>${rise}</span>${advice}</li>`;
}

/** "KEY" before a key indicator's text: a must-have of its stage. */
function keyMark(step: NextStep): string {
  return step.key === true ? '<span class="key-mark">key</span> ' : '';
}

/** Competencies with next steps, weakest (lowest score) first; model order breaks ties so the page is stable. */
function weakestFirst(report: Report): CompetencyResult[] {
  return report.competencies
    .map((competency, order) => ({ competency, order }))
    .filter(({ competency }) => competency.next.length > 0)
    .sort((a, b) => a.competency.score - b.competency.score || a.order - b.order)
    .map(({ competency }) => competency);
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
  const ordered = weakestFirst(report);
  const stale = staleIds(report);
  const body =
    ordered.length === 0
      ? '<p>Every competency is at the top stage or has all its next-stage indicators fully in place.</p>'
      : ordered.map((c) => roadmapItem(report, c, stale)).join('\n');
  return `<section class="roadmap-section" aria-labelledby="roadmap-title">
<h2 id="roadmap-title">Next steps</h2>
<p class="lead">For each competency, weakest first, the indicators of its next stage that are not yet fully in place, the largest gain first.</p>
${body}
</section>`;
}

function roadmapItem(report: Report, c: CompetencyResult, stale: ReadonlySet<string>): string {
  const target = c.nextStage!;
  const steps = c.next.map((step) => {
    const note = step.note ? `<span class="note">Note: ${e(step.note)}</span>` : '';
    const advice = step.advice ? `<span class="advice">${e(step.advice)}</span>` : '';
    const effort = effortOwnerText(step);
    const staleMark = stale.has(step.id) ? ' <span class="stale-mark">stale</span>' : '';
    return `<li>${keyMark(step)}<span class="step-text">${e(step.text)}</span>
<span class="step-meta"><code>${e(step.id)}</code> · answer <span class="answer">${e(answerText(step.answer))}</span>${staleMark}${effort === null ? '' : ` · ${e(effort)}`}</span>${note}${stepDetails(step)}${advice}</li>`;
  });
  const blocked = blockedByText(report, c);
  return `<article class="roadmap-item">
<h3>${e(c.name)} <span class="target">→ ${e(stageName(report, target))}</span></h3>
<p class="progress">Now ${e(c.stageName)}, score ${e(formatScore(c.score))}; ${e(stageName(report, target))} reached ${e(percent(c.attainment[target] ?? 0))} of the ${e(percent(report.threshold))} needed.</p>${blocked === null ? '' : `\n<p class="blocked">${e(blocked)}</p>`}
<ol class="steps">
${steps.join('\n')}
</ol>
</article>`;
}

/** What the model says of a next step: the criteria, as a list, and what to check. */
function stepDetails(step: NextStep): string {
  const criteria = step.criteria === undefined ? '' : `<div class="criteria"><span class="detail-label">Done when:</span><ul>${step.criteria.map((criterion) => `<li>${e(criterion)}</li>`).join('')}</ul></div>`;
  const check = step.evidencePrompt === undefined ? '' : `<span class="check"><span class="detail-label">Check:</span> ${e(step.evidencePrompt)}</span>`;
  return `${criteria}${check}`;
}

/**
 * Every answer, folded on screen; printed only when asked for (`--print-answers`). When the
 * answers carry them, two more columns: the date each was checked (marked when stale) and its
 * evidence, each item a link only when it is an https URL.
 */
function answers(report: Report, print: boolean): string {
  const details = hasAnswerDetails(report);
  const stale = staleIds(report);
  const columns = details ? 6 : 4;
  const groups = report.competencies.map((c) => {
    const rows = c.indicators.map(
      (indicator) =>
        `<tr><td><code>${e(indicator.id)}</code><br>${e(indicator.text)}</td><td>${e(stageName(report, indicator.stage))}</td><td>${answerCell(indicator)}</td>${details ? `<td>${checkedCell(indicator, stale)}</td><td>${evidenceCell(indicator)}</td>` : ''}<td>${indicator.note ? e(indicator.note) : ''}</td></tr>`,
    );
    return `<tr><th scope="colgroup" colspan="${columns}" class="group">${e(c.name)}</th></tr>\n${rows.join('\n')}`;
  });
  const extra = details ? '<th scope="col">Checked</th><th scope="col">Evidence</th>' : '';
  return `<section class="answers-section${print ? '' : ' screen-only'}" aria-labelledby="answers-title">
<details>
<summary id="answers-title">All answers (${report.completeness.answered} of ${report.completeness.total} indicators answered)</summary>
<table class="answers${details ? ' answers-details' : ''}">
<thead><tr><th scope="col">Indicator</th><th scope="col">Stage</th><th scope="col">Answer</th>${extra}<th scope="col">Note</th></tr></thead>
<tbody>
${groups.join('\n')}
</tbody>
</table>
</details>
</section>`;
}

/** The answer, or `not applicable in this context`, set apart from an assessor's `n/a`, for an indicator outside the context. */
function answerCell(indicator: IndicatorResult): string {
  return indicator.applicable === false ? `<span class="answer answer-context">${e(NOT_IN_CONTEXT)}</span>` : `<span class="answer">${e(indicatorAnswerText(indicator))}</span>`;
}

function checkedCell(indicator: IndicatorResult, stale: ReadonlySet<string>): string {
  if (indicator.checked === undefined) return '';
  return `${e(indicator.checked)}${stale.has(indicator.id) ? ' <span class="stale-mark">stale</span>' : ''}`;
}

/** The evidence as a list; an item that is one whole https URL is a link (httpsLink), anything else text. */
function evidenceCell(indicator: IndicatorResult): string {
  if (indicator.evidence === undefined) return '';
  const items = indicator.evidence.map((item) => {
    const href = httpsLink(item);
    return `<li>${href === null ? e(item) : `<a href="${e(href)}" rel="noreferrer">${e(item)}</a>`}</li>`;
  });
  return `<ul class="evidence">${items.join('')}</ul>`;
}

function footer(report: Report): string {
  return `<footer>
<p>Scored by cm-maturity against ${e(report.model.name)} ${e(report.model.version)}. A stage is met when its indicators reach ${e(percent(report.threshold))} on average; a competency's score is its stage plus the progress towards the next one. Unanswered indicators count as 0.</p>
</footer>`;
}
