import type { TextOptions } from '../fit.js';
import type { ModelList } from '../../schema/models.js';
import type { Locale } from '../../locale/locale.js';

/** What a format of the model list is given besides the list. */
interface ModelListFormatOptions extends TextOptions {
  /** The language of the texts shown to a person; JSON is the same in every language. */
  locale: Locale;
}

/** A format of the list of built-in models: a pure function from the list to the text to write. */
export type ModelListFormatter = (models: ModelList, options: ModelListFormatOptions) => string;
