import { modelSchema, type Model, type ModelInput } from '../../src/schema/model.js';
import type { Assessment, Answer } from '../../src/core/assessment.js';

/** The four-level scale most models use. */
export const SCALE = [
  { id: 'yes', label: 'Yes', value: 1 },
  { id: 'mostly', label: 'Mostly', value: 0.75 },
  { id: 'partly', label: 'Partly', value: 0.5 },
  { id: 'no', label: 'No', value: 0 },
];

export interface CompetencySpec {
  id: string;
  weight?: number;
  /** Indicators per stage id (above the first): a list of weights, one per indicator. */
  indicators: Record<string, number[]>;
}

/**
 * A model from a compact description: stage ids, then per competency the indicator weights at
 * each stage. Indicator ids are `<competency>.<stage>.<n>` (n from 1).
 */
export function buildModel(stages: string[], competencies: CompetencySpec[], extra: Partial<ModelInput> = {}): Model {
  return modelSchema.parse({
    id: 'test',
    name: 'Test model',
    version: '1',
    scale: SCALE,
    stages: stages.map((id) => ({ id, name: id.toUpperCase() })),
    competencies: competencies.map((competency) => ({
      id: competency.id,
      name: `Competency ${competency.id}`,
      ...(competency.weight === undefined ? {} : { weight: competency.weight }),
      indicators: Object.entries(competency.indicators).flatMap(([stage, weights]) =>
        weights.map((weight, index) => ({ id: `${competency.id}.${stage}.${index + 1}`, stage, text: `Indicator ${index + 1} of ${competency.id} at ${stage}`, weight })),
      ),
    })),
    ...extra,
  });
}

/** An assessment from `indicator id -> answer` (scale id or n/a). */
export function assessment(answers: Record<string, string>, organisation = 'Org'): Assessment {
  return {
    organisation,
    date: null,
    assessor: null,
    answers: new Map<string, Answer>(Object.entries(answers).map(([id, answer]) => [id, { answer, note: null }])),
  };
}
