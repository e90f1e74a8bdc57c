import type { Chalk } from 'chalk';
import type { Locale } from '../../locale/locale.js';
import type { Report } from '../../schema/report.js';
import { inline } from '../escape/markdown.js';
import { escapeHtml as e } from '../escape/html.js';
import { fitTable, wrapLines, type FitColumn } from '../fit.js';
import { aggregateText, type AnswerLabels } from '../text.js';
import { actionDue, actionFlags, actionMeta, actionOwner, actionStatus, onTrackText, phaseText, planHeadline, progressCells, progressHeadings, shownActions, targetText } from '../plan-text.js';

// The plan's part of each report for one organisation (`score --plan`): per competency and
// overall where it stands against the plan, then the actions to look at.

/** The rows of the progress table: each competency, then overall. */
function progressRows(locale: Locale, report: Report): [name: string, cells: string[]][] {
  const plan = report.plan!;
  return [
    ...plan.competencies.map((subject) => [subject.name, progressCells(locale, report, subject)] as [string, string[]]),
    [locale.t('report.overallRow', { aggregate: aggregateText(locale, report) }), progressCells(locale, report, plan.overall)],
  ];
}

/** The heading of the actions listed: those of the phase due next, or every open one. */
function actionsHeading(locale: Locale, plan: NonNullable<Report['plan']>): string {
  return plan.phase === null ? locale.t('report.plan.openActions') : locale.t('report.plan.actions', { phase: phaseText(locale, plan, plan.phase) });
}

/** The terminal table's plan section; the report is already made inert by the table format. */
export function planTableLines(locale: Locale, report: Report, paint: InstanceType<typeof Chalk>, width: number, labels: AnswerLabels): string[] {
  const plan = report.plan;
  if (plan === undefined) return [];
  const lines = ['', paint.bold(locale.t('report.plan.title')), ...wrapLines(planHeadline(locale, plan), width)];
  const columns: FitColumn[] = [
    { head: locale.t('report.column.competency'), key: true },
    ...progressHeadings(locale).map((head, index): FitColumn => ({ head, ...(index === 0 || index === 3 ? { align: 'right' as const } : {}) })),
  ];
  const behind = onTrackText(locale, false);
  const rows = progressRows(locale, report).map(([name, cells]) => [name, ...cells.map((cell, index) => (index === 6 && cell === behind ? paint.red(cell) : cell))]);
  lines.push(fitTable(columns, rows, { width, head: (title) => paint.bold(title) }));
  const actions = shownActions(plan);
  if (actions.length > 0) {
    lines.push('', paint.bold(actionsHeading(locale, plan)));
    for (const action of actions) {
      lines.push(...wrapLines(`${action.text ?? action.indicator} ${paint.dim(`[${action.indicator}]`)}`, width, '  • '));
      lines.push(...wrapLines(paint.dim(`${actionMeta(locale, action)}${action.phase === plan.phase ? '' : ` · ${action.phase}`}`), width, '    '));
      for (const flag of actionFlags(locale, action, labels)) lines.push(...wrapLines(paint.red(`! ${flag}`), width, '    '));
    }
  }
  return lines;
}

/** The markdown report's plan section. */
export function planMarkdownLines(locale: Locale, report: Report, labels: AnswerLabels): string[] {
  const plan = report.plan;
  if (plan === undefined) return [];
  const lines = ['', `## ${locale.t('report.plan.title')}`, '', inline(planHeadline(locale, plan)), ''];
  lines.push(`| ${[locale.t('report.column.competency'), ...progressHeadings(locale)].join(' | ')} |`, `| --- | ---: | --- | --- | ---: | ---: | ---: | --- |`);
  // Scores and percentages are written as they are, as in the report's other tables; stage names are the model's text.
  const cell = (text: string) => (/^-?\d+([.,]\d+)?(\u202f?%)?$/.test(text) ? text : inline(text));
  for (const [name, cells] of progressRows(locale, report)) lines.push(`| ${inline(name)} | ${cells.map(cell).join(' | ')} |`);
  const actions = shownActions(plan);
  if (actions.length > 0) {
    lines.push('', `### ${inline(actionsHeading(locale, plan))}`, '');
    for (const action of actions) {
      const flags = actionFlags(locale, action, labels).map((flag) => ` **${inline(flag)}**`).join('');
      const facts = `${inline(actionMeta(locale, action))}${action.phase === plan.phase ? '' : ` · ${inline(action.phase)}`}${flags}`;
      lines.push(`- ${locale.t('report.markdown.item', { text: inline(action.text ?? action.indicator), id: `\`${action.indicator}\``, facts })}`);
      if (action.note) lines.push(`  - ${locale.t('report.step.note', { note: inline(action.note) })}`);
    }
  }
  return lines;
}

/**
 * The HTML report's plan section: where each competency stands against the plan, then the
 * roadmap, one column per phase with its targets and its actions (owner, due date, status).
 */
export function planHtmlSection(locale: Locale, report: Report): string {
  const plan = report.plan;
  if (plan === undefined) return '';
  const head = [locale.t('report.column.competency'), ...progressHeadings(locale)].map((title) => `<th scope="col">${e(title)}</th>`).join('');
  const behind = onTrackText(locale, false);
  const rows = progressRows(locale, report).map(([name, cells]) => `<tr><th scope="row">${e(name)}</th>${cells.map((cell, index) => `<td${index === 6 && cell === behind ? ' class="behind"' : ''}>${e(cell)}</td>`).join('')}</tr>`);
  const names = new Map([...report.competencies.map((competency) => [competency.id, competency.name] as const), ['overall', locale.t('report.overall')] as const]);
  const columns = plan.phases.map((phase) => {
    const targets = Object.entries(phase.targets).map(([subject, target]) => `<li>${locale.t('report.plan.target', { subject: e(names.get(subject) ?? subject), target: `<strong>${e(targetText(locale, report, target))}</strong>` })}</li>`);
    const actions = plan.actions
      .filter((action) => action.phase === phase.id)
      .map((action) => {
        const flags = [...(action.stale === true ? [locale.t('report.plan.flag.overdue')] : []), ...(action.doneBelowThreshold === true ? [locale.t('report.plan.flag.doneBelow')] : [])];
        const flagged = flags.length > 0 ? ` <span class="action-flag">${e(flags.join(', '))}</span>` : '';
        return `<li class="action status-${e(action.status)}"><span class="step-text">${e(action.text ?? action.indicator)}</span>
<span class="step-meta"><code>${e(action.indicator)}</code> · ${e(actionOwner(locale, action))} · ${e(actionDue(locale, action))} · <span class="status">${e(actionStatus(locale, action.status))}</span>${flagged}</span>${action.note ? `<span class="note">${e(action.note)}</span>` : ''}</li>`;
      });
    const next = phase.id === plan.phase ? ' phase-next' : '';
    const by = locale.t(phase.id === plan.phase ? 'report.plan.byDueNext' : 'report.plan.by', { date: e(locale.date(phase.by)) });
    return `<div class="phase${next}">
<h3>${e(phase.name ?? phase.id)}</h3>
<p class="phase-by">${by}</p>
${targets.length > 0 ? `<ul class="phase-targets">${targets.join('')}</ul>` : ''}
<ol class="phase-actions">
${actions.join('\n')}
</ol>
</div>`;
  });
  return `<section class="plan-section" aria-labelledby="plan-title">
<h2 id="plan-title">${e(locale.t('report.plan.title'))}</h2>
<p class="lead">${e(planHeadline(locale, plan))}</p>
<table class="plan-progress">
<thead><tr>${head}</tr></thead>
<tbody>
${rows.join('\n')}
</tbody>
</table>
<div class="roadmap-phases">
${columns.join('\n')}
</div>
</section>
`;
}
