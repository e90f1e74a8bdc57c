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
    .description('answer the questions of a model one by one in the terminal, saving after every answer')
    .option('-m, --model <id|path>', `built-in model id or model file (default: the file's model:, else "${DEFAULT_MODEL_ID}")`)
    .option('-o, --output <file>', 'the answers file to save to, and to resume from when it exists', 'answers.yaml')
    .option('--no-color', 'never colour the final report (NO_COLOR is honoured too)')
    .addHelpText(
      'after',
      `
Examples:
  $ cm-maturity assess -o acme.yaml
  $ cm-maturity assess --model ./my-model.yaml -o answers.yaml

When the model has contexts, it first asks which one the organisation works in, and then asks
only the indicators that apply in it. Competency by competency, each indicator is shown with its
criteria, what to look at and its advice (key indicators are marked); choose a level of the
scale (what each means is shown under the choices), n/a, skip it (leave it as it is), add a
note, add evidence (one link or short text per line, an empty line to finish), or go back. An
answer is dated (checked:) with the date of the assessment. The file is saved (atomically)
after every answer, note and item of evidence, in the format of cm-maturity init, with model:
naming the model's version (community@2.0): comments are regenerated, the answers, notes,
evidence, organisation, date, assessor and context are kept. Ctrl-C stops (exit ${EXIT.interrupted}) keeping every
saved answer; run the same command again to resume at the first unanswered indicator. At the end
the score report is printed. Needs a terminal: without one, start a file with cm-maturity init.`,
    )
    .action(async (options: AssessOptions) => {
      if (!io.stdin.isTTY) {
        throw new UserError('assess asks questions in a terminal, and standard input is not one; to fill in answers in a file instead, start one with: cm-maturity init -o answers.yaml');
      }
      if (options.output === '-') throw new UserError('--output: assess saves to a file after every answer; name one (default answers.yaml)');
      if (!existsSync(dirname(resolve(options.output)))) throw new UserError(`cannot write ${options.output}: its folder does not exist`);
      const prompts = await loadPrompts();
      try {
        await run(prompts, options, io, locale);
      } catch (error) {
        if (error instanceof Error && error.name === 'ExitPromptError') {
          await io.stderr.write(
            existsSync(options.output)
              ? `\nStopped. Every answer given so far is saved in ${options.output}; run the same command to go on.\n`
              : '\nStopped before anything was saved.\n',
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
      answered === list.length
        ? `All ${list.length} indicators in ${session.file} are answered; reviewing from the first.\n`
        : `Resuming ${session.file}: ${answered}/${list.length} answered.\n`,
    );
  }
  await save(session);

  while (index < list.length) {
    const question = list[index]!;
    const id = question.indicator.id;
    const current = session.answers.get(id) ?? null;
    const choice = await prompts.select<string>({
      // The model's texts and the note, made inert for the terminal the prompt draws in, and
      // wrapped at spaces to its width (the prompt would break lines inside words).
      message: fitToTerminal(questionText(session.model, assessment(session), question, list.length, terminalText), io),
      theme: ANSWER_ON_ITS_OWN_LINE,
      choices: [
        ...answerChoices(session.model).map(({ answer, label, description }) => ({
          value: `answer:${answer}`,
          name: terminalText(`${answer} — ${label}`),
          ...(description === undefined ? {} : { description: fitToTerminal(terminalText(description), io) }),
        })),
        new prompts.Separator(),
        { value: 'skip', name: current?.answer ? 'skip (keep this answer)' : 'skip (leave unanswered)' },
        { value: 'note', name: current?.note ? 'edit the note…' : 'add a note…' },
        { value: 'evidence', name: 'add evidence…' },
        ...(current?.evidence === undefined ? [] : [{ value: 'no-evidence', name: `remove the evidence (${current.evidence.length} item${current.evidence.length === 1 ? '' : 's'})` }]),
        { value: 'back', name: 'back to the previous question', disabled: index === 0 },
      ],
      default: current?.answer ? `answer:${current.answer}` : undefined,
      pageSize: 12,
      loop: false,
    });
    let action: Action;
    if (choice.startsWith('answer:')) action = { kind: 'answer', answer: choice.slice('answer:'.length), checked: session.date };
    else if (choice === 'note') action = { kind: 'note', note: await prompts.input({ message: `Note for ${id} (empty to remove):`, default: current?.note ?? undefined }) };
    else if (choice === 'evidence') {
      session = await addEvidence(prompts, session, id, io);
      action = { kind: 'evidence', evidence: session.answers.get(id)?.evidence ?? [] };
    } else if (choice === 'no-evidence') action = { kind: 'evidence', evidence: [] };
    else action = { kind: choice as 'skip' | 'back' };

    if (action.kind === 'answer' || action.kind === 'note' || action.kind === 'evidence') {
      session = { ...session, answers: applyAction(session.answers, id, action) };
      await save(session);
    }
    index = nextIndex(index, action);
  }

  const report = scoreAssessment(session.model, assessment(session));
  await io.stdout.write(`\nSaved ${session.file}: ${report.completeness.answered}/${report.completeness.total} answered.\n\n`);
  await io.stdout.write(formatTable(report, { color: useColor(options.color, io.stdout.isTTY, io.env), nextSteps: DEFAULT_NEXT_STEPS, width: outputWidth(io, undefined, undefined) }));
}

/**
 * Items of evidence for one answer, one per line until an empty one, each saved as soon as it is
 * given: a link or a short text may hold commas, so nothing splits a line.
 */
async function addEvidence(prompts: Prompts, session: Session, id: string, io: Io): Promise<Session> {
  let current = session;
  for (;;) {
    const given = current.answers.get(id)?.evidence ?? [];
    const message = `Evidence for ${id}, item ${given.length + 1} (a link or a short text; empty to finish):`;
    const item = (await prompts.input({ message: fitToTerminal(message, io) })).trim();
    if (item === '') return current;
    current = { ...current, answers: applyAction(current.answers, id, { kind: 'evidence', evidence: [...given, item] }) };
    await save(current);
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
async function askContext(prompts: Prompts, model: Model, initial: string | null, io: Io): Promise<string | null> {
  const contexts = model.contexts ?? [];
  if (contexts.length === 0) return null;
  const chosen = await prompts.select<string>({
    message: fitToTerminal('Context: the kind of community assessed (the indicators of other contexts are left out)', io),
    choices: [
      ...contexts.map((context) => ({
        value: context.id,
        name: terminalText(context.name),
        ...(context.description === undefined ? {} : { description: fitToTerminal(terminalText(context.description), io) }),
      })),
      new prompts.Separator(),
      { value: NO_CONTEXT, name: 'none of these: every indicator applies' },
    ],
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
const ANSWER_ON_ITS_OWN_LINE = {
  style: { message: (text: string, status: string) => styleText('bold', status === 'done' ? `${text}\nAnswer:` : text) },
};

/** A new assessment: the organisation, date and assessor first, then the context, then the questions. */
async function start(prompts: Prompts, options: AssessOptions, io: Io, locale: Locale): Promise<Session> {
  const location = resolveModel(options.model ?? DEFAULT_MODEL_ID, process.cwd(), locale);
  if (typeof location === 'string') throw new UserError(`--model: ${location}`);
  const loaded = await loadModelAt(location, locale);
  const organisation = await prompts.input({ message: 'Organisation:', required: true, validate: (value) => value.trim() !== '' || 'the organisation assessed is required' });
  const date = await prompts.input({
    message: 'Date of the assessment (YYYY-MM-DD):',
    default: new Date().toISOString().slice(0, 10),
    validate: (value) => value.trim() === '' || isoDate.safeParse(value.trim()).success || 'a date written as YYYY-MM-DD, or empty',
  });
  const assessor = await prompts.input({ message: 'Assessor (optional):' });
  const context = await askContext(prompts, loaded.model, loaded.model.contexts?.[0]?.id ?? null, io);
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
  const { model, assessment: loaded } = await assessmentFromYaml(parsed, { model: options.model, baseDir: dirname(options.output), locale });
  const outdated = outdatedAnswers(source.file, model);
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
    context: loaded.context ?? (await askContext(prompts, model.model, null, io)),
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
async function save(session: Session): Promise<void> {
  const text = answersTemplate(session.model, {
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
