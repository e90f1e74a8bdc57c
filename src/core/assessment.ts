import type { Language } from '../schema/language.js';
import { NOT_APPLICABLE } from '../schema/constants.js';
import type { Indicator, Model } from '../schema/model.js';
import type { AnswersFile } from '../schema/answers.js';
import { ENGLISH } from '../locale/english.js';
import type { Locale } from '../locale/locale.js';
import type { InputIssue } from './issue.js';
import { inlineText, quoted } from './quote.js';
import { didYouMean } from './suggest.js';

/** One answer after checking: a scale id or `n/a` (null when only a note was written). */
export interface Answer {
  answer: string | null;
  note: string | null;
  /** What the answer rests on (links or short texts), when the file gives any. */
  evidence?: readonly string[];
  /** When the answer was last checked (YYYY-MM-DD), when the file says. */
  checked?: string;
  /** In a combined file: how many respondents gave each answer (scale id or `n/a`). */
  distribution?: Readonly<Record<string, number>>;
}

/** An organisation's answers, checked against a model and keyed by indicator id. */
export interface Assessment {
  organisation: string;
  date: string | null;
  assessor: string | null;
  /** The model's context the organisation works in (a `contexts:` id); none or null: every indicator applies. */
  context?: string | null;
  /** The language the file asks its reports to be in (`language:`), unless `--lang` says otherwise. */
  language?: Language | null;
  /** In a file combined by `consensus`: how many respondents it combines. */
  respondents?: number;
  /** A Map, not an object: indicator ids such as `__proto__` or `constructor` must stay plain data. */
  answers: ReadonlyMap<string, Answer>;
}

export interface AssessmentCheck {
  assessment: Assessment;
  issues: InputIssue[];
}

interface AnswerKeys {
  indicatorIds: string[];
  known: Set<string>;
  allowed: string[];
}

/** Per model, what answers may say; a portfolio checks thousands of files against one model. */
const answerKeys = new WeakMap<Model, AnswerKeys>();

function answerKeysOf(model: Model): AnswerKeys {
  let keys = answerKeys.get(model);
  if (!keys) {
    const indicatorIds = model.competencies.flatMap((competency) => competency.indicators.map((indicator) => indicator.id));
    keys = { indicatorIds, known: new Set(indicatorIds), allowed: [...model.scale.map((level) => level.id), NOT_APPLICABLE] };
    answerKeys.set(model, keys);
  }
  return keys;
}

/** Checks every answer against the model: known indicator ids and answers on the model's scale. */
export function checkAnswers(model: Model, file: AnswersFile, locale: Locale = ENGLISH): AssessmentCheck {
  const issues: InputIssue[] = [];
  const { indicatorIds, known, allowed } = answerKeysOf(model);
  const answers = new Map<string, Answer>();

  const entries = file.answers ?? {};
  // A loop over keys rather than Object.entries, which made an array per answer of every file.
  for (const id in entries) {
    if (!Object.hasOwn(entries, id)) continue;
    const entry = entries[id]!;
    if (!known.has(id)) {
      issues.push({
        path: ['answers', id],
        at: 'key',
        code: 'unknown-indicator',
        message: locale.t('input.answers.unknown-indicator', { id: quoted(id), model: model.id, suggestion: didYouMean(id, indicatorIds, locale) }),
      });
      continue;
    }
    const isObject = entry !== null && typeof entry === 'object';
    const answer = isObject ? (entry.answer ?? null) : entry;
    const note = isObject ? (entry.note ?? null) : null;
    if (answer !== null && !allowed.includes(answer)) {
      issues.push({
        path: isObject ? ['answers', id, 'answer'] : ['answers', id],
        code: 'unknown-answer',
        message: locale.t('input.answers.unknown-answer', { answer: quoted(answer), id, suggestion: didYouMean(answer, allowed, locale), allowed: allowed.map(inlineText).join(', ') }),
      });
      continue;
    }
    const checked: Answer = { answer, note };
    if (isObject && entry.evidence !== undefined) checked.evidence = entry.evidence;
    if (isObject && entry.checked !== undefined) checked.checked = entry.checked;
    if (isObject && entry.distribution !== undefined) {
      const unknown = Object.keys(entry.distribution).filter((given) => !allowed.includes(given));
      for (const given of unknown) {
        issues.push({
          path: ['answers', id, 'distribution', given],
          at: 'key',
          code: 'unknown-answer',
          message: locale.t('input.answers.unknown-answer', { answer: quoted(given), id, suggestion: didYouMean(given, allowed, locale), allowed: allowed.map(inlineText).join(', ') }),
        });
      }
      if (unknown.length === 0) checked.distribution = entry.distribution;
    }
    answers.set(id, checked);
  }
  const context = file.context ?? null;
  if (context !== null) {
    const contextIds = (model.contexts ?? []).map((candidate) => candidate.id);
    if (!contextIds.includes(context)) {
      issues.push({
        path: ['context'],
        code: 'unknown-context',
        message:
          contextIds.length === 0
            ? locale.t('input.answers.no-contexts', { model: model.id, context: quoted(context) })
            : locale.t('input.answers.unknown-context', {
                context: quoted(context),
                model: model.id,
                suggestion: didYouMean(context, contextIds, locale),
                contexts: contextIds.join(', '),
              }),
      });
    }
  }

  return {
    issues,
    assessment: {
      organisation: file.organisation,
      date: file.date ?? null,
      assessor: file.assessor ?? null,
      context,
      ...(file.language == null ? {} : { language: file.language }),
      ...(file.respondents !== undefined ? { respondents: file.respondents } : {}),
      answers,
    },
  };
}

/** Whether an indicator applies in the assessment's context: always, unless it names contexts and not this one. */
export function appliesIn(indicator: Indicator, context: string | null | undefined): boolean {
  return context == null || indicator.contexts === undefined || indicator.contexts.includes(context);
}

/** Indicators with no answer yet, in model order; those outside the assessment's context need none. */
export function unansweredIndicators(model: Model, assessment: Assessment): string[] {
  return model.competencies.flatMap((competency) =>
    competency.indicators
      .filter((indicator) => appliesIn(indicator, assessment.context) && (assessment.answers.get(indicator.id)?.answer ?? null) === null)
      .map((indicator) => indicator.id),
  );
}
