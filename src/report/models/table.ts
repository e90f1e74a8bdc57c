import { Chalk } from 'chalk';
import Table from 'cli-table3';
import { COMPACT } from '../table-style.js';
import { terminalSafe } from '../escape/terminal.js';
import type { ModelListFormatter } from './format.js';

/** The models for a terminal, one row each; every text made inert (terminalSafe). */
export const formatModelListTable: ModelListFormatter = (raw, options) => {
  const paint = new Chalk({ level: options.color ? 1 : 0 });
  const head = ['Id', 'Name', 'Version', 'Stages', 'Competencies', 'Indicators'].map((title) => paint.bold(title));
  const table = new Table({ head, style: { head: [], border: [] }, chars: COMPACT });
  for (const model of terminalSafe(raw)) table.push([model.id, model.name, model.version, model.stages.join(' → '), model.competencies, model.indicators]);
  return `${table.toString()}\n`;
};
