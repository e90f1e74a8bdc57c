import type { ModelListFormatter } from './format.js';

/** The models as pretty-printed JSON (`modelListSchema`). */
export const formatModelListJson: ModelListFormatter = (models) => `${JSON.stringify(models, null, 2)}\n`;
