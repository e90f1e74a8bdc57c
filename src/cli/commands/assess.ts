import { reportModel } from '../../pipeline/load-overlay.js';
import { Command } from 'commander';
import { existsSync } from 'node:fs';
import { styleText } from 'node:util';
import { dirname, resolve } from 'node:path';
import type { Answer, Assessment } from '../../core/assessment.js';
import { answeredCount, answerChoices, applyAction, LIST_ITEM, nextIndex, questions, questionText, startIndex, type Action } from '../../core/questionnaire.js';
import { answersTemplate } from '../../core/answers-template.js';
import { scoreAssessment } from '../../core/score.js';
import { UserError } from '../../errors.js';
import { assessmentFromYaml } from '../../pipeline/load-assessment.js';
import { outdatedAnswers } from '../../pipeline/score-file.js';
import { DEFAULT_MODEL_ID } from '../../read/builtin-models.js';
import { loadModelAt, resolveModel, type LoadedModel } from '../../pipeline/load-model.js';
import { readTextFile } from '../../read/text.js';
import { answersSchemaFile, GENERIC_ANSWERS_SCHEMA_FILE, modelineTarget, shippedSchemaDirectory } from '../../read/schema-files.js';
import { parseYaml } from '../../parse/yaml.js';
import { isoDate, type AnswersFile, type Respondent } from '../../schema/answers.js';
import type { Model } from '../../schema/model.js';
import { DEFAULT_NEXT_STEPS } from '../../report/single/index.js';
import { formatTable } from '../../report/single/table.js';
import { terminalText } from '../../report/escape/terminal.js';
import { layoutWidth, wrapLines } from '../../report/fit.js';
import { relativeModelRef } from '../model-ref.js';
import { useColor, writeFile } from '../../write/output.js';
import { outputWidth, type Io } from '../io.js';
import { EXIT, Interrupted } from '../stop.js';
import type { Locale } from '../../locale/locale.js';
import { examplesText } from '../commander-texts.js';

interface AssessOptions {
  model?: string;
  output: string;
  color: boolean;
}


const MODELINE = '# yaml-language-server: $schema=';

/** What the questionnaire keeps besides the answers, written back on every save. */
interface Session {
  file: string;
  model: Model;
  schema: string;
  modelRef: string;
  organisation: string;
  date: string | null;
  assessor: string | null;
  /** Who gave the answers, as the file says (`respondent:`), kept as it is. */
  respondent?: Respondent | null;
  /** The model's context the answers are for; null: every indicator applies. */
  context: string | null;
  answers: ReadonlyMap<string, Answer>;
}

export function assessCommand(io: Io, locale: Locale): Command {
  return new Command('assess')
    .description(locale.t('cli.assess.description'))
    .option('-m, --model <id|path>', locale.t('cli.option.model.fromFile', { model: DEFAULT_MODEL_ID }))
    .option('-o, --output <file>', locale.t('cli.assess.option.output'), 'answers.yaml')
    .option('--no-color', locale.t('cli.assess.option.noColor'))
    .addHelpText('after', `\n${examplesText(locale, EXAMPLES)}\n\n${locale.t('cli.assess.help', { interrupted: EXIT.interrupted })}`)
    .action(async (options: AssessOptions) => {
      if (!io.stdin.isTTY) {
        throw new UserError(locale.t('cli.assess.error.notTerminal'));
      }
      if (options.output === '-') throw new UserError(locale.t('cli.assess.error.stdout'));
      if (!existsSync(dirname(resolve(options.output)))) throw new UserError(locale.t('cli.assess.error.noFolder', { file: options.output }));
      const prompts = await loadPrompts();
      try {
        await run(prompts, options, io, locale);
      } catch (error) {
        if (error instanceof Error && error.name === 'ExitPromptError') {
          await io.stderr.write(
            `\n${existsSync(options.output) ? locale.t('answers.assess.stopped', { file: options.output }) : locale.t('answers.assess.stoppedUnsaved')}\n`,
          );
          throw new Interrupted();
        }
        throw error;
      }
    });
}

type Prompts = typeof import('@inquirer/prompts');

async function run(prompts: Prompts, options: AssessOptions, io: Io, locale: Locale): Promise<void> {
  let session = existsSync(options.output) ? await resume(prompts, options, io, locale) : await start(prompts, options, io, locale);
  const list = questions(session.model, session.context);
  let index = startIndex(list, session.answers);
  const answered = answeredCount(list, session.answers);
  if (answered > 0) {
    await io.stdout.write(
      `${answered === list.length ? locale.t('answers.assess.allAnswered', { count: list.length, file: session.file }) : locale.t('answers.assess.resuming', { file: session.file, answered, total: list.length })}\n`,
    );
  }
  await save(session, locale);

  while (index < list.length) {
    const question = list[index]!;
    const id = question.indicator.id;
    const current = session.answers.get(id) ?? null;
    const choice = await prompts.select<string>({
      // The model's texts and the note, made inert for the terminal the prompt draws in, and
      // wrapped at spaces to its width (the prompt would break lines inside words).
      message: fitToTerminal(questionText(locale, session.model, assessment(session), question, list.length, terminalText), io),
      theme: answerOnItsOwnLine(locale),
      choices: [
        ...answerChoices(locale, session.model).map(({ answer, label, description }) => ({
          value: `answer:${answer}`,
          name: terminalText(`${answer} — ${label}`),
          ...(description === undefined ? {} : { description: fitToTerminal(terminalText(description), io) }),
        })),
        new prompts.Separator(),
        { value: 'skip', name: locale.t(current?.answer ? 'answers.assess.skipKeep' : 'answers.assess.skipUnanswered') },
        { value: 'note', name: locale.t(current?.note ? 'answers.assess.editNote' : 'answers.assess.addNote') },
        { value: 'evidence', name: locale.t('answers.assess.addEvidence') },
        ...(current?.evidence === undefined ? [] : [{ value: 'no-evidence', name: locale.t('answers.assess.removeEvidence', { count: current.evidence.length }) }]),
        { value: 'back', name: locale.t('answers.assess.back'), disabled: index === 0 ? locale.t('answers.prompt.disabled') : false },
      ],
      default: current?.answer ? `answer:${current.answer}` : undefined,
      pageSize: 12,
      loop: false,
    });
    let action: Action;
    if (choice.startsWith('answer:')) action = { kind: 'answer', answer: choice.slice('answer:'.length), checked: session.date };
    else if (choice === 'note') action = { kind: 'note', note: await prompts.input({ message: locale.t('answers.assess.notePrompt', { id }), default: current?.note ?? undefined }) };
    else if (choice === 'evidence') {
      session = await addEvidence(prompts, session, id, io, locale);
      action = { kind: 'evidence', evidence: session.answers.get(id)?.evidence ?? [] };
    } else if (choice === 'no-evidence') action = { kind: 'evidence', evidence: [] };
    else action = { kind: choice as 'skip' | 'back' };

    if (action.kind === 'answer' || action.kind === 'note' || action.kind === 'evidence') {
      session = { ...session, answers: applyAction(session.answers, id, action) };
      await save(session, locale);
    }
    index = nextIndex(index, action);
  }

  const report = scoreAssessment(session.model, assessment(session));
  await io.stdout.write(`\n${locale.t('answers.assess.saved', { file: session.file, answered: report.completeness.answered, total: report.completeness.total })}\n\n`);
  await io.stdout.write(formatTable(report, { color: useColor(options.color, io.stdout.isTTY, io.env), nextSteps: DEFAULT_NEXT_STEPS, width: outputWidth(io, undefined, undefined) }));
}

/**
 * Items of evidence for one answer, one per line until an empty one, each saved as soon as it is
 * given: a link or a short text may hold commas, so nothing splits a line.
 */
async function addEvidence(prompts: Prompts, session: Session, id: string, io: Io, locale: Locale): Promise<Session> {
  let current = session;
  for (;;) {
    const given = current.answers.get(id)?.evidence ?? [];
    const message = locale.t('answers.assess.evidencePrompt', { id, item: given.length + 1 });
    const item = (await prompts.input({ message: fitToTerminal(message, io) })).trim();
    if (item === '') return current;
    current = { ...current, answers: applyAction(current.answers, id, { kind: 'evidence', evidence: [...given, item] }) };
    await save(current, locale);
  }
}

/** The width of the prompt's first line that its "? " mark takes. */
const PROMPT_MARK_WIDTH = 2;

/**
 * A question's lines wrapped to the terminal's width, read anew for every question (a window can
 * be resized); the lines of a list (criteria, evidence) continue under their text, not their dash.
 */
function fitToTerminal(message: string, io: Io): string {
  const width = layoutWidth(outputWidth(io, undefined, undefined));
  return message
    .split('\n')
    .flatMap((line, index) => {
      const room = index === 0 ? width - PROMPT_MARK_WIDTH : width;
      return line.startsWith(LIST_ITEM) ? wrapLines(line.slice(LIST_ITEM.length), room, LIST_ITEM) : wrapLines(line, room);
    })
    .join('\n');
}

/** No context: every indicator applies. */
const NO_CONTEXT = '';

/**
 * Which of the model's contexts the organisation works in, asked before the first question when
 * the model has contexts; `initial` is the choice the cursor starts on.
 */
async function askContext(prompts: Prompts, model: Model, initial: string | null, io: Io, locale: Locale): Promise<string | null> {
  const contexts = model.contexts ?? [];
  if (contexts.length === 0) return null;
  const chosen = await prompts.select<string>({
    message: fitToTerminal(locale.t('answers.assess.contextPrompt'), io),
    choices: [
      ...contexts.map((context) => ({
        value: context.id,
        name: terminalText(context.name),
        ...(context.description === undefined ? {} : { description: fitToTerminal(terminalText(context.description), io) }),
      })),
      new prompts.Separator(),
      { value: NO_CONTEXT, name: locale.t('answers.assess.noContext') },
    ],
    theme: selectInLocale(locale),
    default: initial ?? NO_CONTEXT,
    pageSize: 12,
    loop: false,
  });
  return chosen === NO_CONTEXT ? null : chosen;
}

/**
 * Once answered, the prompt prints the answer after its message: on a line of its own, not at the
 * end of the advice or note that ends the question. The message stays bold, as the prompt draws it.
 */
function answerOnItsOwnLine(locale: Locale) {
  return { ...selectInLocale(locale), style: { ...selectInLocale(locale).style, message: (text: string, status: string) => styleText('bold', status === 'done' ? `${text}\n${locale.t('answers.assess.answer')}` : text) } };
}

/**
 * The words the choice prompt adds in the locale: its line of keys (drawn as the prompt draws it)
 * and the error for a choice that cannot be chosen.
 */
function selectInLocale(locale: Locale) {
  const actions: Readonly<Record<string, string>> = { navigate: locale.t('answers.prompt.navigate'), select: locale.t('answers.prompt.select') };
  return {
    style: {
      keysHelpTip: (keys: [string, string][]) => keys.map(([key, action]) => `${styleText('bold', key)} ${styleText('dim', actions[action] ?? action)}`).join(styleText('dim', ' • ')),
    },
    i18n: { disabledError: locale.t('answers.prompt.disabledError') },
  };
}

/** A new assessment: the organisation, date and assessor first, then the context, then the questions. */
async function start(prompts: Prompts, options: AssessOptions, io: Io, locale: Locale): Promise<Session> {
  const location = resolveModel(options.model ?? DEFAULT_MODEL_ID, process.cwd(), locale);
  if (typeof location === 'string') throw new UserError(locale.t('cli.error.model', { problem: location }));
  // The questions speak the run's language, the model's texts in them too (from its translation).
  const { loaded } = await reportModel(await loadModelAt(location, locale), null, { language: locale.language });
  const organisation = await prompts.input({
    message: locale.t('answers.assess.organisationPrompt'),
    // The prompt's own word for an empty answer is English: other languages have validate's.
    required: locale.language === 'en',
    validate: (value) => value.trim() !== '' || locale.t('answers.assess.organisationRequired'),
  });
  const date = await prompts.input({
    message: locale.t('answers.assess.datePrompt'),
    default: new Date().toISOString().slice(0, 10),
    validate: (value) => value.trim() === '' || isoDate.safeParse(value.trim()).success || locale.t('answers.assess.dateInvalid'),
  });
  const assessor = await prompts.input({ message: locale.t('answers.assess.assessorPrompt') });
  const context = await askContext(prompts, loaded.model, loaded.model.contexts?.[0]?.id ?? null, io, locale);
  const folder = dirname(resolve(options.output));
  return {
    file: options.output,
    model: loaded.model,
    schema: defaultSchema(loaded, folder),
    modelRef: location.builtin ? builtinReference(loaded.model) : relativeModelRef(location.path, folder),
    organisation: organisation.trim(),
    date: date.trim() || null,
    assessor: assessor.trim() || null,
    context,
    answers: new Map(),
  };
}

/**
 * An assessment in progress: checked like any answers file, its model, modeline, context and
 * answers kept. A file that names no context of a model that has some is asked for one (the
 * cursor on none, so that Enter keeps it as it was).
 */
async function resume(prompts: Prompts, options: AssessOptions, io: Io, locale: Locale): Promise<Session> {
  const source = await readTextFile(options.output, locale);
  const parsed = parseYaml(source, locale);
  const folder = dirname(resolve(options.output));
  const { model: original, assessment: loaded } = await assessmentFromYaml(parsed, { model: options.model, baseDir: dirname(options.output), locale });
  const { loaded: model } = await reportModel(original, null, { language: locale.language });
  const outdated = outdatedAnswers(locale, source.file, model);
  if (outdated !== null) await io.stderr.write(`${outdated.hint}\n`);
  const written = (parsed.data as { model?: unknown }).model;
  // A built-in model is named with the version the answers were checked against, so that a newer
  // version never changes what the file means.
  const modelRef = model.builtin
    ? builtinReference(model.model)
    : options.model !== undefined
      ? relativeModelRef(resolve(model.file), folder)
      : typeof written === 'string'
        ? written
        : DEFAULT_MODEL_ID;
  const firstLine = source.text.split(/\r?\n/, 1)[0] ?? '';
  return {
    file: options.output,
    model: model.model,
    schema: firstLine.startsWith(MODELINE) ? firstLine.slice(MODELINE.length) : defaultSchema(model, folder),
    modelRef,
    organisation: loaded.organisation,
    date: loaded.date,
    assessor: loaded.assessor,
    respondent: (parsed.data as AnswersFile).respondent ?? null,
    context: loaded.context ?? (await askContext(prompts, model.model, null, io, locale)),
    answers: loaded.answers,
  };
}

/** A built-in model's exact version, as `model:` names it: `community@1.0`. */
function builtinReference(model: Model): string {
  return `${model.id}@${model.version}`;
}

/** The shipped answers schema of the built-in model's version, else the generic one. */
function defaultSchema(loaded: LoadedModel, folder: string): string {
  return modelineTarget(`${shippedSchemaDirectory()}${loaded.builtin ? answersSchemaFile(builtinReference(loaded.model)) : GENERIC_ANSWERS_SCHEMA_FILE}`, folder);
}

function assessment(session: Session): Assessment {
  return { organisation: session.organisation, date: session.date, assessor: session.assessor, context: session.context, answers: session.answers };
}

/** Rewrites the whole file atomically: an interruption leaves the previous save or this one, never half of either. */
async function save(session: Session, locale: Locale): Promise<void> {
  const text = answersTemplate(session.model, {
    locale,
    schema: session.schema,
    modelRef: session.modelRef,
    organisation: session.organisation,
    date: session.date,
    assessor: session.assessor,
    respondent: session.respondent ?? null,
    context: session.context,
    answers: session.answers,
  });
  await writeFile(text, session.file);
}

/** The prompts library: not bundled, and loaded only by `assess`. */
function loadPrompts(): Promise<Prompts> {
  return import('@inquirer/prompts');
}

/** The command lines its help shows as examples. */
const EXAMPLES = [
  'cm-maturity assess -o acme.yaml',
  'cm-maturity assess --model ./my-model.yaml -o answers.yaml',
];
