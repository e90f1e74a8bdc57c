import { ENGLISH } from '../../locale/english.js';
import { csvText } from '../escape/csv.js';
import { actionFlags } from '../plan-text.js';
import type { PortfolioFormatter } from './format.js';

/**
 * The actions of the plan (`score --plan`) as CSV (RFC 4180, or the dialect of `--excel`), for
 * project tools: one row per action, in the plan's order, with the organisation, the phase and the
 * day it is due, the indicator, its competency and text, owner, due date, status, the indicator's
 * answer today, what needs attention (overdue, done while below the threshold) and the note.
 */
export const formatPortfolioCsvActions: PortfolioFormatter = (entries, { csv }) => {
  const header = ['organisation', 'phase', 'phase_by', 'indicator', 'competency', 'text', 'owner', 'due', 'status', 'answer', 'attention', 'note'];
  const records = entries.flatMap(({ report }) => {
    const plan = report.plan;
    if (plan === undefined) return [];
    const by = new Map(plan.phases.map((phase) => [phase.id, phase.by]));
    return plan.actions.map((action) => [
      report.organisation,
      action.phase,
      by.get(action.phase) ?? '',
      action.indicator,
      action.competency ?? '',
      action.text ?? '',
      action.owner ?? '',
      action.due ?? '',
      action.status,
      action.answer ?? '',
      actionFlags(ENGLISH, action).join('; '),
      action.note ?? '',
    ]);
  });
  return csvText([header, ...records], csv);
};
