import { NOT_APPLICABLE } from '../schema/constants.js';
import type { Competency, Indicator, Model, Stage } from '../schema/model.js';
import type { Answer, Assessment } from './assessment.js';
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

/** What the user can do at a question. */
export type Action = { kind: 'answer'; answer: string } | { kind: 'skip' } | { kind: 'back' } | { kind: 'note'; note: string | null };

/** Every indicator in model order: competency by competency, stages lowest first, as `init` lists them. */
export function questions(model: Model): Question[] {
  const list: Question[] = [];
  for (const competency of model.competencies) {
    for (const stage of model.stages.slice(1)) {
      for (const indicator of competency.indicators) {
        if (indicator.stage === stage.id) list.push({ competency, stage, indicator, index: list.length });
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

/** The question after an action: back goes one up (never before the first), a note stays, anything else moves on. */
export function nextIndex(index: number, action: Action): number {
  if (action.kind === 'back') return Math.max(0, index - 1);
  if (action.kind === 'note') return index;
  return index + 1;
}

/** The answers after an action; skip and back leave them as they are. */
export function applyAction(answers: ReadonlyMap<string, Answer>, id: string, action: Action): Map<string, Answer> {
  const next = new Map(answers);
  const current = answers.get(id) ?? { answer: null, note: null };
  if (action.kind === 'answer') next.set(id, { ...current, answer: action.answer });
  if (action.kind === 'note') next.set(id, { ...current, note: action.note === null || action.note.trim() === '' ? null : action.note.trim() });
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

/** The text shown above a question's choices, one line per part; `escape` is applied to each text from the model or the answers. */
export function questionText(model: Model, assessment: Assessment, question: Question, total: number, escape: (text: string) => string = (text) => text): string {
  const { competency, stage, indicator } = question;
  const running = runningStage(model, assessment, competency.id);
  const note = assessment.answers.get(indicator.id)?.note ?? null;
  return [
    `[${progressText(question.index, total)}] ${escape(competency.name)}: now at ${escape(running.stageName)} (${running.score})`,
    `${escape(stage.name)} · ${escape(indicator.id)}`,
    escape(indicator.text),
    ...(indicator.advice === undefined ? [] : [`Advice: ${escape(indicator.advice)}`]),
    ...(note === null ? [] : [`Note: ${escape(note)}`]),
  ].join('\n');
}

/** The answer choices of a question: the scale, then n/a. */
export function answerChoices(model: Model): { answer: string; label: string }[] {
  return [...model.scale.map((level) => ({ answer: level.id, label: level.label })), { answer: NOT_APPLICABLE, label: 'does not apply here' }];
}
