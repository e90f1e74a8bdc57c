import { Command, Option } from 'commander';
import { addToPool, benchmark, organisationEntry, poolColumns, poolModel, type OrganisationEntry, type PoolColumns, type PoolModel } from '../../core/benchmark.js';
import { fileDiagnostic, UserError } from '../../errors.js';
import { eachFile } from '../../pipeline/each-file.js';
import { fileScoring } from '../../pipeline/score-file.js';
import { outputWidth, parseWidth, WIDTH_HELP, type Io } from '../io.js';
import { collect, extensionsOf, notAFormatOf, outputTargets } from '../options.js';
import { keepHeapNearLive } from '../heap.js';
import { expandInputs } from '../../read/inputs.js';
import { benchmarkFormats, type BenchmarkFormatName } from '../../report/benchmark/index.js';
import { colorFor, refuseInputsAsOutputs, writeOutputs } from '../../write/output.js';
import { modelFileOf } from '../../pipeline/load-model.js';

interface BenchmarkOptions {
  org?: string;
  model?: string;
  format?: BenchmarkFormatName;
  output?: string[];
  color: boolean;
  width?: number;
}

export function benchmarkCommand(io: Io): Command {
  return new Command('benchmark')
    .description('compare a pool of assessments: score distributions and stage shares per competency, and where one organisation stands')
    .argument('<answers...>', 'answers files, folders (every *.yaml/*.yml inside) or quoted glob patterns')
    .option('--org <file>', "an organisation's answers file to place against the pool (percentile and gap per competency)")
    .option('-m, --model <id|path>', 'model for every file (default: each file\'s model:, else "community")')
    .addOption(new Option('-f, --format <format>', 'format of standard output and of -o files without a known extension (default: table)').choices(benchmarkFormats.names))
    .option('-o, --output <file>', `write to a file (atomically) instead of standard output, in the format its extension names (${extensionsOf(benchmarkFormats.names)}); repeatable; - is standard output`, collect)
    .option('--no-color', 'never colour the output')
    .option('--width <columns>', WIDTH_HELP, parseWidth)
    .addHelpText(
      'after',
      `
All assessments must use the same model (id and version). Quartiles use linear interpolation
between closest ranks (as numpy, R and PERCENTILE.INC do); an organisation's percentile is the
share of the pool scoring below it, ties counting half.

Examples:
  $ cm-maturity benchmark assessments/
  $ cm-maturity benchmark 'assessments/**/*.yaml' --org acme.yaml
  $ cm-maturity benchmark assessments/ --format csv -o benchmark.csv`,
    )
    .action(async (inputs: string[], options: BenchmarkOptions) => {
      keepHeapNearLive();
      const files = await expandInputs(inputs);
      refuseInputsAsOutputs(options.output, [...files, options.org, modelFileOf(options.model)]);
      const outputs = outputTargets({ output: options.output, format: options.format, names: benchmarkFormats.names, unavailable: notAFormatOf('benchmark', benchmarkFormats.names) });
      const score = fileScoring({ model: options.model }, () => io.stdin);
      let pool: PoolColumns | undefined;
      let model: { shape: PoolModel; file: string } | undefined;

      // Only a few numbers of each report are kept, so that very large pools fit in memory.
      const entry = async (file: string): Promise<OrganisationEntry> => {
        const { report } = await score(file);
        if (!model) model = { shape: poolModel(report), file };
        else if (report.model.id !== model.shape.model.id || report.model.version !== model.shape.model.version) {
          const expected = model.shape.model;
          throw new UserError([
            fileDiagnostic(file, 'model-mismatch', `uses model ${report.model.id} ${report.model.version}, but the pool uses ${expected.id} ${expected.version} (as in ${model.file}); a benchmark compares one model`),
          ]);
        }
        return organisationEntry(report);
      };

      const diagnostics = await eachFile(files, entry, (value) => addToPool((pool ??= poolColumns([], value.competencies.length)), value));
      let organisation: OrganisationEntry | undefined;
      if (options.org !== undefined) diagnostics.push(...(await eachFile([options.org], entry, (value) => (organisation = value))));
      // A benchmark over part of the pool would be silently wrong: any invalid file stops it.
      if (diagnostics.length > 0 || !model || !pool) throw new UserError(diagnostics);

      const result = benchmark(model.shape, pool, organisation);
      const rendered = [];
      for (const { path, format } of outputs) rendered.push({ path, text: (await benchmarkFormats.load(format))(result, { color: colorFor(format, options.color, path, io.stdout, io.env), width: outputWidth(io, path, options.width) }) });
      await writeOutputs(rendered, io.stdout);
    });
}
