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
import { addVoiceOptions, manyFilesVoice, type VoiceOptions } from '../voice.js';
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
import { examplesText } from '../commander-texts.js';

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
    .description(locale.t('cli.validate.description'))
    .argument('<file...>', locale.t('cli.validate.argument.file'))
    .option('-m, --model <id|path>', locale.t('cli.validate.option.model', { model: 'community' }))
    .option('--strict', locale.t('cli.validate.option.strict'))
    .addOption(new Option('-f, --format <format>', locale.t('cli.validate.option.format')).choices(validationFormats.names).default('text'))
    .option('--no-color', locale.t('cli.option.noColor'));
  return addVoiceOptions(command, locale, 'skipped')
    .addHelpText('after', `\n${examplesText(locale, EXAMPLES)}\n\n${locale.t('cli.validate.help')}`)
    .action(async (inputs: string[], options: ValidateOptions) => {
      const { files, found } = await expandInputs(inputs, locale);
      const voice = manyFilesVoice(locale, options, locale.t('cli.reads.anything'), found.size);
      const notes: string[] = [];
      const checked: CheckedFile[] = [];
      const warnings: Diagnostic[] = [];
      const diagnostics: Diagnostic[] = [];
      /** The files given that are invalid (their errors may be located in the model they name). */
      const invalid = new Set<string>();
      for (const file of files) {
        const seen: KindSeen = { kind: 'unknown' };
        const outcome = await tryFile(file, (input) => validateFile(locale, input, options, () => io.stdin, found.has(input), seen));
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
          const errors = fileWarnings.map((warning) => ({ ...warning, message: locale.t('cli.validate.strictError', { message: warning.message }) }));
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
        if (read === 0) throw new UserError(locale.t('cli.validate.nothingRead', { found: files.length }));
        await writeOutput((await validationFormats.load('json'))(checked, { color, locale: localeOf(options.lang ?? locale.language) }), undefined, io.stdout);
        if (diagnostics.length > 0) throw new InputRejected();
        return;
      }
      if (warnings.length > 0 && !options.quiet) await io.stderr.write(sortDiagnostics(warnings).map((warning) => `${locatedWarning(locale, warning)}\n`).join(''));
      if (notes.length > 0) await io.stderr.write(`${notes.join('\n')}\n`);
      if (!options.quiet) await writeOutput((await validationFormats.load(options.format))(checked, { color, locale: localeOf(options.lang ?? locale.language) }), undefined, io.stdout);
      if (read === 0) throw new UserError(locale.t('cli.validate.nothingRead', { found: files.length }));
      if (diagnostics.length === 0) return;
      if (read === 1) throw new UserError(diagnostics);
      // With several files, each one's errors are listed (cut per file), then every invalid file is named.
      await io.stderr.write(`${diagnosticLines(locale, sortDiagnostics(diagnostics)).join('\n')}\n`);
      throw new UserError(locale.t('cli.validate.invalidFiles', { invalid: invalid.size, read, files: [...invalid].join(', ') }));
    });
}

/** What validation passes over among the files found in folders or by patterns: YAML that is none of its kinds. */
const NONE_OF_ITS_KINDS = ['other'] as const;

async function validateFile(locale: Locale, file: string, options: ValidateOptions, stdin: () => NodeJS.ReadableStream, found: boolean, seen: KindSeen): Promise<Validated> {
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
    const notes = migrations.unchecked.map(({ from, why }) => migrationNotCheckedNote(locale, source.file, from, why));
    const indicators = indicatorCount(model);
    const warnings = toDiagnostics(parsed, lintModel(model, locale), locale);
    const summary = locale.t('cli.validate.ok.model', { file: source.file, model: `${model.id} ${model.version}`, stages: model.stages.length, competencies: model.competencies.length, indicators });
    if (options.strict && warnings.length > 0) return { warnings, notes };
    return { ok: warnings.length === 0 ? summary : locale.t('cli.validate.ok.warnings', { summary, count: warnings.length }), warnings, notes };
  }
  if (kind === 'answers') {
    const { model, assessment } = await assessmentFromYaml(parsed, { model: options.model, baseDir, locale });
    const total = indicatorCount(model.model, assessment.context);
    const answered = total - unansweredIndicators(model.model, assessment).length;
    const values = { file: source.file, organisation: assessment.organisation, model: `${model.model.id} ${model.model.version}`, answered, total };
    return {
      ok: assessment.context == null ? locale.t('cli.validate.ok.answers', values) : locale.t('cli.validate.ok.answersInContext', { ...values, context: assessment.context }),
      warnings: [],
      outdated: outdatedAnswers(locale, source.file, model),
    };
  }
  if (kind === 'plan') {
    const { planFromParsed } = await import('../../pipeline/load-plan.js');
    const { plan, model, warnings } = await planFromParsed(parsed, baseDir, { stdin, locale });
    const actions = plan.actions?.length ?? 0;
    const summary = locale.t('cli.validate.ok.plan', { file: source.file, organisation: plan.organisation, model: `${model.model.id} ${model.model.version}`, phases: plan.phases.length, actions });
    if (options.strict && warnings.length > 0) return { warnings };
    return { ok: warnings.length === 0 ? summary : locale.t('cli.validate.ok.warnings', { summary, count: warnings.length }), warnings };
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
    return { ok: locale.t('cli.validate.ok.report', { file: source.file, organisation: report.organisation, model: `${report.model.id} ${report.model.version}` }), warnings: [] };
  }
  expectMapping(parsed, 'either', locale);
  throw new UserError([
    fileDiagnostic(source.file, 'unknown-kind', locale.t('cli.validate.unknownKind')),
  ]);
}

/** The command lines its help shows as examples. */
const EXAMPLES = [
  'cm-maturity validate examples/*.yaml',
  'cm-maturity validate assessments/ models/',
  'cm-maturity validate my-model.yaml answers.yaml --model my-model.yaml',
  'cm-maturity validate --strict my-model.yaml',
  'cm-maturity validate examples/*.yaml --format json > validation.json',
];
