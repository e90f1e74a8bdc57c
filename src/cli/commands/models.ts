import { Command, Option } from 'commander';
import Table from 'cli-table3';
import { COMPACT } from '../../report/table-style.js';
import { terminalSafe } from '../../report/escape/terminal.js';
import { builtinModelIds } from '../../read/builtin-models.js';
import { loadModel } from '../../pipeline/load-model.js';
import { writeOutput } from '../../write/output.js';
import type { Io } from '../io.js';
import { indicatorCount } from '../../core/model-facts.js';

export function modelsCommand(io: Io): Command {
  return new Command('models')
    .description('list the built-in maturity models')
    .addOption(new Option('-f, --format <format>', 'output format').choices(['table', 'json']).default('table'))
    .action(async (options: { format: 'table' | 'json' }) => {
      const rows = [];
      for (const id of builtinModelIds()) {
        const { model } = await loadModel(id);
        rows.push({
          id: model.id,
          name: model.name,
          version: model.version,
          stages: model.stages.map((stage) => stage.name),
          competencies: model.competencies.length,
          indicators: indicatorCount(model),
        });
      }
      if (options.format === 'json') {
        await writeOutput(`${JSON.stringify(rows, null, 2)}\n`, undefined, io.stdout);
        return;
      }
      const table = new Table({ head: ['Id', 'Name', 'Version', 'Stages', 'Competencies', 'Indicators'], style: { head: [], border: [] }, chars: COMPACT });
      for (const row of terminalSafe(rows)) table.push([row.id, row.name, row.version, row.stages.join(' → '), row.competencies, row.indicators]);
      await writeOutput(`${table.toString()}\n`, undefined, io.stdout);
    });
}
