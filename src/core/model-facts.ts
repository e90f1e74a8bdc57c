import type { Model } from '../schema/model.js';
import { appliesIn } from './assessment.js';

/** How many indicators a model has across all its competencies; with a context, how many apply in it. */
export function indicatorCount(model: Model, context?: string | null): number {
  return model.competencies.reduce((sum, competency) => sum + competency.indicators.filter((indicator) => appliesIn(indicator, context)).length, 0);
}
