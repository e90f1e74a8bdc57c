import { NOT_APPLICABLE } from '../schema/constants.js';
import type { Competency, Indicator, Model, Stage } from '../schema/model.js';
import { appliesIn, type Answer, type Assessment } from './assessment.js';
import { keyAnswers } from './model-facts.js';
import type { Locale } from '../locale/locale.js';
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
export function questionText(locale: Locale, model: Model, assessment: Assessment, question: Question, total: number, escape: (text: string) => string = (text) => text): string {
  const { competency, stage, indicator } = question;
  const running = runningStage(model, assessment, competency.id);
  const entry = assessment.answers.get(indicator.id);
  const note = entry?.note ?? null;
  const top = model.scale.reduce((best, level) => (level.value > best.value ? level : best));
  const keyAnswered = keyAnswers(model).map(escape);
  const place = { stage: escape(stage.name), id: escape(indicator.id) };
  return [
    locale.t('answers.question.heading', { progress: progressText(question.index, total), competency: escape(competency.name), stage: escape(running.stageName), score: locale.decimal(running.score) }),
    locale.t(indicator.key === true ? 'answers.question.placeKey' : 'answers.question.place', place),
    escape(indicator.text),
    ...(indicator.key === true ? [locale.t('answers.question.key', { stage: escape(stage.name), answers: keyAnswered.slice(0, -1).join(', '), last: keyAnswered.at(-1)! })] : []),
    ...(indicator.criteria === undefined ? [] : [locale.t('answers.question.criteria', { answer: escape(top.id) }), ...indicator.criteria.map((criterion) => `${LIST_ITEM}${escape(criterion)}`)]),
    ...(indicator.evidence === undefined ? [] : [locale.t('answers.question.evidence', { evidence: escape(indicator.evidence) })]),
    ...(indicator.advice === undefined ? [] : [locale.t('answers.question.advice', { advice: escape(indicator.advice) })]),
    ...(note === null ? [] : [locale.t('answers.question.note', { note: escape(note) })]),
    ...(entry?.evidence === undefined ? [] : [locale.t('answers.question.evidenceGiven'), ...entry.evidence.map((item) => `${LIST_ITEM}${escape(item)}`)]),
    ...(entry?.checked === undefined ? [] : [locale.t('answers.question.lastChecked', { date: locale.date(entry.checked) })]),
  ].join('\n');
}

/**
 * The answer choices of a question: the scale, then n/a; each with what it means when the scale
 * says it (n/a then too, so that no choice is left unexplained).
 */
export function answerChoices(locale: Locale, model: Model): { answer: string; label: string; description?: string }[] {
  const described = model.scale.some((level) => level.description !== undefined);
  const notApplicable = { answer: NOT_APPLICABLE, label: locale.t('answers.choice.notApplicable') };
  return [
    ...model.scale.map((level) => (level.description === undefined ? { answer: level.id, label: level.label } : { answer: level.id, label: level.label, description: level.description })),
    described ? { ...notApplicable, description: locale.t('answers.choice.notApplicableDescription') } : notApplicable,
  ];
}

