import type { Model } from '../../schema/model.js';

/** A format of `form --questions`: the model's questions (those that apply in `context`) as text for a form builder. */
export type QuestionsFormatter = (model: Model, context: string | null) => string;
