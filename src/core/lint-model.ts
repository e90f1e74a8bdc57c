import type { Model } from '../schema/model.js';
import { ENGLISH } from '../locale/english.js';
import type { Locale } from '../locale/locale.js';
import type { InputIssue } from './issue.js';
import { quoted } from './quote.js';

/**
 * A competency is "far smaller" than the others when it has fewer than this fraction of the
 * median indicator count: its stages rest on so few indicators that one answer swings them.
 */
export const SMALL_COMPETENCY_RATIO = 0.5;

/**
 * How many criteria an indicator should have: one is a restatement of its text, and past four
 * an assessor stops checking them one by one.
 */
const CRITERIA_RANGE = { min: 2, max: 4 } as const;

/**
 * Weaknesses of a valid model that make its results less useful, as warnings: nothing here
 * stops a model from scoring, but each makes an assessment harder to answer or to trust.
 * Run it only on a model that passed checkModel.
 */
export function lintModel(model: Model, locale: Locale = ENGLISH): InputIssue[] {
  const issues: InputIssue[] = [];
  lintScaleOrder(model, issues, locale);
  lintStageDescriptors(model, issues, locale);
  lintCompetencySizes(model, issues, locale);
  lintIndicators(model, issues, locale);
  lintAnchors(model, issues, locale);
  lintContexts(model, issues, locale);
  lintKeys(model, issues, locale);
  lintSources(model, issues, locale);
  return issues;
}

/** Scale values must run strictly down (or up) the list: a tie or a turn makes two answers mean the same or the order lie. */
function lintScaleOrder(model: Model, issues: InputIssue[], locale: Locale): void {
  const values = model.scale.map((level) => level.value);
  const direction = Math.sign(values[1]! - values[0]!);
  for (let index = 1; index < values.length; index++) {
    const step = Math.sign(values[index]! - values[index - 1]!);
    if (step !== 0 && step === direction) continue;
    const previous = model.scale[index - 1]!;
    const level = model.scale[index]!;
    issues.push({
      path: ['scale', index, 'value'],
      code: 'scale-order',
      message:
        step === 0
          ? locale.t('input.lint.scale-tie', { previous: quoted(previous.id), level: quoted(level.id), value: locale.decimal(String(level.value)) })
          : locale.t('input.lint.scale-order', { level: quoted(level.id), value: locale.decimal(String(level.value)) }),
    });
    return;
  }
}

function lintStageDescriptors(model: Model, issues: InputIssue[], locale: Locale): void {
  model.competencies.forEach((competency, c) => {
    const described = Object.keys(competency.stages ?? {});
    const missing = model.stages.map((stage) => stage.id).filter((id) => !described.includes(id));
    if (missing.length === 0) return;
    issues.push(
      described.length === 0
        ? {
            path: ['competencies', c, 'id'],
            code: 'no-stage-descriptors',
            message: locale.t('input.lint.no-stage-descriptors', { competency: competency.id }),
          }
        : {
            path: ['competencies', c, 'stages'],
            at: 'key',
            code: 'missing-stage-descriptor',
            message: locale.t('input.lint.missing-stage-descriptor', { competency: competency.id, stages: missing.join(', ') }),
          },
    );
  });
}

function lintCompetencySizes(model: Model, issues: InputIssue[], locale: Locale): void {
  if (model.competencies.length < 2) return;
  const counts = model.competencies.map((competency) => competency.indicators.length);
  const typical = median(counts);
  model.competencies.forEach((competency, c) => {
    const count = competency.indicators.length;
    if (count >= typical * SMALL_COMPETENCY_RATIO) return;
    issues.push({
      path: ['competencies', c, 'indicators'],
      at: 'key',
      code: 'small-competency',
      message: locale.t('input.lint.small-competency', { competency: competency.id, count, median: locale.decimal(String(typical)) }),
    });
  });
}

function lintIndicators(model: Model, issues: InputIssue[], locale: Locale): void {
  const texts = new Map<string, { id: string; path: (string | number)[] }>();
  model.competencies.forEach((competency, c) => {
    competency.indicators.forEach((indicator, i) => {
      const path = ['competencies', c, 'indicators', i];
      if (indicator.advice === undefined) {
        issues.push({
          path: [...path, 'id'],
          code: 'no-advice',
          message: locale.t('input.lint.no-advice', { indicator: indicator.id }),
        });
      }
      const key = indicator.text.replace(/\s+/g, ' ').trim().toLowerCase();
      const first = texts.get(key);
      if (first === undefined) {
        texts.set(key, { id: indicator.id, path: [...path, 'text'] });
      } else {
        issues.push({
          path: [...path, 'text'],
          code: 'duplicate-text',
          message: locale.t('input.lint.duplicate-text', { indicator: indicator.id, first: first.id }),
          related: first.path,
        });
      }
    });
  });
}

/**
 * Whether the model says anywhere what an answer rests on: criteria, an evidence prompt or a
 * scale level's description. A model that does is held to doing it everywhere; a model that
 * does nowhere (every 1.0 model) is not asked to.
 */
function anchorsAnswers(model: Model): boolean {
  return (
    model.scale.some((level) => level.description !== undefined) ||
    model.competencies.some((competency) => competency.indicators.some((indicator) => indicator.criteria !== undefined || indicator.evidence !== undefined))
  );
}

/** Criteria, evidence prompts and scale descriptions: all or none, and 2 to 4 criteria per indicator. */
function lintAnchors(model: Model, issues: InputIssue[], locale: Locale): void {
  if (!anchorsAnswers(model)) return;
  model.scale.forEach((level, index) => {
    if (level.description !== undefined) return;
    issues.push({
      path: ['scale', index, 'id'],
      code: 'no-scale-description',
      message: locale.t('input.lint.no-scale-description', { level: quoted(level.id) }),
    });
  });
  model.competencies.forEach((competency, c) => {
    competency.indicators.forEach((indicator, i) => {
      const path = ['competencies', c, 'indicators', i];
      if (indicator.criteria === undefined) {
        issues.push({
          path: [...path, 'id'],
          code: 'no-criteria',
          message: locale.t('input.lint.no-criteria', { indicator: indicator.id }),
        });
      } else if (indicator.criteria.length < CRITERIA_RANGE.min || indicator.criteria.length > CRITERIA_RANGE.max) {
        const count = indicator.criteria.length;
        issues.push({
          path: [...path, 'criteria'],
          at: 'key',
          code: 'criteria-count',
          message: locale.t(count < CRITERIA_RANGE.min ? 'input.lint.too-few-criteria' : 'input.lint.too-many-criteria', {
            indicator: indicator.id,
            count,
            min: CRITERIA_RANGE.min,
            max: CRITERIA_RANGE.max,
          }),
        });
      }
      if (indicator.evidence === undefined) {
        issues.push({
          path: [...path, 'id'],
          code: 'no-evidence-prompt',
          message: locale.t('input.lint.no-evidence-prompt', { indicator: indicator.id }),
        });
      }
    });
  });
}

/** A context no indicator names selects nothing: choosing it scores like choosing none. */
function lintContexts(model: Model, issues: InputIssue[], locale: Locale): void {
  const named = new Set(model.competencies.flatMap((competency) => competency.indicators.flatMap((indicator) => indicator.contexts ?? [])));
  (model.contexts ?? []).forEach((context, index) => {
    if (named.has(context.id)) return;
    issues.push({
      path: ['contexts', index, 'id'],
      code: 'unused-context',
      message: locale.t('input.lint.unused-context', { context: context.id }),
    });
  });
}

/**
 * A key indicator at the lowest stage of its competency holds the whole competency at the first
 * stage until it is met: a gate on everything above rather than a must-have of one stage.
 */
function lintKeys(model: Model, issues: InputIssue[], locale: Locale): void {
  const places = new Map(model.stages.map((stage, place) => [stage.id, place]));
  model.competencies.forEach((competency, c) => {
    const lowest = Math.min(...competency.indicators.map((indicator) => places.get(indicator.stage)!));
    competency.indicators.forEach((indicator, i) => {
      if (indicator.key !== true || places.get(indicator.stage) !== lowest) return;
      issues.push({
        path: ['competencies', c, 'indicators', i, 'key'],
        at: 'key',
        code: 'key-at-lowest-stage',
        message: locale.t('input.lint.key-at-lowest-stage', { indicator: indicator.id, stage: indicator.stage, competency: competency.id, first: model.stages[0]!.id }),
      });
    });
  });
}

/** A source read over plain http can be changed on the way; every reader of the model follows these links. */
function lintSources(model: Model, issues: InputIssue[], locale: Locale): void {
  model.competencies.forEach((competency, c) => {
    competency.sources?.forEach((source, s) => {
      if (source.url.toLowerCase().startsWith('https:')) return;
      issues.push({
        path: ['competencies', c, 'sources', s, 'url'],
        code: 'insecure-source',
        message: locale.t('input.lint.insecure-source', { url: quoted(source.url), competency: competency.id }),
      });
    });
  });
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}
