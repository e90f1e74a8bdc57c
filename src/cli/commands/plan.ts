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
import { withLanguageOption } from '../language.js';
import type { Locale } from '../../locale/locale.js';

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
    .description('propose a plan from an answers file: targets by phase and the actions that reach them, for people to edit; or add what is missing to an existing plan')
    .argument('<answers>', 'answers file (YAML) the plan starts from: its baseline')
    .requiredOption('-t, --target <target>', 'a stage id or score for every competency and overall (community, 2.5), or <competency>=<stage|score> for one; repeatable', collect)
    .option('--by <date>', 'the day the last phase is due, YYYY-MM-DD (default: a year after the answers file\'s date)', parseDate)
    .option('--phases <n>', 'how many phases the actions are spread over, evenly between the answers\' date and --by', parsePhases, 2)
    .option('-m, --model <id|path>', 'built-in model id or model file (default: the file\'s model:, else "community")')
    .option('-o, --output <file>', 'write the plan to this file (atomically); when it exists, add what it lacks and keep everything written in it')
    .option('-q, --quiet', 'print no note of what an update added')
    .option('--no-color', 'accepted as by every command; a plan is never coloured')
    .addHelpText(
      'after',
      `
Examples:
  $ cm-maturity plan answers.yaml --target community -o plan.yaml
  $ cm-maturity plan answers.yaml --target community --target governance=leader --by 2027-12-31 --phases 4 -o plan.yaml
  $ cm-maturity plan answers.yaml --target 2.5 --target strategy=community -o plan.yaml

For every competency below its target, the plan lists the unanswered or partly met indicators
of every stage up to the target, ordered by stage, then must-have (key) indicators, then gain per
effort, spread over the phases so that no stage comes before the one under it; each action has
the model's owner role and advice. The last phase carries the targets; an earlier one, the stage
each competency reaches once its actions are done.
Run again with -o naming an existing plan, it adds the actions (and later phases) the plan
lacks and changes nothing already there: owners, dates, statuses, notes, targets and comments
stay as people wrote them.`,
    )
    .action(async (answers: string, given: PlanOptions, command: Command) => {
      const options = withLanguageOption(given, command);
      if (answers === '-') throw new UserError('plan reads the answers from a file, not standard input: the plan names that file as its baseline');
      refuseInputAsOutput(options.output, [answers, modelFileOf(options.model)]);
      const { file, model: original, assessment } = await loadAssessment(answers, { model: options.model, locale });
      // The plan's texts (indicators, advice) are in the language of the answers' reports.
      const { language, loaded: model } = await reportModel(original, assessment.language, { lang: options.lang, language: locale.language });
      const start = assessment.date;
      if (start === null) throw new UserError([fileDiagnostic(file, 'missing-date', 'the answers have no date:, which the plan starts from; add date: YYYY-MM-DD')]);
      const by = options.by ?? yearAfter(start);
      if (by <= start) throw new UserError(`--by ${by} is not after the answers' date ${start}`);
      const targets = parseTargets(options.target, model, locale);
      const report = scoreAssessment(model.model, assessment, language);
      const proposal = proposePlan(model.model, assessment, report, { targets, start, by, phases: options.phases }, locale);
      const { newPlanText, updatedPlanText } = await import('../../report/plan-file.js');
      const folder = options.output === undefined ? process.cwd() : dirname(resolve(options.output));
      if (options.output === undefined || !existsSync(options.output)) {
        const head = { organisation: assessment.organisation, model: modelReference(model, folder), baseline: pathFrom(folder, answers) };
        const schema = modelineTarget(`${shippedSchemaDirectory()}${PLAN_SCHEMA_FILE}`, folder);
        await writeOutput(newPlanText(head, proposal, schema), options.output, io.stdout);
        return;
      }
      const { planFromParsed } = await import('../../pipeline/load-plan.js');
      const parsed = parseYaml(await readTextFile(options.output, locale), locale);
      const existing = await planFromParsed(parsed, dirname(options.output), { against: model.model, locale });
      if (existing.plan.organisation !== assessment.organisation) {
        throw new UserError([fileDiagnostic(file, 'other-organisation', `these answers are of "${assessment.organisation}", but ${options.output} is a plan for "${existing.plan.organisation}"`)]);
      }
      const update = updatedPlanText(parsed.document, existing.plan, proposal);
      await writeOutput(update.text, options.output, io.stdout);
      if (!options.quiet) {
        const what = update.actions + update.phases === 0 ? 'nothing to add' : `added ${count(update.actions, 'action')} and ${count(update.phases, 'phase')}`;
        await io.stderr.write(`cm-maturity: note: ${options.output}: ${what}; everything already in it is kept\n`);
      }
    });
}

function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}

/** --target values: one for every competency and overall, and <competency>=<target> pairs that set one. */
function parseTargets(values: readonly string[], model: LoadedModel, locale: Locale): Record<string, string | number> {
  const targets = new Map<string, string | number>();
  const value = (text: string): string | number => (/^\d+(\.\d+)?$/.test(text.trim()) ? Number(text) : text.trim());
  const set = (subject: string, target: string | number, option: string) => {
    const problem = targetProblem(subject, target, model.model, locale);
    if (problem !== null) throw new UserError(`--target ${option}: ${problem}`);
    targets.set(subject, target);
  };
  const general = values.filter((text) => !text.includes('='));
  if (general.length > 1) throw new UserError(`--target: give one target for every competency, not ${general.length} (${general.join(', ')}); --target <competency>=<target> sets one`);
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

function parseDate(value: string): string {
  if (!isoDate.safeParse(value).success) throw new InvalidArgumentError('expected a real date written YYYY-MM-DD');
  return value;
}

function parsePhases(value: string): number {
  const phases = Number(value);
  if (!/^\d+$/.test(value) || phases < 1 || phases > 24) throw new InvalidArgumentError('expected a whole number of phases, 1 to 24');
  return phases;
}
