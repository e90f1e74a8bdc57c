import type { Model } from '../schema/model.js';
import { NOT_APPLICABLE } from '../schema/constants.js';
import { appliesIn } from './assessment.js';

/** How many indicators a model has across all its competencies; with a context, how many apply in it. */
export function indicatorCount(model: Model, context?: string | null): number {
  return model.competencies.reduce((sum, competency) => sum + competency.indicators.filter((indicator) => appliesIn(indicator, context)).length, 0);
}

/** Values this close below the threshold still meet it, as scoring counts them. */
const THRESHOLD_TOLERANCE = 1e-9;

/**
 * The answers with which a key indicator lets its stage be met: the scale levels whose value
 * reaches the threshold, in scale order, then n/a.
 */
export function keyAnswers(model: Model): string[] {
  return [...model.scale.filter((level) => level.value >= model.threshold - THRESHOLD_TOLERANCE).map((level) => level.id), NOT_APPLICABLE];
}

/** Words as a sentence lists them: `a`, `a or b`, `a, b or c`. */
export function orList(words: readonly string[]): string {
  return words.length <= 1 ? (words[0] ?? '') : `${words.slice(0, -1).join(', ')} or ${words.at(-1)!}`;
}

/** A model's name and the names of its competencies and contexts, by id. */
export interface ModelNames {
  model: string;
  competencies: ReadonlyMap<string, string>;
  contexts: ReadonlyMap<string, string>;
}

/** The names of a model as it is, before a translation replaces them. */
export function modelNames(model: Model): ModelNames {
  return {
    model: model.name,
    competencies: new Map(model.competencies.map((competency) => [competency.id, competency.name])),
    contexts: new Map((model.contexts ?? []).map((context) => [context.id, context.name])),
  };
}
