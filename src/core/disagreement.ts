import { NOT_APPLICABLE } from '../schema/constants.js';
import { DISAGREEMENT_SCHEMA_VERSION, type CompetencySpread, type Disagreement, type IndicatorSpread } from '../schema/disagreement.js';
import type { Model } from '../schema/model.js';
import { appliesIn } from './assessment.js';
import { distributionOf, inCanonicalOrder, scaleSteps, type RespondentAnswers } from './consensus.js';

/** The respondents' answers, for the disagreement report. */
export interface DisagreementInput {
  organisation: string;
  /** The model's context the respondents work in; indicators of other contexts are left out. */
  context: string | null;
  respondents: readonly RespondentAnswers[];
}

/**
 * The spread of an indicator from how many gave each answer: scale steps between the highest and
 * the lowest answer on the scale (null when fewer than two answered on it), and whether some said
 * `n/a` while others answered on the scale.
 */
export function distributionSpread(model: Model, distribution: Readonly<Record<string, number>>): { spread: number | null; applicabilityDisputed: boolean } {
  const steps = scaleSteps(model).map((level) => level.id);
  const given = steps.flatMap((id, step) => ((distribution[id] ?? 0) > 0 ? [step] : []));
  const onScale = steps.reduce((sum, id) => sum + (distribution[id] ?? 0), 0);
  return {
    spread: onScale < 2 ? null : Math.max(...given) - Math.min(...given),
    applicabilityDisputed: (distribution[NOT_APPLICABLE] ?? 0) > 0 && onScale > 0,
  };
}

/** The spread from which an indicator is discussed first: half the scale's width, at least one step (two steps of a four-level scale, one of yes/no). */
export function wideSpread(model: Model): number {
  return Math.max(1, Math.ceil((model.scale.length - 1) / 2));
}

/** Lower and upper middle values of an ascending list, averaged: the ordinary median. */
function median(sorted: readonly number[]): number {
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/**
 * Where respondents disagree, as plain data (see `disagreementSchema` for what each figure is):
 * per indicator the spread in scale steps (highest step − lowest step among the answers on the
 * scale; `n/a` and unanswered left out), per competency and overall an agreement figure
 * (1 − mean spread ÷ the scale's widest spread, over the indicators two or more answered on the
 * scale), the indicators to discuss first, and per respondent the mean distance in steps from the
 * others' median (a calibration hint). Respondents are taken in their canonical order, so the
 * order they are given in changes nothing.
 */
export function disagreementOf(model: Model, input: DisagreementInput): Disagreement {
  const respondents = inCanonicalOrder(input.respondents);
  const steps = scaleSteps(model);
  const stepOf = new Map(steps.map((level, step) => [level.id, step]));
  const widest = steps.length - 1;
  const stepsOf = (answers: readonly (string | null)[]) => answers.flatMap((answer) => (answer === null ? [] : (stepOf.has(answer) ? [stepOf.get(answer)!] : [])));

  const order = new Map<string, number>();
  const spreads: number[] = [];
  const competencies: CompetencySpread[] = model.competencies.map((competency) => {
    const indicators: IndicatorSpread[] = [];
    for (const indicator of competency.indicators) {
      if (!appliesIn(indicator, input.context)) continue;
      order.set(indicator.id, order.size);
      const answers = respondents.map((respondent) => respondent.answers.get(indicator.id)?.answer ?? null);
      const distribution = distributionOf(model, answers);
      const { spread, applicabilityDisputed } = distributionSpread(model, distribution);
      indicators.push({ id: indicator.id, stage: indicator.stage, text: indicator.text, spread, distribution, answers, applicabilityDisputed });
    }
    const compared = indicators.flatMap((indicator) => (indicator.spread === null ? [] : [indicator.spread]));
    spreads.push(...compared);
    const meanSpread = compared.length === 0 ? null : compared.reduce((sum, spread) => sum + spread, 0) / compared.length;
    indicators.sort((a, b) => (b.spread ?? -1) - (a.spread ?? -1) || order.get(a.id)! - order.get(b.id)!);
    return { id: competency.id, name: competency.name, agreement: agreementOf(meanSpread, widest), meanSpread, compared: compared.length, indicators };
  });
  const modelOrder = new Map(model.competencies.map((competency, place) => [competency.id, place]));
  competencies.sort((a, b) => (a.agreement ?? 2) - (b.agreement ?? 2) || modelOrder.get(a.id)! - modelOrder.get(b.id)!);

  const wide = wideSpread(model);
  const discussFirst = competencies
    .flatMap((competency) =>
      competency.indicators.filter((indicator) => (indicator.spread !== null && indicator.spread >= wide) || indicator.applicabilityDisputed).map((indicator) => ({ id: indicator.id, competency: competency.id, spread: indicator.spread })),
    )
    .sort((a, b) => (b.spread ?? -1) - (a.spread ?? -1) || order.get(a.id)! - order.get(b.id)!);

  const allIndicators = competencies.flatMap((competency) => competency.indicators);
  const calibration = respondents
    .map((_, place) => {
      const distances = allIndicators.flatMap((indicator) => {
        const own = stepsOf([indicator.answers[place]!]);
        const others = stepsOf(indicator.answers.filter((_, other) => other !== place)).sort((a, b) => a - b);
        return own.length === 0 || others.length === 0 ? [] : [Math.abs(own[0]! - median(others))];
      });
      return { respondent: place, deviation: distances.length === 0 ? null : distances.reduce((sum, distance) => sum + distance, 0) / distances.length, compared: distances.length };
    })
    .sort((a, b) => (b.deviation ?? -1) - (a.deviation ?? -1) || a.respondent - b.respondent);

  const overall = spreads.length === 0 ? null : spreads.reduce((sum, spread) => sum + spread, 0) / spreads.length;
  return {
    schemaVersion: DISAGREEMENT_SCHEMA_VERSION,
    model: { id: model.id, name: model.name, version: model.version },
    organisation: input.organisation,
    scale: steps.map((level) => ({ id: level.id, label: level.label })),
    respondents: respondents.map((respondent) => ({ file: respondent.source, name: respondent.name, role: respondent.role })),
    agreement: agreementOf(overall, widest),
    competencies,
    discussFirst,
    calibration,
  };
}

/** 1 − mean spread ÷ widest spread (a scale has at least two levels, so the widest is a step or more). */
function agreementOf(meanSpread: number | null, widest: number): number | null {
  return meanSpread === null ? null : 1 - meanSpread / widest;
}
