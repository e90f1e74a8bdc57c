import { existsSync } from 'node:fs';
import { dirname, isAbsolute, relative, resolve, sep } from 'node:path';
import { Command, InvalidArgumentError } from 'commander';
import { OVERALL } from '../../schema/constants.js';
import { fileDiagnostic, UserError } from '../../errors.js';
import { proposePlan, targetProblem, yearAfter } from '../../core/plan.js';
import { scoreAssessment } from '../../core/score.js';
import { loadAssessment } from '../../pipeline/load-assessment.js';
import type { LoadedModel } from '../../pipeline/load-model.js';
import { modelFileOf } from '../../pipeline/load-model.js';
import { readTextFile } from '../../read/text.js';
import { modelineTarget, PLAN_SCHEMA_FILE, shippedSchemaDirectory } from '../../read/schema-files.js';
import { parseYaml } from '../../parse/yaml.js';
import { isoDate } from '../../schema/answers.js';
import { refuseInputAsOutput, writeOutput } from '../../write/output.js';
import { collect } from '../options.js';
import type { Io } from '../io.js';
import { reportModel } from '../../pipeline/load-overlay.js';
import { localeOf, withLanguageOption } from '../language.js';
import type { Locale } from '../../locale/locale.js';
import { examplesText } from '../commander-texts.js';

interface PlanOptions {
  model?: string;
  target: string[];
  by?: string;
  phases: number;
  output?: string;
  quiet?: boolean;
}

export function planCommand(io: Io, locale: Locale): Command {
  return new Command('plan')
    .description(locale.t('cli.plan.description'))
    .argument('<answers>', locale.t('cli.plan.argument.answers'))
    .requiredOption('-t, --target <target>', locale.t('cli.plan.option.target'), collect)
    .option('--by <date>', locale.t('cli.plan.option.by'), dateParser(locale))
    .option('--phases <n>', locale.t('cli.plan.option.phases'), phasesParser(locale), 2)
    .option('-m, --model <id|path>', locale.t('cli.option.model.fromFile', { model: 'community' }))
    .option('-o, --output <file>', locale.t('cli.plan.option.output'))
    .option('-q, --quiet', locale.t('cli.plan.option.quiet'))
    .option('--no-color', locale.t('cli.plan.option.noColor'))
    .addHelpText('after', `\n${examplesText(locale, EXAMPLES)}\n\n${locale.t('cli.plan.help')}`)
    .action(async (answers: string, given: PlanOptions, command: Command) => {
      const options = withLanguageOption(given, command);
      if (answers === '-') throw new UserError(locale.t('cli.plan.error.stdin'));
      refuseInputAsOutput(options.output, [answers, modelFileOf(options.model)]);
      const { file, model: original, assessment } = await loadAssessment(answers, { model: options.model, locale });
      // The plan's texts (indicators, advice) are in the language of the answers' reports.
      const { language, loaded: model } = await reportModel(original, assessment.language, { lang: options.lang, language: locale.language });
      const start = assessment.date;
      if (start === null) throw new UserError([fileDiagnostic(file, 'missing-date', locale.t('cli.plan.error.noDate'))]);
      const by = options.by ?? yearAfter(start);
      if (by <= start) throw new UserError(locale.t('cli.plan.error.byBeforeStart', { by, start }));
      const targets = parseTargets(locale, options.target, model);
      const report = scoreAssessment(model.model, assessment, language);
      // The plan file is written in the language of the answers' reports, like the model's texts in it.
      const planLocale = localeOf(language);
      const proposal = proposePlan(model.model, assessment, report, { targets, start, by, phases: options.phases }, planLocale);
      const { newPlanText, updatedPlanText } = await import('../../report/plan-file.js');
      const folder = options.output === undefined ? process.cwd() : dirname(resolve(options.output));
      if (options.output === undefined || !existsSync(options.output)) {
        const head = { organisation: assessment.organisation, model: modelReference(model, folder), baseline: pathFrom(folder, answers) };
        const schema = modelineTarget(`${shippedSchemaDirectory()}${PLAN_SCHEMA_FILE}`, folder);
        await writeOutput(newPlanText(planLocale, head, proposal, schema), options.output, io.stdout);
        return;
      }
      const { planFromParsed } = await import('../../pipeline/load-plan.js');
      const parsed = parseYaml(await readTextFile(options.output, locale), locale);
      const existing = await planFromParsed(parsed, dirname(options.output), { against: model.model, locale });
      if (existing.plan.organisation !== assessment.organisation) {
        throw new UserError([fileDiagnostic(file, 'other-organisation', locale.t('cli.plan.error.otherOrganisation', { organisation: assessment.organisation, file: options.output, plan: existing.plan.organisation }))]);
      }
      const update = updatedPlanText(parsed.document, existing.plan, proposal);
      await writeOutput(update.text, options.output, io.stdout);
      if (!options.quiet) {
        const note =
          update.actions + update.phases === 0
            ? locale.t('cli.plan.note.nothingAdded', { file: options.output })
            : locale.t('cli.plan.note.added', { file: options.output, actions: update.actions, phases: update.phases });
        await io.stderr.write(`cm-maturity: ${note}\n`);
      }
    });
}

/** --target values: one for every competency and overall, and <competency>=<target> pairs that set one. */
function parseTargets(locale: Locale, values: readonly string[], model: LoadedModel): Record<string, string | number> {
  const targets = new Map<string, string | number>();
  const value = (text: string): string | number => (/^\d+(\.\d+)?$/.test(text.trim()) ? Number(text) : text.trim());
  const set = (subject: string, target: string | number, option: string) => {
    const problem = targetProblem(subject, target, model.model, locale);
    if (problem !== null) throw new UserError(locale.t('cli.plan.error.target', { target: option, problem }));
    targets.set(subject, target);
  };
  const general = values.filter((text) => !text.includes('='));
  if (general.length > 1) throw new UserError(locale.t('cli.plan.error.generalTargets', { count: general.length, targets: general.join(', ') }));
  if (general.length === 1) for (const subject of [...model.model.competencies.map((competency) => competency.id), OVERALL]) set(subject, value(general[0]!), general[0]!);
  for (const text of values.filter((candidate) => candidate.includes('='))) {
    const at = text.indexOf('=');
    set(text.slice(0, at).trim(), value(text.slice(at + 1)), text);
  }
  // Competencies in model order, then overall, as the plan lists them.
  const order = [...model.model.competencies.map((competency) => competency.id), OVERALL];
  return Object.fromEntries(order.filter((subject) => targets.has(subject)).map((subject) => [subject, targets.get(subject)!]));
}

/** How the plan names its model: a built-in one by id and version, a file by its path from the plan's folder. */
function modelReference(model: LoadedModel, folder: string): string {
  return model.builtin ? `${model.model.id}@${model.model.version}` : pathFrom(folder, model.file);
}

/** A path as written in a plan: relative to the plan's folder, with forward slashes. */
function pathFrom(folder: string, path: string): string {
  const absolute = resolve(path);
  const relativePath = relative(folder, absolute);
  return isAbsolute(relativePath) ? absolute : relativePath.split(sep).join('/');
}

function dateParser(locale: Locale): (value: string) => string {
  return (value) => {
    if (!isoDate.safeParse(value).success) throw new InvalidArgumentError(locale.t('cli.plan.option.by.invalid'));
    return value;
  };
}

function phasesParser(locale: Locale): (value: string) => number {
  return (value) => {
    const phases = Number(value);
    if (!/^\d+$/.test(value) || phases < 1 || phases > 24) throw new InvalidArgumentError(locale.t('cli.plan.option.phases.invalid'));
    return phases;
  };
}

/** The command lines its help shows as examples. */
const EXAMPLES = [
  'cm-maturity plan answers.yaml --target community -o plan.yaml',
  'cm-maturity plan answers.yaml --target community --target governance=leader --by 2027-12-31 --phases 4 -o plan.yaml',
  'cm-maturity plan answers.yaml --target 2.5 --target strategy=community -o plan.yaml',
];
