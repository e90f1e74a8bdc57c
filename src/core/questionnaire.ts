import { NOT_APPLICABLE } from '../schema/constants.js';
import type { Competency, Indicator, Model, Stage } from '../schema/model.js';
import { appliesIn, type Answer, type Assessment } from './assessment.js';
import { keyAnswers, orList } from './model-facts.js';
import { scoreAssessment } from './score.js';
import { formatScore } from './truncate.js';

/** One question of the interactive assessment: an indicator with its place in the model. */
export interface Question {
  competency: Competency;
  stage: Stage;
  indicator: Indicator;
  /** Position in the questionnaire, from 0. */
  index: number;
}

/**
 * What the user can do at a question. An answer is dated with `checked`, the day of the
 * assessment, when there is one; `evidence` replaces the answer's list (empty: none).
 */
export type Action =
  | { kind: 'answer'; answer: string; checked?: string | null }
  | { kind: 'skip' }
  | { kind: 'back' }
  | { kind: 'note'; note: string | null }
  | { kind: 'evidence'; evidence: readonly string[] };

/**
 * Every indicator in model order: competency by competency, stages lowest first, as `init` lists
 * them; with a context, only those that apply in it (the others count as n/a whatever is answered).
 */
export function questions(model: Model, context: string | null = null): Question[] {
  const list: Question[] = [];
  for (const competency of model.competencies) {
    for (const stage of model.stages.slice(1)) {
      for (const indicator of competency.indicators) {
        if (indicator.stage === stage.id && appliesIn(indicator, context)) list.push({ competency, stage, indicator, index: list.length });
      }
    }
  }
  return list;
}

/** Where a resumed assessment starts: the first unanswered question, or the first when all are answered. */
export function startIndex(list: readonly Question[], answers: ReadonlyMap<string, Answer>): number {
  const index = list.findIndex((question) => (answers.get(question.indicator.id)?.answer ?? null) === null);
  return index === -1 ? 0 : index;
}

/** The question after an action: back goes one up (never before the first), a note or evidence stays, anything else moves on. */
export function nextIndex(index: number, action: Action): number {
  if (action.kind === 'back') return Math.max(0, index - 1);
  if (action.kind === 'note' || action.kind === 'evidence') return index;
  return index + 1;
}

/**
 * The answers after an action; skip and back leave them as they are. An answer given on a dated
 * assessment is checked that day; without a date, an answer left as it was keeps the day it was
 * last checked, and a changed one loses it (nobody can say when it was checked).
 */
export function applyAction(answers: ReadonlyMap<string, Answer>, id: string, action: Action): Map<string, Answer> {
  const next = new Map(answers);
  const current = answers.get(id) ?? { answer: null, note: null };
  if (action.kind === 'answer') {
    const { checked: _previous, ...rest } = current;
    const checked = action.checked ?? (action.answer === current.answer ? current.checked : undefined);
    next.set(id, checked === undefined ? { ...rest, answer: action.answer } : { ...rest, answer: action.answer, checked });
  }
  if (action.kind === 'note') next.set(id, { ...current, note: action.note === null || action.note.trim() === '' ? null : action.note.trim() });
  if (action.kind === 'evidence') {
    const { evidence: _previous, ...rest } = current;
    const items = action.evidence.map((item) => item.trim()).filter((item) => item !== '');
    next.set(id, items.length === 0 ? rest : { ...rest, evidence: items });
  }
  return next;
}

/** `12/72`: the question's position out of all. */
export function progressText(index: number, total: number): string {
  return `${index + 1}/${total}`;
}

/** How many questions have an answer. */
export function answeredCount(list: readonly Question[], answers: ReadonlyMap<string, Answer>): number {
  return list.filter((question) => (answers.get(question.indicator.id)?.answer ?? null) !== null).length;
}

/** The stage a competency has reached with the answers so far, as the score report computes it. */
export function runningStage(model: Model, assessment: Assessment, competencyId: string): { stageName: string; score: string } {
  const result = scoreAssessment(model, assessment).competencies.find((competency) => competency.id === competencyId)!;
  return { stageName: result.stageName, score: formatScore(result.score) };
}

/** The start of a line of a list in a question, which continuation lines are indented under. */
export const LIST_ITEM = '  - ';

/**
 * The text shown above a question's choices, one line per part (a list, one line per item
 * starting with LIST_ITEM); `escape` is applied to each text from the model or the answers.
 */
export function questionText(model: Model, assessment: Assessment, question: Question, total: number, escape: (text: string) => string = (text) => text): string {
  const { competency, stage, indicator } = question;
  const running = runningStage(model, assessment, competency.id);
  const entry = assessment.answers.get(indicator.id);
  const note = entry?.note ?? null;
  const top = model.scale.reduce((best, level) => (level.value > best.value ? level : best));
  return [
    `[${progressText(question.index, total)}] ${escape(competency.name)}: now at ${escape(running.stageName)} (${running.score})`,
    `${escape(stage.name)} · ${escape(indicator.id)}${indicator.key === true ? ' · key indicator' : ''}`,
    escape(indicator.text),
    ...(indicator.key === true ? [`Key: ${escape(stage.name)} is not met until this one is answered ${orList(keyAnswers(model).map(escape))}.`] : []),
    ...(indicator.criteria === undefined ? [] : [`Criteria, all must hold for ${escape(top.id)}:`, ...indicator.criteria.map((criterion) => `${LIST_ITEM}${escape(criterion)}`)]),
    ...(indicator.evidence === undefined ? [] : [`Evidence to look at: ${escape(indicator.evidence)}`]),
    ...(indicator.advice === undefined ? [] : [`Advice: ${escape(indicator.advice)}`]),
    ...(note === null ? [] : [`Note: ${escape(note)}`]),
    ...(entry?.evidence === undefined ? [] : ['Evidence given:', ...entry.evidence.map((item) => `${LIST_ITEM}${escape(item)}`)]),
    ...(entry?.checked === undefined ? [] : [`Last checked: ${entry.checked}`]),
  ].join('\n');
}

/** What n/a means, beside the scale levels' own descriptions. */
const NOT_APPLICABLE_DESCRIPTION = 'The indicator does not apply to this organisation: it is left out of the score.';

/**
 * The answer choices of a question: the scale, then n/a; each with what it means when the scale
 * says it (n/a then too, so that no choice is left unexplained).
 */
export function answerChoices(model: Model): { answer: string; label: string; description?: string }[] {
  const described = model.scale.some((level) => level.description !== undefined);
  return [
    ...model.scale.map((level) => (level.description === undefined ? { answer: level.id, label: level.label } : { answer: level.id, label: level.label, description: level.description })),
    described ? { answer: NOT_APPLICABLE, label: 'does not apply here', description: NOT_APPLICABLE_DESCRIPTION } : { answer: NOT_APPLICABLE, label: 'does not apply here' },
  ];
}

