import { NOT_APPLICABLE, REPORT_SCHEMA_VERSION } from '../schema/constants.js';
import { DEFAULT_LANGUAGE, type Language } from '../schema/language.js';
import type { Aggregate, Competency, Indicator, Model } from '../schema/model.js';
import type { CompetencyResult, IndicatorResult, NextStep, OverallResult, Report } from '../schema/report.js';
import { appliesIn, unansweredIndicators, type Assessment } from './assessment.js';
import { truncate2 } from './truncate.js';
import { indicatorCount } from './model-facts.js';

/** Attainments this close below the threshold still meet it: 0.1 + 0.65 must equal 0.75. */
const TOLERANCE = 1e-9;

/** The most progress towards a stage held back by a key indicator: it prints as .99, never as the next level. */
const KEY_HELD_PROGRESS = 0.99;

/**
 * Scores a checked assessment against its model. Pure: same input, same report. `language` is the
 * language the report's texts are in (the model given is already in it, translated or not).
 */
export function scoreAssessment(model: Model, assessment: Assessment, language: Language = DEFAULT_LANGUAGE): Report {
  const values = new Map(model.scale.map((level) => [level.id, level.value]));
  const topValue = Math.max(...model.scale.map((level) => level.value));
  const scored = model.competencies.map((competency) => scoreCompetency(model, competency, assessment, values, topValue));
  const unanswered = unansweredIndicators(model, assessment);
  const total = indicatorCount(model, assessment.context);

  return {
    schemaVersion: REPORT_SCHEMA_VERSION,
    language,
    model: { id: model.id, name: model.name, version: model.version },
    organisation: assessment.organisation,
    date: assessment.date,
    assessor: assessment.assessor,
    ...(assessment.respondents !== undefined ? { respondents: assessment.respondents } : {}),
    ...contextOf(model, assessment),
    threshold: model.threshold,
    aggregate: model.aggregate,
    stages: model.stages.map((stage, index) => ({ id: stage.id, name: stage.name, level: index + 1 })),
    overall: overall(model, scored),
    competencies: scored.map(({ result }) => result),
    completeness: { answered: total - unanswered.length, total, unanswered },
  };
}

/** The report's `context`, when the assessment names one of the model's contexts. */
function contextOf(model: Model, assessment: Assessment): Pick<Report, 'context'> {
  const context = model.contexts?.find((candidate) => candidate.id === assessment.context);
  return context ? { context: { id: context.id, name: context.name } } : {};
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
  // One pass over the indicators: each answer looked up once and its result made.
  /** What each indicator counts for: its scale value, 0 when unanswered, null for n/a (left out). */
  const counted: (number | null)[] = [];
  const indicators: IndicatorResult[] = [];
  for (const indicator of competency.indicators) {
    const entry = assessment.answers.get(indicator.id);
    const applicable = appliesIn(indicator, assessment.context);
    const answer = applicable ? (entry?.answer ?? null) : NOT_APPLICABLE;
    const value = answer === null || answer === NOT_APPLICABLE ? null : (values.get(answer) ?? null);
    counted.push(answer === NOT_APPLICABLE ? null : (value ?? 0));
    const result: IndicatorResult = { id: indicator.id, stage: indicator.stage, text: indicator.text, answer, value, note: entry?.note ?? null };
    // Written only when there is something to say, so that a report of a model without them is unchanged.
    if (entry?.evidence !== undefined) result.evidence = [...entry.evidence];
    if (entry?.checked !== undefined) result.checked = entry.checked;
    if (entry?.distribution !== undefined) result.distribution = { ...entry.distribution };
    if (indicator.key === true) result.key = true;
    if (!applicable) result.applicable = false;
    indicators.push(result);
  }
  const sums = stageSums(model, competency, counted);
  const attainment = stageAttainments(model, sums.weighted, sums.weights);
  const { level, raw } = competencyScore(model, attainment, sums.blocking);
  const nextStage = model.stages[level];
  const stage = model.stages[level - 1]!;
  const blockedBy = sums.blocking[level] ?? [];

  // The unmet indicators of the next stage (n/a ones are not steps).
  const gaps: { order: number; gain: number; blocking: boolean }[] = [];
  if (nextStage) {
    competency.indicators.forEach((indicator, order) => {
      const value = counted[order];
      if (indicator.stage === nextStage.id && value !== null && value !== undefined && value < topValue) {
        gaps.push({ order, gain: indicator.weight * (topValue - value), blocking: blockedBy.includes(indicator.id) });
      }
    });
  }
  // What holds the stage back whatever else is done first, then the largest possible gain; model
  // order breaks ties so the list is stable.
  gaps.sort((a, b) => Number(b.blocking) - Number(a.blocking) || b.gain - a.gain || a.order - b.order);
  const next: NextStep[] = gaps.map(({ order }) => nextStep(indicators[order]!, competency.indicators[order]!));

  const result: CompetencyResult = {
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
  };
  if (blockedBy.length > 0) {
    // Placed after the attainment, as the schema lists it, so that key order follows the schema.
    const { next: steps, indicators: all, ...head } = result;
    return { raw, result: { ...head, blockedBy: [...blockedBy], next: steps, indicators: all } };
  }
  return { raw, result };
}

/** A next step: the indicator's result with what the model says about reaching it. */
function nextStep(result: IndicatorResult, indicator: Indicator): NextStep {
  const step: NextStep = { id: result.id, stage: result.stage, text: result.text, answer: result.answer, note: result.note, advice: indicator.advice ?? null };
  if (indicator.criteria !== undefined) step.criteria = [...indicator.criteria];
  if (indicator.evidence !== undefined) step.evidencePrompt = indicator.evidence;
  if (indicator.effort !== undefined) step.effort = indicator.effort;
  if (indicator.owner !== undefined) step.owner = indicator.owner;
  if (indicator.key === true) step.key = true;
  return step;
}

/** A competency's answers summed stage by stage, by the stage's place in the model (the first stage has no sums). */
export interface StageSums {
  /** Σ weight × value of the counted indicators. */
  weighted: number[];
  /** Σ weight of the counted indicators. */
  weights: number[];
  /** The key indicators answered below the threshold or not at all: the stage is not met while any is. */
  blocking: string[][];
}

/**
 * Sums a competency's indicators by stage from what each counts for (`counted`, in model order:
 * its value, 0 when unanswered, null when n/a or outside the context).
 */
export function stageSums(model: Model, competency: Competency, counted: readonly (number | null)[]): StageSums {
  const places = stagePlaces(model);
  const sums: StageSums = {
    weighted: new Array<number>(model.stages.length).fill(0),
    weights: new Array<number>(model.stages.length).fill(0),
    blocking: model.stages.map(() => []),
  };
  competency.indicators.forEach((indicator, order) => {
    const count = counted[order] ?? null;
    const place = places.get(indicator.stage);
    if (count === null || place === undefined) return;
    sums.weighted[place]! += indicator.weight * count;
    sums.weights[place]! += indicator.weight;
    if (indicator.key === true && count < model.threshold - TOLERANCE) sums.blocking[place]!.push(indicator.id);
  });
  return sums;
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
export function competencyScore(model: Model, attainment: ReadonlyMap<string, number>, blocking: readonly (readonly string[])[] = []): { level: number; raw: number } {
  // A stage counts only when every stage below it is met too, and none of its key indicators is short.
  let level = 1;
  for (const stage of model.stages.slice(1)) {
    if ((blocking[level]?.length ?? 0) > 0 || (attainment.get(stage.id) ?? 0) < model.threshold - TOLERANCE) break;
    level++;
  }
  const nextStage = model.stages[level];
  if (!nextStage) return { level, raw: level };
  const progress = (attainment.get(nextStage.id) ?? 0) / model.threshold;
  // A stage held back by a key indicator may have its attainment past the threshold: its score stays
  // below the next whole number, so that the level is still the score's whole part.
  return { level, raw: level + ((blocking[level]?.length ?? 0) > 0 ? Math.min(progress, KEY_HELD_PROGRESS) : progress) };
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
