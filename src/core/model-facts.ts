import type { Model } from '../schema/model.js';

/** How many indicators a model has across all its competencies. */
export function indicatorCount(model: Model): number {
  return model.competencies.reduce((sum, competency) => sum + competency.indicators.length, 0);
}
