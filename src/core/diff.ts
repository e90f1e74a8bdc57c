import type { Diff } from '../schema/diff.js';
import type { CompetencyResult, IndicatorResult, Report } from '../schema/report.js';
import type { Answer } from './assessment.js';
import { isRegression, scoreDelta } from './compare.js';
import { migrateAnswers, type MigrationStep } from './migrate.js';

/**
 * Two results of different versions of one model and the chain of migrations from the older
 * version to the newer: which side is the older, and the steps.
 */
export interface DiffThrough {
  from: string;
  to: string;
  older: 'old' | 'new';
  chain: readonly MigrationStep[];
}

/**
 * Two results of one organisation side by side: score deltas, stage changes and changed answers.
 * With `through`, the results are of two versions of the model: scores and stages are compared
 * competency by competency, and the older side's answers are carried over to the newer side's
 * indicators (as `migrate` would) before they are compared. Pure.
 */
export function diffReports(old: Report, current: Report, files: { old: string; new: string }, through?: DiffThrough): Diff {
  const stageScore = (result: { level: number; stage: string; score: number }) => ({ level: result.level, stage: result.stage, score: result.score });
  const oldById = new Map(old.competencies.map((competency) => [competency.id, competency]));
  const newIds = new Set(current.competencies.map((competency) => competency.id));
  const pairs: [string, string, CompetencyResult | undefined, CompetencyResult | undefined][] = [
    ...current.competencies.map((competency): [string, string, CompetencyResult | undefined, CompetencyResult] => [competency.id, competency.name, oldById.get(competency.id), competency]),
    ...old.competencies.filter((competency) => !newIds.has(competency.id)).map((competency): [string, string, CompetencyResult, undefined] => [competency.id, competency.name, competency, undefined]),
  ];

  const levelOf = (report: Report, stage: string) => report.stages.find((candidate) => candidate.id === stage)?.level ?? 0;
  const stageChanges: Diff['stageChanges'] = [];
  const stageChange = (subject: string, before: { stage: string; level: number }, after: { stage: string; level: number }) => {
    if (before.stage === after.stage) return;
    // Compared by level in each report's own model, so a renamed stage still counts the right way.
    const up = levelOf(current, after.stage) > levelOf(old, before.stage);
    stageChanges.push({ subject, from: before.stage, to: after.stage, change: up ? 'gained' : 'lost' });
  };

  const competencies = pairs.map(([id, name, before, after]) => {
    if (before && after) stageChange(id, before, after);
    return {
      id,
      name,
      old: before ? stageScore(before) : null,
      new: after ? stageScore(after) : null,
      delta: before && after ? scoreDelta(after.score, before.score) : null,
    };
  });
  stageChange('overall', old.overall, current.overall);

  const answers: Diff['answers'] = through === undefined ? sameModelAnswers(old, current) : answersThrough(old, current, through);

  return {
    organisation: current.organisation,
    model: { id: current.model.id, name: current.model.name, old: old.model.version, new: current.model.version },
    ...(through === undefined ? {} : { crossesVersions: { from: through.from, to: through.to } }),
    old: { file: files.old, date: old.date },
    new: { file: files.new, date: current.date },
    stages: [...current.stages, ...old.stages.filter((stage) => !current.stages.some((other) => other.id === stage.id))].map((stage) => ({ id: stage.id, name: stage.name })),
    overall: { old: stageScore(old.overall), new: stageScore(current.overall), delta: scoreDelta(current.overall.score, old.overall.score) },
    competencies,
    stageChanges,
    answers,
  };
}

/** Every indicator whose answer or note differs, matched by id; one found on one side only is listed with null on the other. */
function sameModelAnswers(old: Report, current: Report): Diff['answers'] {
  const answers: Diff['answers'] = [];
  const oldIndicators = new Map(old.competencies.flatMap((competency) => competency.indicators.map((indicator) => [indicator.id, { competency: competency.id, indicator }] as const)));
  const seen = new Set<string>();
  for (const competency of current.competencies) {
    for (const indicator of competency.indicators) {
      seen.add(indicator.id);
      const before = oldIndicators.get(indicator.id)?.indicator;
      if (before && before.answer === indicator.answer && before.note === indicator.note) continue;
      answers.push({
        indicator: indicator.id,
        competency: competency.id,
        old: before ? { answer: before.answer, note: before.note } : null,
        new: { answer: indicator.answer, note: indicator.note },
      });
    }
  }
  for (const [id, { competency, indicator }] of oldIndicators) {
    if (!seen.has(id)) answers.push({ indicator: id, competency, old: { answer: indicator.answer, note: indicator.note }, new: null });
  }
  return answers;
}

/** A result's answers as an answers file holds them, by indicator id: the ones with an answer or a note. */
function answersOf(report: Report): Map<string, Answer> {
  const answers = new Map<string, Answer>();
  for (const competency of report.competencies) {
    for (const indicator of competency.indicators) {
      if (indicator.answer === null && indicator.note === null && indicator.evidence === undefined) continue;
      const answer: Answer = { answer: indicator.answer, note: indicator.note };
      if (indicator.evidence !== undefined) answer.evidence = indicator.evidence;
      if (indicator.checked !== undefined) answer.checked = indicator.checked;
      answers.set(indicator.id, answer);
    }
  }
  return answers;
}

/**
 * The answers of two versions compared on the newer version's indicators: the older side's
 * answers carried over to them. An indicator of the newer version nothing feeds is listed only
 * when it is answered (or has a note); an older answer nothing takes over is listed with null on
 * the newer side.
 */
function answersThrough(old: Report, current: Report, through: DiffThrough): Diff['answers'] {
  const [older, newer] = through.older === 'old' ? [old, current] : [current, old];
  const migrated = migrateAnswers(answersOf(older), through.chain);
  const side = (answer: Answer | undefined, fed: boolean) => (answer !== undefined ? { answer: answer.answer, note: answer.note } : fed ? { answer: null, note: null } : null);
  const answers: Diff['answers'] = [];
  for (const competency of newer.competencies) {
    for (const indicator of competency.indicators) {
      const fedBy = migrated.fedBy.get(indicator.id);
      const carried = side(migrated.answers.get(indicator.id), fedBy !== undefined);
      const own = { answer: indicator.answer, note: indicator.note };
      if (carried === null ? own.answer === null && own.note === null : carried.answer === own.answer && carried.note === own.note) continue;
      const [before, after] = through.older === 'old' ? [carried, own] : [own, carried];
      answers.push({ indicator: indicator.id, competency: competency.id, old: before, new: after, ...(fedBy === undefined ? {} : { carriedFrom: fedBy }) });
    }
  }
  const competencyOf = new Map(older.competencies.flatMap((competency) => competency.indicators.map((indicator: IndicatorResult) => [indicator.id, competency.id] as const)));
  for (const { id, answer } of migrated.dropped) {
    const gone = { answer: answer.answer, note: answer.note };
    answers.push({ indicator: id, competency: competencyOf.get(id) ?? '', old: through.older === 'old' ? gone : null, new: through.older === 'old' ? null : gone });
  }
  return answers;
}

/** The subjects (`overall`, competency ids) whose score went down by more than `tolerance` points, with their deltas. */
export function regressions(diff: Diff, tolerance = 0): { subject: string; from: number; to: number; delta: number }[] {
  const list = [];
  const { overall } = diff;
  if (isRegression(overall.old.score, overall.new.score, tolerance)) list.push({ subject: 'overall', from: overall.old.score, to: overall.new.score, delta: overall.delta });
  for (const competency of diff.competencies) {
    if (competency.old && competency.new && competency.delta !== null && isRegression(competency.old.score, competency.new.score, tolerance)) {
      list.push({ subject: competency.id, from: competency.old.score, to: competency.new.score, delta: competency.delta });
    }
  }
  return list;
}
