import { NOT_APPLICABLE } from '../schema/constants.js';
import type { Model } from '../schema/model.js';
import type { NextStep, Report } from '../schema/report.js';
import { aggregateScore, competencyScore, stageAttainments, stagePlaces, stageSums } from './score.js';

/** An assessment with fewer than this share of its indicators answered is a draft. */
export const DRAFT_BELOW = 0.8;

/** How much of an assessment is answered, and whether it is still a draft. */
export interface Completeness {
  answered: number;
  total: number;
  /** answered / total, from 0 to 1. */
  share: number;
  /** Fewer than 80% of the indicators answered (`n/a` counts as answered). */
  draft: boolean;
}

export function completeness(report: Report): Completeness {
  const { answered, total } = report.completeness;
  // Compared in whole numbers, so that exactly 80% is never a draft through rounding.
  return { answered, total, share: total === 0 ? 0 : answered / total, draft: answered * 100 < DRAFT_BELOW * 100 * total };
}

/** A next step ranked by what it would bring. */
export interface Priority {
  /** The competency's id and name. */
  competency: string;
  competencyName: string;
  step: NextStep;
  /** How much the overall score would rise (untruncated) with this indicator answered at the top of the scale. */
  overallGain: number;
  /** How much the competency's score would rise (untruncated) by the same. */
  competencyGain: number;
}

/** Gains closer than this are equal: two paths to the same sum may differ in the last bits. */
const SAME = 1e-9;

/**
 * The next steps of every competency, ranked by their gain. The gain of a step is how much the
 * overall score would rise if that one indicator were answered at the top of the scale and
 * nothing else changed, by the model's own rules: the attainment of its stage rises by
 * weight × (top value − value) / Σ weights of the stage's counted indicators, a stage that reaches
 * the threshold is met (and may lift the level past stages already met above it), the
 * competency's score follows, and the overall score follows by the model's aggregate. Equal
 * overall gains (with `min` or `median`, most steps move the overall score by 0) go by the rise of
 * the competency's own score, then by model order (competency, then its list of next steps).
 * `report` must have been scored with `model`; competencies or indicators it lacks are skipped.
 */
export function rankedSteps(model: Model, report: Report): Priority[] {
  const values = new Map(model.scale.map((level) => [level.id, level.value]));
  const top = Math.max(...model.scale.map((level) => level.value));
  const places = stagePlaces(model);
  const results = new Map(report.competencies.map((competency) => [competency.id, competency]));

  const competencies = model.competencies.flatMap((competency) => {
    const result = results.get(competency.id);
    if (!result) return [];
    const answers = new Map(result.indicators.map((indicator) => [indicator.id, indicator.answer]));
    /** What each indicator counts for, in model order: its scale value, 0 when unanswered, null for n/a (out of context included). */
    const counts = competency.indicators.map((indicator) => {
      const answer = answers.get(indicator.id) ?? null;
      return answer === NOT_APPLICABLE ? null : answer === null ? 0 : (values.get(answer) ?? 0);
    });
    const { weighted, weights, blocking } = stageSums(model, competency, counts);
    const counted = new Map(competency.indicators.flatMap((indicator, order) => (counts[order] === null ? [] : [[indicator.id, counts[order]!] as const])));
    const { raw } = competencyScore(model, stageAttainments(model, weighted, weights), blocking);
    return [{ competency, result, weighted, weights, blocking, counted, raw }];
  });

  const base = competencies.map(({ raw, competency }) => ({ raw, weight: competency.weight }));
  const overall = aggregateScore(model.aggregate, base);
  const ranked: { priority: Priority; order: number }[] = [];
  competencies.forEach(({ competency, result, weighted, weights, blocking, counted, raw }, index) => {
    for (const step of result.next) {
      const indicator = competency.indicators.find((candidate) => candidate.id === step.id);
      const value = counted.get(step.id);
      const place = places.get(step.stage);
      if (!indicator || value === undefined || place === undefined) continue;
      const raised = [...weighted];
      raised[place]! += indicator.weight * (top - value);
      // At the top of the scale a key indicator no longer holds its stage back.
      const unblocked = blocking.map((ids) => ids.filter((id) => id !== step.id));
      const after = competencyScore(model, stageAttainments(model, raised, weights), unblocked).raw;
      const scores = base.map((item, at) => (at === index ? { ...item, raw: after } : item));
      ranked.push({
        priority: { competency: competency.id, competencyName: result.name, step, overallGain: aggregateScore(model.aggregate, scores) - overall, competencyGain: after - raw },
        order: ranked.length,
      });
    }
  });
  ranked.sort((a, b) => compareGain(b.priority.overallGain, a.priority.overallGain) || compareGain(b.priority.competencyGain, a.priority.competencyGain) || a.order - b.order);
  return ranked.map(({ priority }) => priority);
}

/** The `count` next steps with the largest gain across competencies (see rankedSteps). */
export function topPriorities(model: Model, report: Report, count = 3): Priority[] {
  return rankedSteps(model, report).slice(0, count);
}

function compareGain(a: number, b: number): number {
  return Math.abs(a - b) < SAME ? 0 : a - b;
}
