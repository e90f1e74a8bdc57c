import { NOT_APPLICABLE } from '../schema/constants.js';
import type { Model } from '../schema/model.js';
import type { InputIssue } from './issue.js';
import { quoted } from './quote.js';
import { didYouMean } from './suggest.js';

/**
 * The rules a model must follow beyond the shape the schema checks: ids are unique, indicators
 * sit at a stage that exists and is not the starting point, and every competency can be
 * scored at every stage above the first.
 */
export function checkModel(model: Model): InputIssue[] {
  const issues: InputIssue[] = [];
  const stageIds = model.stages.map((stage) => stage.id);
  const firstStage = stageIds[0];

  uniqueIds(model.scale, ['scale'], 'scale level', issues);
  uniqueIds(model.stages, ['stages'], 'stage', issues);
  uniqueIds(model.competencies, ['competencies'], 'competency', issues);
  uniqueIds(model.contexts ?? [], ['contexts'], 'context', issues);
  const contextIds = (model.contexts ?? []).map((context) => context.id);

  model.scale.forEach((level, index) => {
    if (level.id === NOT_APPLICABLE) {
      issues.push({
        path: ['scale', index, 'id'],
        code: 'reserved-id',
        message: `scale level id "${NOT_APPLICABLE}" is reserved for "not applicable"; choose another id`,
      });
    }
  });

  const indicatorSeen = new Map<string, (string | number)[]>();
  model.competencies.forEach((competency, c) => {
    const base = ['competencies', c];
    for (const stageId of Object.keys(competency.stages ?? {})) {
      if (!stageIds.includes(stageId)) {
        issues.push({
          path: [...base, 'stages', stageId],
          at: 'key',
          code: 'unknown-stage',
          message: `competency ${competency.id} describes unknown stage ${quoted(stageId)}${didYouMean(stageId, stageIds)}; stages are ${stageIds.join(', ')}`,
        });
      }
    }
    const covered = new Set<string>();
    competency.indicators.forEach((indicator, i) => {
      const path = [...base, 'indicators', i];
      const first = indicatorSeen.get(indicator.id);
      if (first) {
        issues.push({
          path: [...path, 'id'],
          code: 'duplicate-id',
          message: `duplicate indicator id ${quoted(indicator.id)}; indicator ids must be unique across the model`,
          related: first,
        });
      } else {
        indicatorSeen.set(indicator.id, [...path, 'id']);
      }
      if (!stageIds.includes(indicator.stage)) {
        issues.push({
          path: [...path, 'stage'],
          code: 'unknown-stage',
          message: `indicator ${indicator.id} is at unknown stage ${quoted(indicator.stage)}${didYouMean(indicator.stage, stageIds)}; stages are ${stageIds.join(', ')}`,
        });
      } else if (indicator.stage === firstStage) {
        issues.push({
          path: [...path, 'stage'],
          code: 'first-stage-indicator',
          message: `indicator ${indicator.id} is at the first stage "${firstStage}", which is the starting point and has no indicators; use one of ${stageIds.slice(1).join(', ')}`,
        });
      } else {
        covered.add(indicator.stage);
      }
      indicator.contexts?.forEach((context, k) => {
        if (contextIds.includes(context)) return;
        issues.push({
          path: [...path, 'contexts', k],
          code: 'unknown-context',
          message:
            contextIds.length === 0
              ? `indicator ${indicator.id} names context ${quoted(context)}, but the model has no contexts:`
              : `indicator ${indicator.id} names unknown context ${quoted(context)}${didYouMean(context, contextIds)}; contexts are ${contextIds.join(', ')}`,
        });
      });
    });
    for (const stageId of stageIds.slice(1)) {
      if (!covered.has(stageId)) {
        issues.push({
          path: [...base, 'indicators'],
          at: 'key',
          code: 'stage-without-indicator',
          message: `competency ${competency.id} has no indicator at stage "${stageId}"; every stage above the first needs at least one`,
        });
      }
    }
  });
  checkMigrationTargets(model, indicatorSeen, issues);
  return issues;
}

/** Every migration comes from another version, once, and feeds only indicators this model has. */
function checkMigrationTargets(model: Model, indicators: ReadonlyMap<string, unknown>, issues: InputIssue[]): void {
  const ids = [...indicators.keys()];
  const seen = new Map<string, number>();
  model.migrations?.forEach((migration, m) => {
    const base = ['migrations', m];
    if (migration.from === model.version) {
      issues.push({ path: [...base, 'from'], code: 'migration-from-itself', message: `a migration from version ${quoted(migration.from)} is from this model's own version` });
    }
    const first = seen.get(migration.from);
    if (first === undefined) seen.set(migration.from, m);
    else issues.push({ path: [...base, 'from'], code: 'duplicate-migration', message: `a second migration from version ${quoted(migration.from)}`, related: ['migrations', first, 'from'] });
    for (const [old, targets] of Object.entries(migration.indicators)) {
      targets.forEach((target, t) => {
        if (indicators.has(target)) return;
        issues.push({
          path: [...base, 'indicators', old, t],
          code: 'unknown-migration-target',
          message: `${old} migrates to unknown indicator ${quoted(target)}${didYouMean(target, ids)}`,
        });
      });
    }
  });
}

function uniqueIds(items: { id: string }[], path: (string | number)[], kind: string, issues: InputIssue[]): void {
  const seen = new Map<string, number>();
  items.forEach((item, index) => {
    const first = seen.get(item.id);
    if (first === undefined) {
      seen.set(item.id, index);
      return;
    }
    issues.push({
      path: [...path, index, 'id'],
      code: 'duplicate-id',
      message: `duplicate ${kind} id ${quoted(item.id)}`,
      related: [...path, first, 'id'],
    });
  });
}
