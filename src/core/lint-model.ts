import type { Model } from '../schema/model.js';
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
export function lintModel(model: Model): InputIssue[] {
  const issues: InputIssue[] = [];
  lintScaleOrder(model, issues);
  lintStageDescriptors(model, issues);
  lintCompetencySizes(model, issues);
  lintIndicators(model, issues);
  lintAnchors(model, issues);
  lintContexts(model, issues);
  lintKeys(model, issues);
  lintSources(model, issues);
  return issues;
}

/** Scale values must run strictly down (or up) the list: a tie or a turn makes two answers mean the same or the order lie. */
function lintScaleOrder(model: Model, issues: InputIssue[]): void {
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
          ? `scale levels ${quoted(previous.id)} and ${quoted(level.id)} have the same value ${level.value}; values must be strictly decreasing (or increasing) down the list`
          : `scale level ${quoted(level.id)} (${level.value}) breaks the order of the values before it; values must be strictly decreasing (or increasing) down the list`,
    });
    return;
  }
}

function lintStageDescriptors(model: Model, issues: InputIssue[]): void {
  model.competencies.forEach((competency, c) => {
    const described = Object.keys(competency.stages ?? {});
    const missing = model.stages.map((stage) => stage.id).filter((id) => !described.includes(id));
    if (missing.length === 0) return;
    issues.push(
      described.length === 0
        ? {
            path: ['competencies', c, 'id'],
            code: 'no-stage-descriptors',
            message: `competency ${competency.id} has no stage descriptors (stages:); describe what each stage looks like so assessors can place themselves`,
          }
        : {
            path: ['competencies', c, 'stages'],
            at: 'key',
            code: 'missing-stage-descriptor',
            message: `competency ${competency.id} describes no stage ${missing.join(', ')}`,
          },
    );
  });
}

function lintCompetencySizes(model: Model, issues: InputIssue[]): void {
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
      message: `competency ${competency.id} has ${count} indicator${count === 1 ? '' : 's'}, fewer than half the median of ${typical} per competency; its stages hang on very few answers`,
    });
  });
}

function lintIndicators(model: Model, issues: InputIssue[]): void {
  const texts = new Map<string, { id: string; path: (string | number)[] }>();
  model.competencies.forEach((competency, c) => {
    competency.indicators.forEach((indicator, i) => {
      const path = ['competencies', c, 'indicators', i];
      if (indicator.advice === undefined) {
        issues.push({
          path: [...path, 'id'],
          code: 'no-advice',
          message: `indicator ${indicator.id} has no advice; the report's next steps cannot say how to get there`,
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
          message: `indicator ${indicator.id} has the same text as ${first.id}; assessors cannot tell them apart`,
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
function lintAnchors(model: Model, issues: InputIssue[]): void {
  if (!anchorsAnswers(model)) return;
  model.scale.forEach((level, index) => {
    if (level.description !== undefined) return;
    issues.push({
      path: ['scale', index, 'id'],
      code: 'no-scale-description',
      message: `scale level ${quoted(level.id)} has no description; say what choosing it means, so that two assessors of one organisation answer alike`,
    });
  });
  model.competencies.forEach((competency, c) => {
    competency.indicators.forEach((indicator, i) => {
      const path = ['competencies', c, 'indicators', i];
      if (indicator.criteria === undefined) {
        issues.push({
          path: [...path, 'id'],
          code: 'no-criteria',
          message: `indicator ${indicator.id} has no criteria; list the conditions that must all hold for the top answer`,
        });
      } else if (indicator.criteria.length < CRITERIA_RANGE.min || indicator.criteria.length > CRITERIA_RANGE.max) {
        const count = indicator.criteria.length;
        issues.push({
          path: [...path, 'criteria'],
          at: 'key',
          code: 'criteria-count',
          message: `indicator ${indicator.id} has ${count} criteri${count === 1 ? 'on' : 'a'}; give ${CRITERIA_RANGE.min} to ${CRITERIA_RANGE.max}: ${count < CRITERIA_RANGE.min ? 'a single one only restates the text' : 'an assessor does not check more than that one by one'}`,
        });
      }
      if (indicator.evidence === undefined) {
        issues.push({
          path: [...path, 'id'],
          code: 'no-evidence-prompt',
          message: `indicator ${indicator.id} has no evidence prompt (evidence:); say what an assessor looks at to answer it`,
        });
      }
    });
  });
}

/** A context no indicator names selects nothing: choosing it scores like choosing none. */
function lintContexts(model: Model, issues: InputIssue[]): void {
  const named = new Set(model.competencies.flatMap((competency) => competency.indicators.flatMap((indicator) => indicator.contexts ?? [])));
  (model.contexts ?? []).forEach((context, index) => {
    if (named.has(context.id)) return;
    issues.push({
      path: ['contexts', index, 'id'],
      code: 'unused-context',
      message: `context ${context.id} is named by no indicator's contexts:, so choosing it changes nothing; give it the indicators that only it has, or remove it`,
    });
  });
}

/**
 * A key indicator at the lowest stage of its competency holds the whole competency at the first
 * stage until it is met: a gate on everything above rather than a must-have of one stage.
 */
function lintKeys(model: Model, issues: InputIssue[]): void {
  const places = new Map(model.stages.map((stage, place) => [stage.id, place]));
  model.competencies.forEach((competency, c) => {
    const lowest = Math.min(...competency.indicators.map((indicator) => places.get(indicator.stage)!));
    competency.indicators.forEach((indicator, i) => {
      if (indicator.key !== true || places.get(indicator.stage) !== lowest) return;
      issues.push({
        path: ['competencies', c, 'indicators', i, 'key'],
        at: 'key',
        code: 'key-at-lowest-stage',
        message: `key indicator ${indicator.id} is at ${indicator.stage}, the lowest stage of competency ${competency.id}: until it is met, ${competency.id} stays at ${model.stages[0]!.id} whatever else is answered; keep key: for the must-haves of a higher stage`,
      });
    });
  });
}

/** A source read over plain http can be changed on the way; every reader of the model follows these links. */
function lintSources(model: Model, issues: InputIssue[]): void {
  model.competencies.forEach((competency, c) => {
    competency.sources?.forEach((source, s) => {
      if (source.url.toLowerCase().startsWith('https:')) return;
      issues.push({
        path: ['competencies', c, 'sources', s, 'url'],
        code: 'insecure-source',
        message: `source ${quoted(source.url)} of competency ${competency.id} is not an https: URL; link to its https: address`,
      });
    });
  });
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}
