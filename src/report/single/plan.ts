import type { Chalk } from 'chalk';
import type { Report } from '../../schema/report.js';
import { inline } from '../escape/markdown.js';
import { escapeHtml as e } from '../escape/html.js';
import { fitTable, wrapLines, type FitColumn } from '../fit.js';
import { actionFlags, actionMeta, phaseText, planHeadline, PROGRESS_HEADINGS, progressCells, shownActions, targetText } from '../plan-text.js';

// The plan's part of each report for one organisation (`score --plan`): per competency and
// overall where it stands against the plan, then the actions to look at.

/** The rows of the progress table: each competency, then overall. */
function progressRows(report: Report): [name: string, cells: string[]][] {
  const plan = report.plan!;
  return [...plan.competencies.map((subject) => [subject.name, progressCells(report, subject)] as [string, string[]]), [`Overall (${report.aggregate})`, progressCells(report, plan.overall)]];
}

/** The terminal table's plan section; the report is already made inert by the table format. */
export function planTableLines(report: Report, paint: InstanceType<typeof Chalk>, width: number): string[] {
  const plan = report.plan;
  if (plan === undefined) return [];
  const lines = ['', paint.bold('Plan'), ...wrapLines(planHeadline(plan), width)];
  const columns: FitColumn[] = [{ head: 'Competency', key: true }, ...PROGRESS_HEADINGS.map((head, index): FitColumn => ({ head, ...(index === 0 || index === 3 ? { align: 'right' as const } : {}) }))];
  const rows = progressRows(report).map(([name, cells]) => [name, ...cells.map((cell, index) => (index === 6 && cell === 'behind' ? paint.red(cell) : cell))]);
  lines.push(fitTable(columns, rows, { width, head: (title) => paint.bold(title) }));
  const actions = shownActions(plan);
  if (actions.length > 0) {
    lines.push('', paint.bold(plan.phase === null ? 'Open actions' : `Actions (${phaseText(plan, plan.phase)})`));
    for (const action of actions) {
      lines.push(...wrapLines(`${action.text ?? action.indicator} ${paint.dim(`[${action.indicator}]`)}`, width, '  • '));
      lines.push(...wrapLines(paint.dim(`${actionMeta(action)}${action.phase === plan.phase ? '' : ` · ${action.phase}`}`), width, '    '));
      for (const flag of actionFlags(action)) lines.push(...wrapLines(paint.red(`! ${flag}`), width, '    '));
    }
  }
  return lines;
}

/** The markdown report's plan section. */
export function planMarkdownLines(report: Report): string[] {
  const plan = report.plan;
  if (plan === undefined) return [];
  const lines = ['', '## Plan', '', inline(planHeadline(plan)), ''];
  lines.push(`| Competency | ${PROGRESS_HEADINGS.join(' | ')} |`, `| --- | ---: | --- | --- | ---: | ---: | ---: | --- |`);
  // Scores and percentages are written as they are, as in the report's other tables; stage names are the model's text.
  const cell = (text: string) => (/^-?\d+(\.\d+)?%?$/.test(text) ? text : inline(text));
  for (const [name, cells] of progressRows(report)) lines.push(`| ${inline(name)} | ${cells.map(cell).join(' | ')} |`);
  const actions = shownActions(plan);
  if (actions.length > 0) {
    lines.push('', `### ${inline(plan.phase === null ? 'Open actions' : `Actions (${phaseText(plan, plan.phase)})`)}`, '');
    for (const action of actions) {
      const flags = actionFlags(action).map((flag) => ` **${inline(flag)}**`).join('');
      lines.push(`- ${inline(action.text ?? action.indicator)} (\`${action.indicator}\`): ${inline(actionMeta(action))}${action.phase === plan.phase ? '' : ` · ${inline(action.phase)}`}${flags}`);
      if (action.note) lines.push(`  - Note: ${inline(action.note)}`);
    }
  }
  return lines;
}

/**
 * The HTML report's plan section: where each competency stands against the plan, then the
 * roadmap, one column per phase with its targets and its actions (owner, due date, status).
 */
export function planHtmlSection(report: Report): string {
  const plan = report.plan;
  if (plan === undefined) return '';
  const head = ['Competency', ...PROGRESS_HEADINGS].map((title) => `<th scope="col">${e(title)}</th>`).join('');
  const rows = progressRows(report).map(([name, cells]) => `<tr><th scope="row">${e(name)}</th>${cells.map((cell) => `<td${cell === 'behind' ? ' class="behind"' : ''}>${e(cell)}</td>`).join('')}</tr>`);
  const names = new Map([...report.competencies.map((competency) => [competency.id, competency.name] as const), ['overall', 'Overall'] as const]);
  const columns = plan.phases.map((phase) => {
    const targets = Object.entries(phase.targets).map(([subject, target]) => `<li>${e(names.get(subject) ?? subject)}: <strong>${e(targetText(report, target))}</strong></li>`);
    const actions = plan.actions
      .filter((action) => action.phase === phase.id)
      .map((action) => {
        const flags = [...(action.stale === true ? ['overdue'] : []), ...(action.doneBelowThreshold === true ? ['done, still below'] : [])];
        const flagged = flags.length > 0 ? ` <span class="action-flag">${e(flags.join(', '))}</span>` : '';
        return `<li class="action status-${e(action.status)}"><span class="step-text">${e(action.text ?? action.indicator)}</span>
<span class="step-meta"><code>${e(action.indicator)}</code> · ${e(action.owner ?? 'no owner')} · ${e(action.due === null ? 'no due date' : `due ${action.due}`)} · <span class="status">${e(action.status)}</span>${flagged}</span>${action.note ? `<span class="note">${e(action.note)}</span>` : ''}</li>`;
      });
    const next = phase.id === plan.phase ? ' phase-next' : '';
    return `<div class="phase${next}">
<h3>${e(phase.name ?? phase.id)}</h3>
<p class="phase-by">by ${e(phase.by)}${phase.id === plan.phase ? ' · due next' : ''}</p>
${targets.length > 0 ? `<ul class="phase-targets">${targets.join('')}</ul>` : ''}
<ol class="phase-actions">
${actions.join('\n')}
</ol>
</div>`;
  });
  return `<section class="plan-section" aria-labelledby="plan-title">
<h2 id="plan-title">Plan</h2>
<p class="lead">${e(planHeadline(plan))}</p>
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
