import { Command, Option } from 'commander';
import { fileDiagnostic, UserError, sortDiagnostics, type Diagnostic } from '../../errors.js';
import { lintModel } from '../../core/lint-model.js';
import { assessmentFromYaml } from '../../pipeline/load-assessment.js';
import { toDiagnostics } from '../../parse/diagnostics.js';
import { documentKind, foundKind } from '../../parse/document-kind.js';
import { expectMapping } from '../../parse/mapping.js';
import { modelFromYaml } from '../../parse/model.js';
import { readInput } from '../../read/text.js';
import { parseReport } from '../../parse/report.js';
import { parseYaml } from '../../parse/yaml.js';
import { useColor, writeOutput } from '../../write/output.js';
import { skipIf, tryFile } from '../../pipeline/each-file.js';
import { expandInputs } from '../../read/inputs.js';
import { addVoiceOptions, manyFilesVoice, VERBOSE_SKIPPED, type VoiceOptions } from '../voice.js';
import type { Io } from '../io.js';
import { diagnosticLines } from '../diagnostics.js';
import { indicatorCount } from '../../core/model-facts.js';
import { unansweredIndicators } from '../../core/assessment.js';
import { locatedWarning, migrationNotCheckedNote } from '../../report/notices.js';
import { checkMigrations } from '../../pipeline/model-versions.js';
import { outdatedAnswers } from '../../pipeline/score-file.js';
import type { OutdatedAnswers } from '../../core/file-summary.js';
import { validationFormats, type CheckedFile, type ValidationFormatName } from '../../report/validate/index.js';
import { STDIN_NAME } from '../../source.js';
import { InputRejected } from '../stop.js';
import type { Locale } from '../../locale/locale.js';
import { localeOf } from '../language.js';

interface ValidateOptions extends VoiceOptions {
  model?: string;
  strict?: boolean;
  format: ValidationFormatName;
  color: boolean;
}

interface Validated {
  ok?: string;
  warnings: Diagnostic[];
  /** An answers file that fits only an earlier version of the built-in model it names without a version. */
  outdated?: OutdatedAnswers | null;
  /** What could not be checked, said as notes. */
  notes?: string[];
}

/** What a file was recognised as, known once it is parsed: an invalid file may still be of a kind. */
interface KindSeen {
  kind: CheckedFile['kind'];
}

export function validateCommand(io: Io, locale: Locale): Command {
  const command = new Command('validate')
    .description('check model, answers and plan files; each file is recognised by its keys')
    .argument('<file...>', 'model, answers or plan files (YAML) or JSON reports, folders (every *.yaml/*.yml inside) or quoted glob patterns; - reads standard input')
    .option('-m, --model <id|path>', 'model to check answers files against (default: each file\'s model:, else "community")')
    .option('--strict', 'treat warnings about weak models as errors')
    .addOption(new Option('-f, --format <format>', 'output format: text (ok lines; errors and warnings on standard error) or json (every file with its kind, errors and warnings, on standard output)').choices(validationFormats.names).default('text'))
    .option('--no-color', 'never colour the output (NO_COLOR is honoured too)');
  return addVoiceOptions(command, VERBOSE_SKIPPED)
    .addHelpText(
      'after',
      `
Examples:
  $ cm-maturity validate examples/*.yaml
  $ cm-maturity validate assessments/ models/
  $ cm-maturity validate my-model.yaml answers.yaml --model my-model.yaml
  $ cm-maturity validate --strict my-model.yaml
  $ cm-maturity validate examples/*.yaml --format json > validation.json

Models are also checked for weaknesses, reported as warnings (file:line:col: warning: ...):
indicators without advice, competencies without stage descriptors, a competency with fewer
than half the median number of indicators, duplicate indicator texts, and scale values that
are not strictly decreasing or increasing. --strict makes them errors (exit 2).
A model's migrations are checked against the earlier version each comes from, found beside the
model file (<name>@<version>.yaml, <id>@<version>.yaml) or built in: every earlier indicator must
be mapped, and only those; a note says when the earlier version is nowhere to be found.
An answers file naming a built-in model without a version that fits only an earlier version gets
a hint to migrate it (one line for many files; --verbose: one per file).
Files found in a folder or by a pattern that are none of these (a CI workflow, other YAML) are
skipped, with one note. --quiet prints only errors: no ok line, warning or note.
With --format json, errors and warnings are in the JSON on standard output, not on standard
error; the exit code is the same. The notes and the hint to migrate stay on standard error.`,
    )
    .action(async (inputs: string[], options: ValidateOptions) => {
      const { files, found } = await expandInputs(inputs, locale);
      const voice = manyFilesVoice(options, 'models, answers files or JSON reports', found.size);
      const notes: string[] = [];
      const checked: CheckedFile[] = [];
      const warnings: Diagnostic[] = [];
      const diagnostics: Diagnostic[] = [];
      /** The files given that are invalid (their errors may be located in the model they name). */
      const invalid = new Set<string>();
      for (const file of files) {
        const seen: KindSeen = { kind: 'unknown' };
        const outcome = await tryFile(file, (input) => validateFile(input, options, () => io.stdin, found.has(input), seen, locale));
        const path = file === '-' ? STDIN_NAME : file;
        if ('diagnostics' in outcome) {
          diagnostics.push(...outcome.diagnostics);
          invalid.add(file);
          checked.push({ path, kind: seen.kind, valid: false, errors: sortDiagnostics(outcome.diagnostics), warnings: [], summary: null });
          continue;
        }
        if ('kind' in outcome) {
          notes.push(...voice.skipped(outcome));
          continue;
        }
        const result = outcome.value;
        if (seen.kind === 'answers') notes.push(...voice.read(path, result.outdated));
        if (!options.quiet) notes.push(...(result.notes ?? []));
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
      notes.push(...voice.summary(0));
      const read = files.length - voice.skippedCount;
      const color = useColor(options.color, io.stdout.isTTY, io.env);
      if (options.format === 'json') {
        // The JSON says everything about the files read, errors included: standard error has only
        // the note about files skipped (which the JSON does not list); the exit code is the same.
        if (notes.length > 0) await io.stderr.write(`${notes.join('\n')}\n`);
        if (read === 0) throw new UserError(`no models, answers files or JSON reports among the ${files.length} files found`);
        await writeOutput((await validationFormats.load('json'))(checked, { color, locale: localeOf(options.lang ?? locale.language) }), undefined, io.stdout);
        if (diagnostics.length > 0) throw new InputRejected();
        return;
      }
      if (warnings.length > 0 && !options.quiet) await io.stderr.write(sortDiagnostics(warnings).map((warning) => `${locatedWarning(warning)}\n`).join(''));
      if (notes.length > 0) await io.stderr.write(`${notes.join('\n')}\n`);
      if (!options.quiet) await writeOutput((await validationFormats.load(options.format))(checked, { color, locale: localeOf(options.lang ?? locale.language) }), undefined, io.stdout);
      if (read === 0) throw new UserError(`no models, answers files or JSON reports among the ${files.length} files found`);
      if (diagnostics.length === 0) return;
      if (read === 1) throw new UserError(diagnostics);
      // With several files, each one's errors are listed (cut per file), then every invalid file is named.
      await io.stderr.write(`${diagnosticLines(sortDiagnostics(diagnostics)).join('\n')}\n`);
      throw new UserError(`${invalid.size} of ${read} files ${invalid.size === 1 ? 'is' : 'are'} invalid: ${[...invalid].join(', ')}`);
    });
}

/** What validation passes over among the files found in folders or by patterns: YAML that is none of its kinds. */
const NONE_OF_ITS_KINDS = ['other'] as const;

async function validateFile(
  file: string,
  options: ValidateOptions,
  stdin: () => NodeJS.ReadableStream,
  found: boolean,
  seen: KindSeen,
  locale: Locale,
): Promise<Validated> {
  const { baseDir, ...source } = await readInput(file, stdin, locale);
  const parsed = parseYaml(source, locale);
  skipIf(parsed.file, foundKind(parsed.data), found ? NONE_OF_ITS_KINDS : undefined);
  const kind = documentKind(parsed.data);
  seen.kind = kind;
  if (kind === 'model') {
    const model = modelFromYaml(parsed, locale);
    // Each migration is checked against the earlier version it comes from, when that can be found.
    const migrations = await checkMigrations(model, file === '-' ? undefined : file, locale);
    if (migrations.issues.length > 0) throw new UserError(toDiagnostics(parsed, migrations.issues, locale));
    const notes = migrations.unchecked.map(({ from, why }) => migrationNotCheckedNote(source.file, from, why));
    const indicators = indicatorCount(model);
    const warnings = toDiagnostics(parsed, lintModel(model, locale), locale);
    const summary = `ok ${source.file}: model ${model.id} ${model.version} (${model.stages.length} stages, ${model.competencies.length} competencies, ${indicators} indicators)`;
    if (options.strict && warnings.length > 0) return { warnings, notes };
    return { ok: warnings.length === 0 ? summary : `${summary}, ${warnings.length} warning${warnings.length === 1 ? '' : 's'}`, warnings, notes };
  }
  if (kind === 'answers') {
    const { model, assessment } = await assessmentFromYaml(parsed, { model: options.model, baseDir, locale });
    const total = indicatorCount(model.model, assessment.context);
    const answered = total - unansweredIndicators(model.model, assessment).length;
    const context = assessment.context == null ? '' : `, context ${assessment.context}`;
    return {
      ok: `ok ${source.file}: answers of ${assessment.organisation} for model ${model.model.id} ${model.model.version} (${answered}/${total} answered${context})`,
      warnings: [],
      outdated: outdatedAnswers(source.file, model),
    };
  }
  if (kind === 'plan') {
    const { planFromParsed } = await import('../../pipeline/load-plan.js');
    const { plan, model, warnings } = await planFromParsed(parsed, baseDir, { stdin, locale });
    const actions = plan.actions?.length ?? 0;
    const summary = `ok ${source.file}: plan of ${plan.organisation} for model ${model.model.id} ${model.model.version} (${plan.phases.length} phase${plan.phases.length === 1 ? '' : 's'}, ${actions} action${actions === 1 ? '' : 's'})`;
    if (options.strict && warnings.length > 0) return { warnings };
    return { ok: warnings.length === 0 ? summary : `${summary}, ${warnings.length} warning${warnings.length === 1 ? '' : 's'}`, warnings };
  }
  if (kind === 'overlay') {
    const { validateOverlay } = await import('../../pipeline/load-overlay.js');
    const { overlay, model, warnings } = await validateOverlay(parsed, file === '-' ? undefined : file, locale);
    if (options.strict && warnings.length > 0) return { warnings };
    const ok = locale.t('input.overlay.ok', { file: source.file, language: overlay.language, model: model.model.id, version: model.model.version, warnings: warnings.length });
    return { ok, warnings };
  }
  if (kind === 'report') {
    const report = parseReport(parsed, locale);
    return { ok: `ok ${source.file}: JSON report of ${report.organisation} for model ${report.model.id} ${report.model.version}`, warnings: [] };
  }
  expectMapping(parsed, 'either', locale);
  throw new UserError([
    fileDiagnostic(source.file, 'unknown-kind', 'cannot tell whether this is a model (stages, competencies, scale) or an answers file (organisation, answers)'),
  ]);
}
