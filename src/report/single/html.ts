import { basedOnRespondents } from '../respondents.js';
import { scoreDelta } from '../../core/compare.js';
import { gateFailureText } from '../../core/gates.js';
import { completeness, DRAFT_BELOW, topPriorities } from '../../core/summary.js';
import type { Locale } from '../../locale/locale.js';
import { staleIds } from '../../core/stale.js';
import type { CompetencyResult, GateResult, IndicatorResult, NextStep, Report } from '../../schema/report.js';
import { ENGLISH } from '../../locale/english.js';
import { reportLocale, type FormatOptions, type Formatter } from './format.js';
import { escapeHtml as e } from '../escape/html.js';
import { pageHead } from '../html-page.js';
import { httpsLink } from '../escape/url.js';
import { bars } from './html/bars.js';
import { consensusSection } from './html/consensus.js';
import { radar, type RadarSeries } from './html/radar.js';
import { DETAIL_STYLE, PLAN_STYLE, STYLE } from './html/style.js';
import { planHtmlSection } from './plan.js';
import { actionStatus } from '../plan-text.js';
import {
  aggregateText,
  answerLabels,
  answerText,
  type AnswerLabels,
  baselineLine,
  blockedByText,
  changeText,
  contextText,
  deltaText,
  effortOwnerText,
  hasAnswerDetails,
  hasStepDetails,
  indicatorAnswerText,
  notInContext,
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
 * The report as one self-contained HTML page for people: a header, a one-page summary (overall
 * stage and score, completeness, the profile chart and the three next steps of largest gain),
 * the stage grid, the roadmap and every answer; inline CSS and SVG, no script, nothing loaded
 * from anywhere. Every text from the model or the answers is escaped. The roadmap always lists
 * every next step: a printed page has no `--all`. The answers are printed only when asked for.
 */
export const formatHtml: Formatter = (report, options) => {
  const locale = reportLocale(options);
  const labels = answerLabels(locale, options.model);
  const title = `${report.organisation} — ${report.model.name}`;
  // The styles of criteria, key and stale marks and evidence only when the report has them: a
  // report of a model without them is the page it always was.
  const style = withCurrentMark(locale, `${STYLE}${hasStepDetails(report) || hasAnswerDetails(report) ? DETAIL_STYLE : ''}${report.plan ? PLAN_STYLE : ''}`);
  return `${pageHead(locale.language, title, style)}<div class="page">
${header(locale, report, options)}
<main>
${summary(locale, report, options)}
${stageGrid(locale, report)}
${roadmap(locale, report, labels)}
${planHtmlSection(locale, report)}${consensusSection(report, options)}${answers(locale, report, options.printAnswers === true, labels)}
</main>
${footer(locale, report)}
</div>
</body>
</html>
`;
};

/** The stylesheet's one text, the mark after the current stage in the grid (` · current`), in the report's language. */
const CURRENT_MARK = 'content: " · current";';

function withCurrentMark(locale: Locale, style: string): string {
  const mark = ` · ${locale.t('report.html.grid.currentMark')}`.replace(/["\\]/g, (character) => `\\${character}`).replace(/\n/g, '\\A ');
  return style.replace(CURRENT_MARK, `content: "${mark}";`);
}

function header(locale: Locale, report: Report, options: FormatOptions): string {
  const meta: [string, string][] = [[locale.t('report.html.meta.model'), `${report.model.name} ${report.model.version} (${report.model.id})`]];
  const context = contextText(locale, report);
  if (context !== null) meta.push([locale.t('report.html.meta.context'), context]);
  if (report.date) meta.push([locale.t('report.html.meta.date'), locale.date(report.date)]);
  if (report.assessor) meta.push([locale.t('report.html.meta.assessor'), report.assessor]);
  const respondents = basedOnRespondents(report, options.locale);
  if (respondents !== null) meta.push([options.locale!.t('team.report.consensusTerm'), respondents]);
  const stale = staleText(locale, report);
  if (stale !== null) meta.push([locale.t('report.html.meta.stale'), stale]);
  const since = baselineLine(locale, report);
  if (since) meta.push([locale.t('report.html.meta.compared'), since]);
  for (const [passed, text] of gateOutcomes(report, locale)) meta.push([passed ? locale.t('report.html.meta.gatePassed') : locale.t('report.html.meta.gateFailed'), text]);
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
export function gateOutcomes(report: Report, locale: Locale = ENGLISH): [passed: boolean, text: string][] {
  const gates = report.gates ?? [];
  const lines: [boolean, string][] = [];
  for (const gate of gates) {
    if (gate.gate === 'no-regression' && gate.subject !== 'overall' && gate.passed) continue;
    if (gate.gate === 'no-stale' && gate.passed) continue;
    lines.push([gate.passed, gateText(locale, report, gate)]);
  }
  const held = gates.filter((gate) => gate.gate === 'no-regression' && gate.subject !== 'overall');
  if (held.length > 0 && held.every((gate) => gate.passed)) lines.push([true, locale.t('report.html.gate.noneFell')]);
  const fresh = gates.filter((gate) => gate.gate === 'no-stale');
  if (fresh.length > 0 && fresh.every((gate) => gate.passed)) lines.push([true, locale.t('report.html.gate.noneStale', staleValues(locale, report))]);
  return lines;
}

/** The date before which answers are stale and the `--stale-after` that set it, as the gates' lines name them. */
function staleValues(locale: Locale, report: Report): { date: string; after: string } {
  const before = report.stale?.checkedBefore;
  return { date: before === undefined || before === null ? '' : locale.date(before), after: report.stale?.after ?? '' };
}

function gateText(locale: Locale, report: Report, gate: GateResult): string {
  const subject = gate.subject === 'overall' ? locale.t('report.overall') : (report.competencies.find((competency) => competency.id === gate.subject)?.name ?? gate.subject);
  if (gate.gate === 'no-stale') return locale.t('report.html.gate.stale', { subject, count: gate.actual, ...staleValues(locale, report) });
  const actual = locale.score(gate.actual);
  const target = locale.score(gate.target);
  if (gate.gate === 'behind-plan') return gate.passed ? locale.t('report.html.gate.onPlan', { subject, date: gate.by === undefined ? '' : locale.date(gate.by), actual }) : gateFailureText(gate, report, locale);
  if (gate.gate === 'stale-action') {
    if (!gate.passed) return gateFailureText(gate, report, locale);
    return locale.t('report.html.gate.actionDone', { indicator: gate.indicator ?? '', date: gate.due === undefined ? '' : locale.date(gate.due), status: gate.status === undefined ? '' : actionStatus(locale, gate.status) });
  }
  if (gate.gate === 'no-regression') {
    const change = scoreDelta(gate.actual, gate.target);
    if (change < 0) return locale.t('report.html.gate.fell', { subject, change: locale.decimal((-change).toFixed(2)), before: target, actual });
    return change > 0 ? locale.t('report.html.gate.rose', { subject, change: locale.decimal(change.toFixed(2)), before: target, actual }) : locale.t('report.html.gate.unchanged', { subject, actual });
  }
  const stage = Number.isInteger(gate.target) ? report.stages.find((candidate) => candidate.level === gate.target) : undefined;
  if (stage) {
    return gate.passed ? locale.t('report.html.gate.stageMet', { subject, stage: stage.name, actual }) : locale.t('report.html.gate.stageMissed', { subject, stage: stage.name, actual, target });
  }
  return gate.passed ? locale.t('report.html.gate.scoreMet', { subject, actual, target }) : locale.t('report.html.gate.scoreMissed', { subject, actual, target });
}

/**
 * The first printed page: where the organisation stands (overall stage, score, how much is
 * answered, marked as a draft below 80%), its profile, and the three next steps that would
 * raise the overall score most.
 */
function summary(locale: Locale, report: Report, options: FormatOptions): string {
  const { overall } = report;
  const stages = report.stages.length;
  const answered = completeness(report);
  const unanswered = answered.total - answered.answered;
  const draft = answered.draft
    ? `<p class="draft-mark"><strong>${e(locale.t('report.html.draft.title'))}</strong> ${e(locale.t('report.html.draft.text', { share: locale.percent(answered.share), finished: locale.percent(DRAFT_BELOW) }))}</p>`
    : '';
  const change = report.baseline ? `<span class="figure-note">${e(locale.t('report.html.sinceBaseline', { delta: deltaText(locale, overall.delta) }))}</span>` : '';
  const counted = unanswered > 0 ? locale.t('report.html.answeredNoteUnanswered', { answered: answered.answered, total: answered.total, unanswered }) : locale.t('report.html.answeredNote', { answered: answered.answered, total: answered.total });
  return `<section class="summary-section" aria-labelledby="summary-title">
<h2 id="summary-title">${e(locale.t('report.html.summary'))}</h2>
${draft}
<div class="figures">
<div class="figure-box"><span class="figure-label">${e(locale.t('report.html.overallStage'))}</span><span class="figure-value stage">${e(overall.stageName)}</span><span class="figure-note">${e(locale.t('report.html.levelNote', { level: overall.level, stages, aggregate: aggregateText(locale, report) }))}</span></div>
<div class="figure-box"><span class="figure-label">${e(locale.t('report.html.score'))}</span><span class="figure-value">${locale.t('report.html.scoreOf', { score: `<strong>${e(locale.score(overall.score))}</strong>`, stages })}</span>${change}</div>
<div class="figure-box${answered.draft ? ' figure-draft' : ''}"><span class="figure-label">${e(locale.t('report.html.answered'))}</span><span class="figure-value"><strong>${e(locale.percent(answered.share))}</strong>${answered.draft ? ` <span class="draft-tag">${e(locale.t('report.html.draft.tag'))}</span>` : ''}</span><span class="figure-note">${e(counted)}</span></div>
</div>
${profile(locale, report)}
${priorities(locale, report, options)}
</section>`;
}

/** The radar chart's series: the organisation's scores and, with --baseline, the earlier ones. */
export function radarSeries(locale: Locale, report: Report): RadarSeries[] {
  const series: RadarSeries[] = [
    { name: report.date ? `${report.organisation}, ${locale.date(report.date)}` : report.organisation, values: report.competencies.map((c) => c.score), kind: 'current' },
  ];
  // A baseline is drawn only when it scored every competency shown: a polygon with a made-up
  // corner (after --allow-model-change) would misstate the past; the table still shows what it has.
  const before = report.competencies.map((c) => report.baseline?.competencies.find((item) => item.id === c.id)?.score);
  if (report.baseline && before.every((score) => score !== undefined)) {
    const name = report.baseline.date ? locale.t('report.html.series.baselineDated', { date: locale.date(report.baseline.date) }) : locale.t('report.html.series.baseline');
    series.push({ name, values: before as number[], kind: 'baseline' });
  }
  // The plan's goal, where it sets a target for every competency shown (else its polygon would invent a corner).
  const goal = report.plan?.competencies.map((subject) => subject.target);
  if (goal !== undefined && goal.every((target) => target !== null)) {
    series.push({ name: locale.t('report.html.series.goal', { date: locale.date(report.plan!.phases.at(-1)!.by) }), values: goal as number[], kind: 'target' });
  }
  return series;
}

function profile(locale: Locale, report: Report): string {
  const description = locale.t('report.html.chart.description', {
    stages: report.stages.length,
    first: stageName(report, report.stages[0]!.id),
    last: report.stages.at(-1)!.name,
    scores: report.competencies.map((c) => locale.t('report.html.chart.score', { name: c.name, score: locale.score(c.score), stage: c.stageName })).join(locale.t('report.html.chart.separator')),
  });
  const draw = report.competencies.length >= RADAR_MIN_COMPETENCIES ? radar : bars;
  const chart = draw(
    report.competencies.map((c) => ({ label: c.name })),
    radarSeries(locale, report),
    { rings: report.stages.map((stage) => stage.name), title: locale.t('report.html.chart.title', { organisation: report.organisation }), description },
  );
  const compared = report.baseline !== undefined;
  const change = (id: string, stage: string, delta: number | null | undefined) => (compared ? `<td>${e(changeText(locale, report, id, stage, delta))}</td>` : '');
  const rows = report.competencies.map(
    (c) =>
      `<tr><th scope="row">${e(c.name)}</th><td>${e(c.stageName)}</td><td class="num">${e(locale.score(c.score))}${scoreBar(c.score, report.stages.length)}</td>${change(c.id, c.stage, c.delta)}</tr>`,
  );
  const lead = draw === radar ? locale.t('report.html.profile.radarLead', { score: locale.score(2.5) }) : locale.t('report.html.profile.barsLead', { score: locale.score(2.5) });
  const column = (key: 'competency' | 'stage' | 'change') => e(locale.t(`report.column.${key}`));
  return `<div class="profile-part">
<h3 id="profile-title">${e(locale.t('report.html.profile.title'))}</h3>
<p class="lead">${e(lead)}</p>
<div class="profile${compared ? ' profile-compared' : ''}">
<figure>
${chart}
<figcaption>${e(locale.t('report.html.profile.caption', { stages: report.stages.length }))}</figcaption>
</figure>
<table class="scores">
<caption class="visually-hidden">${e(locale.t('report.html.profile.tableCaption'))}</caption>
<thead><tr><th scope="col">${column('competency')}</th><th scope="col">${column('stage')}</th><th scope="col" class="num">${e(locale.t('report.column.score'))}</th>${compared ? `<th scope="col">${column('change')}</th>` : ''}</tr></thead>
<tbody>
${rows.join('\n')}
<tr class="total"><th scope="row">${e(locale.t('report.overallRow', { aggregate: aggregateText(locale, report) }))}</th><td>${e(report.overall.stageName)}</td><td class="num">${e(locale.score(report.overall.score))}${scoreBar(report.overall.score, report.stages.length)}</td>${change('overall', report.overall.stage, report.overall.delta)}</tr>
</tbody>
</table>
</div>
</div>`;
}

/** The three next steps of largest gain across competencies (see topPriorities), or, without the model, the first step of the three weakest. */
function priorities(locale: Locale, report: Report, options: FormatOptions): string {
  const ranked = options.model
    ? topPriorities(options.model, report, SUMMARY_STEPS).map((priority) => ({
        competency: report.competencies.find((c) => c.id === priority.competency)!,
        step: priority.step,
        gain: locale.t('report.html.priorities.gain', {
          overall: `+${locale.score(priority.overallGain)}`,
          competency: priority.competencyName,
          gain: `+${locale.score(priority.competencyGain)}`,
        }),
      }))
    : weakestFirst(report)
        .slice(0, SUMMARY_STEPS)
        .map((competency) => ({ competency, step: competency.next[0]!, gain: null }));
  const lead = options.model ? locale.t('report.html.priorities.leadRanked') : locale.t('report.html.priorities.leadWeakest');
  const body =
    ranked.length === 0
      ? `<p>${e(locale.t('report.html.allInPlace'))}</p>`
      : `<ol class="priorities">
${ranked.map(({ competency, step, gain }) => priorityItem(locale, report, competency, step, gain, answerLabels(locale, options.model))).join('\n')}
</ol>`;
  return `<div class="priorities-part">
<h3 id="priorities-title">${e(ranked.length === SUMMARY_STEPS ? locale.t('report.html.priorities.three') : locale.t('report.html.priorities.title'))}</h3>
<p class="lead">${e(lead)}</p>
${body}
</div>`;
}

function priorityItem(locale: Locale, report: Report, competency: CompetencyResult, step: NextStep, gain: string | null, labels: AnswerLabels): string {
  const advice = step.advice ? `<span class="advice">${e(step.advice)}</span>` : '';
  const rise = gain === null ? '' : ` · <span class="gain">${e(gain)}</span>`;
  return `<li>${keyMark(locale, step)}<span class="step-text">${e(step.text)}</span>
<span class="step-meta">${e(competency.name)} → ${e(stageName(report, step.stage))} · ${answerMeta(locale, step.answer, labels)}${rise}</span>${advice}</li>`;
}

/** "answer <span class="answer">partly</span>": a step's answer in its meta line, the answer marked up. */
function answerMeta(locale: Locale, answer: string | null, labels: AnswerLabels): string {
  return locale.t('report.html.answer', { answer: `<span class="answer">${e(answerText(locale, answer, labels))}</span>` });
}

/** "KEY" before a key indicator's text: a must-have of its stage. */
function keyMark(locale: Locale, step: NextStep): string {
  return step.key === true ? `<span class="key-mark">${e(locale.t('report.html.keyMark'))}</span> ` : '';
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


function cellState(report: Report, competency: CompetencyResult, level: number, attainment: number): CellState {
  if (level <= competency.level || attainment >= report.threshold - TOLERANCE) return 'met';
  return attainment > 0 ? 'partly' : 'none';
}

function stageGrid(locale: Locale, report: Report): string {
  const [first, ...rest] = report.stages;
  const states: Record<CellState, string> = { met: e(locale.t('report.html.grid.met')), partly: e(locale.t('report.html.grid.partly')), none: e(locale.t('report.html.grid.none')) };
  const head = report.stages.map((stage) => `<th scope="col">${e(stage.name)}</th>`).join('');
  const currentStage = e(locale.t('report.html.grid.current'));
  const rows = report.competencies.map((c) => {
    const current = (level: number) => (level === c.level ? ' cell-current' : '');
    const currentText = (level: number) => (level === c.level ? `<span class="visually-hidden"> (${currentStage})</span>` : '');
    const start = `<td><span class="cell cell-met${current(1)}"><span class="pct">${e(locale.t('report.html.grid.start'))}</span><span class="state">${states.met}</span>${currentText(1)}</span></td>`;
    const cells = rest.map((stage) => {
      const attainment = c.attainment[stage.id] ?? 0;
      const state = cellState(report, c, stage.level, attainment);
      return `<td><span class="cell cell-${state}${current(stage.level)}"><span class="pct">${e(locale.percent(attainment))}</span><span class="state">${states[state]}</span>${currentText(stage.level)}</span></td>`;
    });
    return `<tr><th scope="row">${e(c.name)}</th>${start}${cells.join('')}</tr>`;
  });
  return `<section class="grid-section" aria-labelledby="grid-title">
<h2 id="grid-title">${e(locale.t('report.html.grid.title'))}</h2>
<p class="lead">${locale.t('report.html.grid.lead', { threshold: e(locale.percent(report.threshold)), first: e(first!.name) })}</p>
<table class="grid">
<caption class="visually-hidden">${e(locale.t('report.html.grid.caption'))}</caption>
<thead><tr><th scope="col">${e(locale.t('report.column.competency'))}</th>${head}</tr></thead>
<tbody>
${rows.join('\n')}
</tbody>
</table>
<ul class="legend-row" aria-label="${e(locale.t('report.html.grid.legend'))}">
<li><span class="cell cell-met"></span>${e(locale.t('report.html.grid.legendMet', { threshold: locale.percent(report.threshold) }))}</li>
<li><span class="cell cell-partly"></span>${e(locale.t('report.html.grid.legendPartly', { zero: locale.percent(0), threshold: locale.percent(report.threshold) }))}</li>
<li><span class="cell cell-none"></span>${e(locale.t('report.html.grid.legendNone', { zero: locale.percent(0) }))}</li>
<li><span class="cell cell-none cell-current"></span>${e(locale.t('report.html.grid.legendCurrent'))}</li>
</ul>
</section>`;
}

function roadmap(locale: Locale, report: Report, labels: AnswerLabels): string {
  const ordered = weakestFirst(report);
  const stale = staleIds(report);
  const body = ordered.length === 0 ? `<p>${e(locale.t('report.html.allInPlace'))}</p>` : ordered.map((c) => roadmapItem(locale, report, c, stale, labels)).join('\n');
  return `<section class="roadmap-section" aria-labelledby="roadmap-title">
<h2 id="roadmap-title">${e(locale.t('report.nextSteps'))}</h2>
<p class="lead">${e(locale.t('report.html.roadmap.lead'))}</p>
${body}
</section>`;
}

function roadmapItem(locale: Locale, report: Report, c: CompetencyResult, stale: ReadonlySet<string>, labels: AnswerLabels): string {
  const target = c.nextStage!;
  const steps = c.next.map((step) => {
    const note = step.note ? `<span class="note">${e(locale.t('report.step.note', { note: step.note }))}</span>` : '';
    const advice = step.advice ? `<span class="advice">${e(step.advice)}</span>` : '';
    const effort = effortOwnerText(locale, step);
    const staleMark = stale.has(step.id) ? ` <span class="stale-mark">${e(locale.t('report.stale.mark'))}</span>` : '';
    return `<li>${keyMark(locale, step)}<span class="step-text">${e(step.text)}</span>
<span class="step-meta"><code>${e(step.id)}</code> · ${answerMeta(locale, step.answer, labels)}${staleMark}${effort === null ? '' : ` · ${e(effort)}`}</span>${note}${stepDetails(locale, step)}${advice}</li>`;
  });
  const blocked = blockedByText(locale, report, c);
  const progress = locale.t('report.html.roadmap.progress', {
    stage: c.stageName,
    score: locale.score(c.score),
    target: stageName(report, target),
    attained: locale.percent(c.attainment[target] ?? 0),
    threshold: locale.percent(report.threshold),
  });
  return `<article class="roadmap-item">
<h3>${e(c.name)} <span class="target">→ ${e(stageName(report, target))}</span></h3>
<p class="progress">${e(progress)}</p>${blocked === null ? '' : `\n<p class="blocked">${e(blocked)}</p>`}
<ol class="steps">
${steps.join('\n')}
</ol>
</article>`;
}

/** What the model says of a next step: the criteria, as a list, and what to check. */
function stepDetails(locale: Locale, step: NextStep): string {
  const criteria =
    step.criteria === undefined ? '' : `<div class="criteria"><span class="detail-label">${e(locale.t('report.step.doneWhen'))}</span><ul>${step.criteria.map((criterion) => `<li>${e(criterion)}</li>`).join('')}</ul></div>`;
  const check = step.evidencePrompt === undefined ? '' : `<span class="check"><span class="detail-label">${e(locale.t('report.html.checkLabel'))}</span> ${e(step.evidencePrompt)}</span>`;
  return `${criteria}${check}`;
}

/**
 * Every answer, folded on screen; printed only when asked for (`--print-answers`). When the
 * answers carry them, two more columns: the date each was checked (marked when stale) and its
 * evidence, each item a link only when it is an https URL.
 */
function answers(locale: Locale, report: Report, print: boolean, labels: AnswerLabels): string {
  const details = hasAnswerDetails(report);
  const stale = staleIds(report);
  const columns = details ? 6 : 4;
  const groups = report.competencies.map((c) => {
    const rows = c.indicators.map(
      (indicator) =>
        `<tr><td><code>${e(indicator.id)}</code><br>${e(indicator.text)}</td><td>${e(stageName(report, indicator.stage))}</td><td>${answerCell(locale, indicator, labels)}</td>${details ? `<td>${checkedCell(locale, indicator, stale)}</td><td>${evidenceCell(indicator)}</td>` : ''}<td>${indicator.note ? e(indicator.note) : ''}</td></tr>`,
    );
    return `<tr><th scope="colgroup" colspan="${columns}" class="group">${e(c.name)}</th></tr>\n${rows.join('\n')}`;
  });
  const column = (key: 'indicator' | 'stage' | 'answer' | 'checked' | 'evidence' | 'note') => `<th scope="col">${e(locale.t(`report.column.${key}`))}</th>`;
  const extra = details ? `${column('checked')}${column('evidence')}` : '';
  return `<section class="answers-section${print ? '' : ' screen-only'}" aria-labelledby="answers-title">
<details>
<summary id="answers-title">${e(locale.t('report.html.allAnswers', { answered: report.completeness.answered, total: report.completeness.total }))}</summary>
<table class="answers${details ? ' answers-details' : ''}">
<thead><tr>${column('indicator')}${column('stage')}${column('answer')}${extra}${column('note')}</tr></thead>
<tbody>
${groups.join('\n')}
</tbody>
</table>
</details>
</section>`;
}

/** The answer, or `not applicable in this context`, set apart from an assessor's `n/a`, for an indicator outside the context. */
function answerCell(locale: Locale, indicator: IndicatorResult, labels: AnswerLabels): string {
  return indicator.applicable === false ? `<span class="answer answer-context">${e(notInContext(locale))}</span>` : `<span class="answer">${e(indicatorAnswerText(locale, indicator, labels))}</span>`;
}

function checkedCell(locale: Locale, indicator: IndicatorResult, stale: ReadonlySet<string>): string {
  if (indicator.checked === undefined) return '';
  return `${e(locale.date(indicator.checked))}${stale.has(indicator.id) ? ` <span class="stale-mark">${e(locale.t('report.stale.mark'))}</span>` : ''}`;
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

function footer(locale: Locale, report: Report): string {
  return `<footer>
<p>${locale.t('report.html.footer', { model: e(report.model.name), version: e(report.model.version), threshold: e(locale.percent(report.threshold)) })}</p>
</footer>`;
}
