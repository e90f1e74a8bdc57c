import { NOT_APPLICABLE, REPORT_SCHEMA_VERSION } from '../schema/constants.js';
import type { Aggregate, Competency, Model } from '../schema/model.js';
import type { CompetencyResult, IndicatorResult, NextStep, OverallResult, Report } from '../schema/report.js';
import { unansweredIndicators, type Assessment } from './assessment.js';
import { truncate2 } from './truncate.js';
import { indicatorCount } from './model-facts.js';

/** Attainments this close below the threshold still meet it: 0.1 + 0.65 must equal 0.75. */
const TOLERANCE = 1e-9;

/** Scores a checked assessment against its model. Pure: same input, same report. */
export function scoreAssessment(model: Model, assessment: Assessment): Report {
  const values = new Map(model.scale.map((level) => [level.id, level.value]));
  const topValue = Math.max(...model.scale.map((level) => level.value));
  const scored = model.competencies.map((competency) => scoreCompetency(model, competency, assessment, values, topValue));
  const unanswered = unansweredIndicators(model, assessment);
  const total = indicatorCount(model);

  return {
    schemaVersion: REPORT_SCHEMA_VERSION,
    model: { id: model.id, name: model.name, version: model.version },
    organisation: assessment.organisation,
    date: assessment.date,
    assessor: assessment.assessor,
    threshold: model.threshold,
    aggregate: model.aggregate,
    stages: model.stages.map((stage, index) => ({ id: stage.id, name: stage.name, level: index + 1 })),
    overall: overall(model, scored),
    competencies: scored.map(({ result }) => result),
    completeness: { answered: total - unanswered.length, total, unanswered },
  };
}

interface ScoredCompetency {
  result: CompetencyResult;
  /** The untruncated score, so that the overall score is computed before anything is cut. */
  raw: number;
}

function scoreCompetency(
  model: Model,
  competency: Competency,
  assessment: Assessment,
  values: ReadonlyMap<string, number>,
  topValue: number,
): ScoredCompetency {
  // One pass over the indicators: each answer looked up once, its result made, and its weight
  // added to its stage's sums (by the stage's place in the model; the first stage has no sums).
  const stagePlace = stagePlaces(model);
  const weighted = new Array<number>(model.stages.length).fill(0);
  const weights = new Array<number>(model.stages.length).fill(0);
  /** What each indicator counts for: its scale value, 0 when unanswered, null for n/a (left out). */
  const counted: (number | null)[] = [];
  const indicators: IndicatorResult[] = [];
  for (const indicator of competency.indicators) {
    const entry = assessment.answers.get(indicator.id);
    const answer = entry?.answer ?? null;
    const value = answer === null || answer === NOT_APPLICABLE ? null : (values.get(answer) ?? null);
    const count = answer === NOT_APPLICABLE ? null : (value ?? 0);
    counted.push(count);
    const place = stagePlace.get(indicator.stage);
    if (count !== null && place !== undefined) {
      weighted[place]! += indicator.weight * count;
      weights[place]! += indicator.weight;
    }
    indicators.push({
      id: indicator.id,
      stage: indicator.stage,
      text: indicator.text,
      answer,
      value,
      note: entry?.note ?? null,
    });
  }
  const attainment = stageAttainments(model, weighted, weights);
  const { level, raw } = competencyScore(model, attainment);
  const nextStage = model.stages[level];
  const stage = model.stages[level - 1]!;

  // The unmet indicators of the next stage (n/a ones are not steps).
  const gaps: { order: number; gain: number }[] = [];
  if (nextStage) {
    competency.indicators.forEach((indicator, order) => {
      const value = counted[order];
      if (indicator.stage === nextStage.id && value !== null && value !== undefined && value < topValue) gaps.push({ order, gain: indicator.weight * (topValue - value) });
    });
  }
  // The largest possible gain first; model order breaks ties so the list is stable.
  gaps.sort((a, b) => b.gain - a.gain || a.order - b.order);
  const next: NextStep[] = gaps.map(({ order }) => {
    const result = indicators[order]!;
    return { id: result.id, stage: result.stage, text: result.text, answer: result.answer, note: result.note, advice: competency.indicators[order]!.advice ?? null };
  });

  return {
    raw,
    result: {
      id: competency.id,
      name: competency.name,
      weight: competency.weight,
      level,
      stage: stage.id,
      stageName: stage.name,
      score: truncate2(raw),
      nextStage: nextStage?.id ?? null,
      attainment: Object.fromEntries([...attainment].map(([id, value]) => [id, truncate2(value)])),
      next,
      indicators,
    },
  };
}

/**
 * The attainment of every stage above the first, by stage id, from each stage's sums (by place in
 * the model) of weight × value and of weight over its counted indicators; 1 when none counts.
 */
export function stageAttainments(model: Model, weighted: readonly number[], weights: readonly number[]): Map<string, number> {
  const attainment = new Map<string, number>();
  model.stages.forEach((stage, place) => {
    if (place > 0) attainment.set(stage.id, weights[place] === 0 ? 1 : weighted[place]! / weights[place]!);
  });
  return attainment;
}

/**
 * A competency's level and untruncated score from its stage attainments: the level is the last
 * stage of an unbroken run of met stages from the second up; the score adds the progress towards
 * the next stage (attainment / threshold), and is the level alone at the top stage.
 */
export function competencyScore(model: Model, attainment: ReadonlyMap<string, number>): { level: number; raw: number } {
  // A stage counts only when every stage below it is met too.
  let level = 1;
  for (const stage of model.stages.slice(1)) {
    if ((attainment.get(stage.id) ?? 0) < model.threshold - TOLERANCE) break;
    level++;
  }
  const nextStage = model.stages[level];
  return { level, raw: nextStage ? level + (attainment.get(nextStage.id) ?? 0) / model.threshold : level };
}

/** Each stage's place in the model, by id; kept per model, as a pool scores thousands of files with one. */
const stagePlacesByModel = new WeakMap<Model, ReadonlyMap<string, number>>();

export function stagePlaces(model: Model): ReadonlyMap<string, number> {
  let places = stagePlacesByModel.get(model);
  if (!places) stagePlacesByModel.set(model, (places = new Map(model.stages.map((stage, place) => [stage.id, place]))));
  return places;
}

/** The untruncated overall score of the competencies' untruncated scores, by the model's aggregate. */
export function aggregateScore(aggregate: Aggregate, scores: readonly { raw: number; weight: number }[]): number {
  switch (aggregate) {
    case 'min':
      return Math.min(...scores.map(({ raw }) => raw));
    case 'median': {
      const sorted = scores.map(({ raw }) => raw).sort((a, b) => a - b);
      const middle = Math.floor(sorted.length / 2);
      return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
    }
    case 'mean': {
      const weights = scores.reduce((sum, { weight }) => sum + weight, 0);
      return scores.reduce((sum, { raw, weight }) => sum + raw * weight, 0) / weights;
    }
  }
}

function overall(model: Model, scored: ScoredCompetency[]): OverallResult {
  const score = aggregateScore(
    model.aggregate,
    scored.map(({ raw, result }) => ({ raw, weight: result.weight })),
  );
  const printed = truncate2(score);
  // The level follows the printed score, so the two can never disagree in a report.
  const level = Math.min(model.stages.length, Math.max(1, Math.floor(printed)));
  const stage = model.stages[level - 1]!;
  return { level, stage: stage.id, stageName: stage.name, score: printed };
}
