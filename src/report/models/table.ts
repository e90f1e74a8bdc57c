import { Chalk } from 'chalk';
import { fitTable, type FitColumn } from '../fit.js';
import { terminalSafe } from '../escape/terminal.js';
import type { ModelListFormatter } from './format.js';

/** The models for a terminal, one row each, fitting options.width (fit.ts); every text made inert (terminalSafe). */
export const formatModelListTable: ModelListFormatter = (raw, options) => {
  const { locale } = options;
  const paint = new Chalk({ level: options.color ? 1 : 0 });
  const models = terminalSafe(raw);
  const columns: FitColumn[] = [
    { head: locale.t('reports.models.column.model'), key: true },
    { head: locale.t('reports.models.column.name') },
    { head: locale.t('reports.models.column.version') },
    { head: locale.t('reports.models.column.stages') },
    { head: locale.t('reports.models.column.competencies'), align: 'right' },
    { head: locale.t('reports.models.column.indicators'), align: 'right' },
  ];
  const rows = models.map((model) => [model.reference, model.name, model.version, model.stages.join(' → '), String(model.competencies), String(model.indicators)]);
  const newest = models.filter((model) => model.newest).map((model) => locale.t('reports.models.newest', { id: model.id, reference: model.reference }));
  return `${fitTable(columns, rows, { width: options.width, head: (title) => paint.bold(title) })}\n${newest.map((line) => `${line}\n`).join('')}`;
};
