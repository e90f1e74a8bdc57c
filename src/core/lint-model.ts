import type { Model } from '../schema/model.js';
import type { InputIssue } from './issue.js';
import { quoted } from './quote.js';

/**
 * A competency is "far smaller" than the others when it has fewer than this fraction of the
 * median indicator count: its stages rest on so few indicators that one answer swings them.
 */
export const SMALL_COMPETENCY_RATIO = 0.5;

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

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}
