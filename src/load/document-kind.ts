/** What a YAML mapping looks like: a maturity model, an organisation's answers, or neither. */
export type DocumentKind = 'model' | 'answers' | 'unknown';

const MODEL_KEYS = ['competencies', 'stages', 'scale'];
const ANSWERS_KEYS = ['answers', 'organisation'];

/** Guesses the kind from the top-level keys, so that a file passed in the wrong place is explained, not just rejected. */
export function documentKind(data: unknown): DocumentKind {
  if (data === null || typeof data !== 'object' || Array.isArray(data)) return 'unknown';
  const has = (key: string) => Object.hasOwn(data, key);
  const model = MODEL_KEYS.filter(has).length;
  const answers = ANSWERS_KEYS.filter(has).length;
  if (model > answers) return 'model';
  if (answers > model) return 'answers';
  return 'unknown';
}
