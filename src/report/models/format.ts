import type { TextOptions } from '../fit.js';
import type { ModelList } from '../../schema/models.js';

/** A format of the list of built-in models: a pure function from the list to the text to write. */
export type ModelListFormatter = (models: ModelList, options: TextOptions) => string;
