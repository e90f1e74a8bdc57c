import type { SkippedKind } from '../core/file-summary.js';

/**
 * What a YAML mapping looks like: a maturity model, an organisation's answers, a JSON report
 * written by `--format json`, a plan, a translation of a model's texts, or none of these.
 */
export type DocumentKind = 'model' | 'answers' | 'report' | 'plan' | 'overlay' | 'unknown';

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
  // A plan also names its organisation and model; only a plan has phases or a baseline file.
  if (has('phases') || (has('baseline') && !has('answers'))) return 'plan';
  // A translation has a model's sections (stages, scale, competencies) too; only it names the model it translates.
  if (has('translates')) return 'overlay';
  const model = MODEL_KEYS.filter(has).length;
  const answers = ANSWERS_KEYS.filter(has).length;
  if (model > answers) return 'model';
  if (answers > model) return 'answers';
  return 'unknown';
}

/**
 * What a parsed document found in a folder is, for deciding whether a command reads it: an answers
 * file, a model, a JSON report, or other YAML that is no assessment at all (a CI workflow, a list).
 * A mapping with an `organisation` or `answers` key is an answers file, however broken, so that its
 * errors are reported; so is an empty document, which can only be an unfinished one.
 */
export function foundKind(data: unknown): 'answers' | SkippedKind {
  if (data === null || data === undefined) return 'answers';
  if (typeof data !== 'object' || Array.isArray(data)) return 'other';
  const kind = documentKind(data);
  // A translation found beside its model is passed over with the models.
  if (kind === 'overlay') return 'model';
  if (kind === 'model' || kind === 'report' || kind === 'plan' || kind === 'answers') return kind;
  return ANSWERS_KEYS.some((key) => Object.hasOwn(data, key)) ? 'answers' : 'other';
}
