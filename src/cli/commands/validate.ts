import { Command, Option } from 'commander';
import { fileDiagnostic, UserError, sortDiagnostics, type Diagnostic } from '../../errors.js';
import { lintModel } from '../../core/lint-model.js';
import { assessmentFromYaml } from '../../pipeline/load-assessment.js';
import { toDiagnostics } from '../../parse/diagnostics.js';
import { documentKind } from '../../parse/document-kind.js';
import { expectMapping } from '../../parse/mapping.js';
import { modelFromYaml } from '../../parse/model.js';
import { readInput } from '../../read/text.js';
import { parseReport } from '../../parse/report.js';
import { parseYaml } from '../../parse/yaml.js';
import { useColor, writeOutput } from '../../write/output.js';
import { tryFile } from '../../pipeline/each-file.js';
import type { Io } from '../io.js';
import { diagnosticLines } from '../diagnostics.js';
import { indicatorCount } from '../../core/model-facts.js';
import { unansweredIndicators } from '../../core/assessment.js';
import { locatedWarning } from '../../report/notices.js';
import { validationFormats, type CheckedFile, type ValidationFormatName } from '../../report/validate/index.js';
import { STDIN_NAME } from '../../source.js';
import { InputRejected } from '../stop.js';

interface ValidateOptions {
  model?: string;
  strict?: boolean;
  format: ValidationFormatName;
  color: boolean;
}

interface Validated {
  ok?: string;
  warnings: Diagnostic[];
}

/** What a file was recognised as, known once it is parsed: an invalid file may still be of a kind. */
interface KindSeen {
  kind: CheckedFile['kind'];
}

export function validateCommand(io: Io): Command {
  return new Command('validate')
    .description('check model and answers files; each file is recognised as one or the other')
    .argument('<file...>', 'model or answers files (YAML); - reads standard input')
    .option('-m, --model <id|path>', 'model to check answers files against (default: each file\'s model:, else "community")')
    .option('--strict', 'treat warnings about weak models as errors')
    .addOption(new Option('-f, --format <format>', 'output format: text (ok lines; errors and warnings on standard error) or json (every file with its kind, errors and warnings, on standard output)').choices(validationFormats.names).default('text'))
    .option('--no-color', 'never colour the output (NO_COLOR is honoured too)')
    .addHelpText(
      'after',
      `
Examples:
  $ cm-maturity validate examples/*.yaml
  $ cm-maturity validate my-model.yaml answers.yaml --model my-model.yaml
  $ cm-maturity validate --strict my-model.yaml
  $ cm-maturity validate examples/*.yaml --format json > validation.json

Models are also checked for weaknesses, reported as warnings (file:line:col: warning: ...):
indicators without advice, competencies without stage descriptors, a competency with fewer
than half the median number of indicators, duplicate indicator texts, and scale values that
are not strictly decreasing or increasing. --strict makes them errors (exit 2).
With --format json, errors and warnings are in the JSON on standard output, not on standard
error; the exit code is the same.`,
    )
    .action(async (files: string[], options: ValidateOptions) => {
      const checked: CheckedFile[] = [];
      const warnings: Diagnostic[] = [];
      const diagnostics: Diagnostic[] = [];
      /** The files given that are invalid (their errors may be located in the model they name). */
      const invalid = new Set<string>();
      for (const file of files) {
        const seen: KindSeen = { kind: 'unknown' };
        const outcome = await tryFile(file, (input) => validateFile(input, options, () => io.stdin, seen));
        const path = file === '-' ? STDIN_NAME : file;
        if ('diagnostics' in outcome) {
          diagnostics.push(...outcome.diagnostics);
          invalid.add(file);
          checked.push({ path, kind: seen.kind, valid: false, errors: sortDiagnostics(outcome.diagnostics), warnings: [], summary: null });
          continue;
        }
        const result = outcome.value;
        const fileWarnings = sortDiagnostics(result.warnings);
        if (options.strict && result.warnings.length > 0) {
          const errors = fileWarnings.map((warning) => ({ ...warning, message: `${warning.message} (--strict)` }));
          diagnostics.push(...errors);
          invalid.add(file);
          checked.push({ path, kind: seen.kind, valid: false, errors, warnings: [], summary: null });
          continue;
        }
        warnings.push(...result.warnings);
        checked.push({ path, kind: seen.kind, valid: true, errors: [], warnings: fileWarnings, summary: result.ok ?? null });
      }
      const color = useColor(options.color, io.stdout.isTTY, io.env);
      const output = (await validationFormats.load(options.format))(checked, { color });
      if (options.format === 'json') {
        // The JSON says everything, errors included: standard error stays empty, the exit code is the same.
        await writeOutput(output, undefined, io.stdout);
        if (diagnostics.length > 0) throw new InputRejected();
        return;
      }
      if (warnings.length > 0) await io.stderr.write(sortDiagnostics(warnings).map((warning) => `${locatedWarning(warning)}\n`).join(''));
      await writeOutput(output, undefined, io.stdout);
      if (diagnostics.length === 0) return;
      if (files.length === 1) throw new UserError(diagnostics);
      // With several files, each one's errors are listed (cut per file), then every invalid file is named.
      await io.stderr.write(`${diagnosticLines(sortDiagnostics(diagnostics)).join('\n')}\n`);
      throw new UserError(`${invalid.size} of ${files.length} files ${invalid.size === 1 ? 'is' : 'are'} invalid: ${[...invalid].join(', ')}`);
    });
}

async function validateFile(file: string, options: ValidateOptions, stdin: () => NodeJS.ReadableStream, seen: KindSeen): Promise<Validated> {
  const { baseDir, ...source } = await readInput(file, stdin);
  const parsed = parseYaml(source);
  const kind = documentKind(parsed.data);
  seen.kind = kind;
  if (kind === 'model') {
    const model = modelFromYaml(parsed);
    const indicators = indicatorCount(model);
    const warnings = toDiagnostics(parsed, lintModel(model));
    const summary = `ok ${source.file}: model ${model.id} ${model.version} (${model.stages.length} stages, ${model.competencies.length} competencies, ${indicators} indicators)`;
    if (options.strict && warnings.length > 0) return { warnings };
    return { ok: warnings.length === 0 ? summary : `${summary}, ${warnings.length} warning${warnings.length === 1 ? '' : 's'}`, warnings };
  }
  if (kind === 'answers') {
    const { model, assessment } = await assessmentFromYaml(parsed, { model: options.model, baseDir });
    const total = indicatorCount(model.model);
    const answered = total - unansweredIndicators(model.model, assessment).length;
    return { ok: `ok ${source.file}: answers of ${assessment.organisation} for model ${model.model.id} ${model.model.version} (${answered}/${total} answered)`, warnings: [] };
  }
  if (kind === 'report') {
    const report = parseReport(parsed);
    return { ok: `ok ${source.file}: JSON report of ${report.organisation} for model ${report.model.id} ${report.model.version}`, warnings: [] };
  }
  expectMapping(parsed, 'either');
  throw new UserError([
    fileDiagnostic(source.file, 'unknown-kind', 'cannot tell whether this is a model (stages, competencies, scale) or an answers file (organisation, answers)'),
  ]);
}
