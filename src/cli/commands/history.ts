import { Command, Option } from 'commander';
import { dirname } from 'node:path';
import { buildHistory, type HistoryEntry } from '../../core/history.js';
import { committedVersions } from '../../read/git-history.js';
import { loadResult, parseResult } from '../../pipeline/load-result.js';
import { fileDiagnostic, UserError } from '../../errors.js';
import { historyFormats, type HistoryFormatName } from '../../report/history/index.js';
import { colorFor, refuseInputsAsOutputs, writeOutputs } from '../../write/output.js';
import { modelFileOf } from '../../pipeline/load-model.js';
import { eachFile } from '../../pipeline/each-file.js';
import { warningLine } from '../../report/notices.js';
import { outputWidth, parseWidth, WIDTH_HELP, type Io } from '../io.js';
import { collect, extensionsOf, notAFormatOf, outputTargets } from '../options.js';

interface HistoryOptions {
  model?: string;
  git?: boolean;
  format?: HistoryFormatName;
  output?: string[];
  color: boolean;
  width?: number;
}

export function historyCommand(io: Io): Command {
  return new Command('history')
    .description("show an organisation's scores over time, from dated answers files or from every committed version of one")
    .argument('<answers...>', 'dated answers files or JSON reports of one organisation; with --git, the one answers file')
    .option('--git', "read every committed version of the answers file from its git repository (following renames); dated by its date:, else the commit date")
    .option('-m, --model <id|path>', 'score answers with this model (default: each file\'s model:, else "community")')
    .addOption(new Option('-f, --format <format>', 'format of standard output and of -o files without a known extension (default: table)').choices(historyFormats.names))
    .option('-o, --output <file>', `write to a file (atomically) instead of standard output, in the format its extension names (${extensionsOf(historyFormats.names)}); repeatable; - is standard output`, collect)
    .option('--no-color', 'never colour the output (NO_COLOR is honoured too)')
    .option('--width <columns>', WIDTH_HELP, parseWidth)
    .addHelpText(
      'after',
      `
Examples:
  $ cm-maturity history assessments/*.yaml
  $ cm-maturity history --git community/maturity.yaml
  $ cm-maturity history --git community/maturity.yaml --format csv -o maturity.csv`,
    )
    .action(async (inputs: string[], options: HistoryOptions) => {
      refuseInputsAsOutputs(options.output, [...inputs, modelFileOf(options.model)]);
      const outputs = outputTargets({ output: options.output, format: options.format, names: historyFormats.names, unavailable: notAFormatOf('history', historyFormats.names) });
      const entries = options.git ? await fromGit(inputs, options, io) : await fromFiles(inputs, options, io);
      const history = buildHistory(entries);
      if (Array.isArray(history)) {
        throw new UserError(history.map((problem) => fileDiagnostic(entries[problem.index]?.source ?? inputs[0] ?? '-', problem.code, problem.message)));
      }
      const rendered = [];
      for (const { path, format } of outputs) rendered.push({ path, text: (await historyFormats.load(format))(history, { color: colorFor(format, options.color, path, io.stdout, io.env), width: outputWidth(io, path, options.width) }) });
      await writeOutputs(rendered, io.stdout);
    });
}

/** Every file is loaded, and every error of every file reported at once. */
async function fromFiles(inputs: string[], options: HistoryOptions, io: Io): Promise<HistoryEntry[]> {
  const entries: HistoryEntry[] = [];
  const diagnostics = await eachFile(
    inputs,
    (input) => loadResult(input, { model: options.model, stdin: () => io.stdin }),
    ({ file, report }) => entries.push({ report, source: file, commit: null }),
  );
  if (diagnostics.length > 0) throw new UserError(diagnostics);
  return entries;
}

/**
 * The committed versions, newest first. A version that does not load (an old mistake, fixed
 * since) is skipped with a warning rather than blocking the whole history. Several commits with
 * the same date are one assessment being edited: the newest of them counts.
 */
async function fromGit(inputs: string[], options: HistoryOptions, io: Io): Promise<HistoryEntry[]> {
  if (inputs.length !== 1) throw new UserError(`--git takes one answers file, not ${inputs.length}`);
  const file = inputs[0]!;
  const entries: HistoryEntry[] = [];
  const dates = new Set<string>();
  for (const version of await committedVersions(file)) {
    let entry: HistoryEntry;
    try {
      const { report } = await parseResult(version.read(), { model: options.model, baseDir: dirname(file) });
      entry = { report, source: `${version.path}@${version.commit.slice(0, 7)}`, commit: version.commit, fallbackDate: version.date };
    } catch (error) {
      if (!(error instanceof UserError)) throw error;
      const first = error.diagnostics[0];
      await io.stderr.write(`${warningLine(`skipped ${version.path}@${version.commit.slice(0, 7)}: ${first ? `${first.line}:${first.column}: ${first.message}` : error.message}`)}\n`);
      continue;
    }
    const date = entry.report.date ?? version.date;
    if (dates.has(date)) continue;
    dates.add(date);
    entries.push(entry);
  }
  if (entries.length === 0) throw new UserError(`--git ${file}: no committed version could be read`);
  return entries;
}
