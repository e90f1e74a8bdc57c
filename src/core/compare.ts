import { ENGLISH } from '../locale/english.js';
import type { Locale } from '../locale/locale.js';
import type { BaselineResult, CompetencyResult, CrossesVersions, Report } from '../schema/report.js';

/**
 * New score minus old score, both as printed (already truncated to 2 decimals), rounded to
 * hundredths so that binary noise (3.1 - 2.9 = 0.20000000000000018) never reaches a report.
 */
export function scoreDelta(current: number, previous: number): number {
  return Math.round((current - previous) * 100) / 100 || 0;
}

/**
 * Whether a score fell from `before` to `after` by more than `tolerance` points. The fall is
 * counted in hundredths, as the reports print it, so a tolerance of 0.05 lets exactly a printed
 * drop of 0.05 pass.
 */
export function isRegression(before: number, after: number, tolerance: number): boolean {
  return scoreDelta(before, after) > tolerance;
}

/** Why two reports cannot be compared (another model, or another version of it), or null when they can. */
export function modelMismatch(current: Report, baseline: Report, locale: Locale = ENGLISH): string | null {
  if (current.model.id === baseline.model.id && current.model.version === baseline.model.version) return null;
  return locale.t('input.compare.model-mismatch', { baseline: `${baseline.model.id} ${baseline.model.version}`, current: `${current.model.id} ${current.model.version}` });
}

/** The parts of a report a later one is compared with. */
function baselineOf(baseline: Report, crossesVersions: CrossesVersions | undefined): BaselineResult {
  const { level, stage, score } = baseline.overall;
  return {
    date: baseline.date,
    model: { id: baseline.model.id, version: baseline.model.version },
    overall: { level, stage, score },
    competencies: baseline.competencies.map((competency) => ({ id: competency.id, level: competency.level, stage: competency.stage, score: competency.score })),
    ...(crossesVersions === undefined ? {} : { crossesVersions: { from: crossesVersions.from, to: crossesVersions.to } }),
  };
}

/**
 * The report with the baseline and a delta on the overall result and on every competency
 * (null for a competency the baseline does not have). Keys keep a fixed order: `delta` follows `score`.
 * A baseline of another version of the model, linked by its migrations, is compared competency by
 * competency as well, and says so (`crossesVersions`).
 */
export function withBaseline(report: Report, baseline: Report, crossesVersions?: CrossesVersions): Report {
  const previous = new Map(baseline.competencies.map((competency) => [competency.id, competency.score]));
  const { overall } = report;
  return {
    ...report,
    overall: { level: overall.level, stage: overall.stage, stageName: overall.stageName, score: overall.score, delta: scoreDelta(overall.score, baseline.overall.score) },
    competencies: report.competencies.map((competency) => {
      const old = previous.get(competency.id);
      return withDelta(competency, old === undefined ? null : scoreDelta(competency.score, old));
    }),
    baseline: baselineOf(baseline, crossesVersions),
  };
}

function withDelta(competency: CompetencyResult, delta: number | null): CompetencyResult {
  const { id, name, weight, level, stage, stageName, score, nextStage, attainment, blockedBy, next, indicators } = competency;
  // blockedBy only when there is one, as scoring writes it.
  return { id, name, weight, level, stage, stageName, score, delta, nextStage, attainment, ...(blockedBy === undefined ? {} : { blockedBy }), next, indicators };
}
