import type { Diff } from '../schema/diff.js';
import type { CompetencyResult, Report } from '../schema/report.js';
import { isRegression, scoreDelta } from './compare.js';

/** Two results of one organisation side by side: score deltas, stage changes and changed answers. Pure. */
export function diffReports(old: Report, current: Report, files: { old: string; new: string }): Diff {
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

  return {
    organisation: current.organisation,
    model: { id: current.model.id, name: current.model.name, old: old.model.version, new: current.model.version },
    old: { file: files.old, date: old.date },
    new: { file: files.new, date: current.date },
    stages: [...current.stages, ...old.stages.filter((stage) => !current.stages.some((other) => other.id === stage.id))].map((stage) => ({ id: stage.id, name: stage.name })),
    overall: { old: stageScore(old.overall), new: stageScore(current.overall), delta: scoreDelta(current.overall.score, old.overall.score) },
    competencies,
    stageChanges,
    answers,
  };
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
