/**
 * An independent, deliberately naive re-implementation of the scoring rules, used to check the
 * tool's numbers from the answers file itself. Everything is integer arithmetic in quarters
 * (yes = 4, mostly = 3, partly = 2, no or unanswered = 0), so truncation is exact:
 *
 * - attainment of a stage = mean of its answered values, `n/a` left out (no indicators left: met);
 * - level = 1 + the number of consecutive stages above the first with attainment >= 0.75;
 * - score = level + attainment(next stage) / 0.75, cut (not rounded) to two decimals;
 * - overall = mean of the untruncated competency scores, cut to two decimals.
 */
import { answerOf, type RawAnswers, type RawModel } from './support.js';

const QUARTERS: Record<string, number> = { yes: 4, mostly: 3, partly: 2, no: 0 };

interface ExpectedCompetency {
  id: string;
  name: string;
  level: number;
  stageName: string;
  /** The printed score in hundredths (344 for 3.44). */
  hundredths: number;
  /** Printed attainment per stage above the first, in hundredths. */
  attainment: Record<string, number>;
  /** The stage to reach next, or null at the top. */
  nextStage: string | null;
}

export interface Expected {
  competencies: ExpectedCompetency[];
  overallHundredths: number;
  overallLevel: number;
}

export function expectedScores(model: RawModel, answers: RawAnswers): Expected {
  const upper = model.stages.slice(1);
  const raw: { numerator: bigint; denominator: bigint }[] = [];
  const competencies = model.competencies.map((competency) => {
    // For each stage: sum of quarters and number of answered (not n/a) indicators.
    const sums = upper.map((stage) => {
      let sum = 0;
      let count = 0;
      for (const indicator of competency.indicators) {
        if (indicator.stage !== stage.id) continue;
        const answer = answerOf(answers, indicator.id);
        if (answer === 'n/a') continue;
        const quarters = answer === null ? 0 : QUARTERS[answer];
        if (quarters === undefined) throw new Error(`unexpected answer ${answer} for ${indicator.id}`);
        sum += quarters;
        count++;
      }
      return { stage: stage.id, sum, count };
    });
    // attainment >= 3/4  <=>  sum / (4 count) >= 3/4  <=>  sum >= 3 count
    let level = 1;
    for (const { sum, count } of sums) {
      if (count > 0 && sum < 3 * count) break;
      level++;
    }
    const next = sums[level - 1];
    // score = level + (sum / 4count) / (3/4) = level + sum / (3 count)
    const hundredths = next ? level * 100 + Math.floor((100 * next.sum) / (3 * next.count)) : level * 100;
    raw.push(next ? { numerator: BigInt(level * 3 * next.count + next.sum), denominator: BigInt(3 * next.count) } : { numerator: BigInt(level), denominator: 1n });
    const attainment = Object.fromEntries(sums.map(({ stage, sum, count }) => [stage, count === 0 ? 100 : Math.floor((100 * sum) / (4 * count))]));
    return {
      id: competency.id,
      name: competency.name,
      level,
      stageName: model.stages[level - 1]!.name,
      hundredths,
      attainment,
      nextStage: next ? next.stage : null,
    };
  });
  // Mean of fractions, exactly: Σ n_i/d_i over C competencies.
  let numerator = 0n;
  let denominator = 1n;
  for (const part of raw) {
    numerator = numerator * part.denominator + part.numerator * denominator;
    denominator *= part.denominator;
  }
  denominator *= BigInt(raw.length);
  const overallHundredths = Number((100n * numerator) / denominator);
  return { competencies, overallHundredths, overallLevel: Math.floor(overallHundredths / 100) };
}
