import type { Catalogue } from '../../locale/keys.js';
import type { Respondent } from '../../schema/answers.js';
import type { Language } from '../../schema/language.js';
import type { Model } from '../../schema/model.js';

/**
 * What the questionnaire page's script is given, embedded in the page as JSON: the model (in the
 * page's language), what every downloaded answers file says besides the answers, and the few
 * messages the script writes. The page's markup is made from the same data by the formatter.
 */
export interface FormPageData {
  language: Language;
  model: Model;
  /** What a downloaded file writes as `model:` (the exact version of a built-in model, or a path). */
  modelRef: string;
  /** What a downloaded file's editor modeline points at. */
  schema: string;
  /** The organisation assessed, null when the respondent is to write it. */
  organisation: string | null;
  /** The model's context the organisation works in; null: every indicator applies. */
  context: string | null;
  /** Who answers, as the command line filled it in; the respondent may change it in the page. */
  respondent: Respondent;
  /** Where the browser keeps the answers as they are given: one key per organisation, model and respondent. */
  storageKey: string;
  /** The indicators asked, in the page's order: the question numbered n is `indicators[n]`. */
  indicators: string[];
  /** The messages the script says and writes, by area (`team`: form.page.*, `answers`: template.*, `input`: answers.*). */
  messages: Partial<Record<'team' | 'answers' | 'input', Catalogue>>;
}

/** The id of the `<script type="application/json">` element holding the page's data. */
export const FORM_DATA_ID = 'form-data';

/**
 * The page's data as the text of a `<script type="application/json">` element: JSON in which
 * `<`, `>` and `&` are written as escapes, so that no text of the model can close the element or
 * open a comment in it, and U+2028 and U+2029, which some JavaScript engines once read as line ends.
 */
export function embeddedJson(data: unknown): string {
  return JSON.stringify(data).replace(/[<>&\u2028\u2029]/g, (character) => `\\u${character.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/**
 * The storage key of a page: the organisation, the model (id and version) and the respondent's
 * name as the command line gave them, so that two pages sent to two people, or for two
 * organisations, never share answers in one browser.
 */
export function storageKeyOf(organisation: string | null, model: Model, respondent: Respondent): string {
  return `cm-maturity:form:${JSON.stringify([organisation ?? '', `${model.id}@${model.version}`, respondent.name ?? ''])}`;
}
