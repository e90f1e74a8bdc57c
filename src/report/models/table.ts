import { Chalk } from 'chalk';
import { fitTable, type FitColumn } from '../fit.js';
import { terminalSafe } from '../escape/terminal.js';
import type { ModelListFormatter } from './format.js';

const COLUMNS: FitColumn[] = [
  { head: 'Model', key: true },
  { head: 'Name' },
  { head: 'Version' },
  { head: 'Stages' },
  { head: 'Competencies', align: 'right' },
  { head: 'Indicators', align: 'right' },
];

/** The models for a terminal, one row each, fitting options.width (fit.ts); every text made inert (terminalSafe). */
export const formatModelListTable: ModelListFormatter = (raw, options) => {
  const paint = new Chalk({ level: options.color ? 1 : 0 });
  const models = terminalSafe(raw);
  const rows = models.map((model) => [model.reference, model.name, model.version, model.stages.join(' → '), String(model.competencies), String(model.indicators)]);
  const newest = models.filter((model) => model.newest).map((model) => `${model.id} names the newest version, ${model.reference}.`);
  return `${fitTable(COLUMNS, rows, { width: options.width, head: (title) => paint.bold(title) })}\n${newest.map((line) => `${line}\n`).join('')}`;
};
