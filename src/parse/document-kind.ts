/** What a YAML mapping looks like: a maturity model, an organisation's answers, a JSON report written by `--format json`, or none of these. */
export type DocumentKind = 'model' | 'answers' | 'report' | 'unknown';

const MODEL_KEYS = ['competencies', 'stages', 'scale'];
const ANSWERS_KEYS = ['answers', 'organisation'];

/**
 * Whether a mapping has any of a model's top-level keys: a file without one is not a model at all
 * (a `model:` line may name any file), and is refused without quoting anything it holds.
 */
export function hasModelKeys(data: object): boolean {
  return MODEL_KEYS.some((key) => Object.hasOwn(data, key));
}

/** Guesses the kind from the top-level keys, so that a file passed in the wrong place is explained, not just rejected. */
export function documentKind(data: unknown): DocumentKind {
  if (data === null || typeof data !== 'object' || Array.isArray(data)) return 'unknown';
  const has = (key: string) => Object.hasOwn(data, key);
  // A report also has stages and competencies; its version key tells it apart.
  if (has('schemaVersion')) return 'report';
  const model = MODEL_KEYS.filter(has).length;
  const answers = ANSWERS_KEYS.filter(has).length;
  if (model > answers) return 'model';
  if (answers > model) return 'answers';
  return 'unknown';
}
