import { NOT_APPLICABLE } from '../schema/constants.js';
import type { Model } from '../schema/model.js';
import { ENGLISH } from '../locale/english.js';
import type { Locale } from '../locale/locale.js';
import type { InputIssue } from './issue.js';
import { quoted } from './quote.js';
import { didYouMean } from './suggest.js';

/**
 * The rules a model must follow beyond the shape the schema checks: ids are unique, indicators
 * sit at a stage that exists and is not the starting point, and every competency can be
 * scored at every stage above the first.
 */
export function checkModel(model: Model, locale: Locale = ENGLISH): InputIssue[] {
  const issues: InputIssue[] = [];
  const stageIds = model.stages.map((stage) => stage.id);
  const firstStage = stageIds[0];

  uniqueIds(model.scale, ['scale'], 'scaleLevel', issues, locale);
  uniqueIds(model.stages, ['stages'], 'stage', issues, locale);
  uniqueIds(model.competencies, ['competencies'], 'competency', issues, locale);
  uniqueIds(model.contexts ?? [], ['contexts'], 'context', issues, locale);
  const contextIds = (model.contexts ?? []).map((context) => context.id);

  model.scale.forEach((level, index) => {
    if (level.id === NOT_APPLICABLE) {
      issues.push({
        path: ['scale', index, 'id'],
        code: 'reserved-id',
        message: locale.t('input.model.reserved-id', { id: NOT_APPLICABLE }),
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
          message: locale.t('input.model.unknown-descriptor-stage', {
            competency: competency.id,
            stage: quoted(stageId),
            suggestion: didYouMean(stageId, stageIds, locale),
            stages: stageIds.join(', '),
          }),
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
          message: locale.t('input.model.duplicate-indicator', { id: quoted(indicator.id) }),
          related: first,
        });
      } else {
        indicatorSeen.set(indicator.id, [...path, 'id']);
      }
      if (!stageIds.includes(indicator.stage)) {
        issues.push({
          path: [...path, 'stage'],
          code: 'unknown-stage',
          message: locale.t('input.model.unknown-indicator-stage', {
            indicator: indicator.id,
            stage: quoted(indicator.stage),
            suggestion: didYouMean(indicator.stage, stageIds, locale),
            stages: stageIds.join(', '),
          }),
        });
      } else if (indicator.stage === firstStage) {
        issues.push({
          path: [...path, 'stage'],
          code: 'first-stage-indicator',
          message: locale.t('input.model.first-stage-indicator', { indicator: indicator.id, stage: firstStage, stages: stageIds.slice(1).join(', ') }),
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
              ? locale.t('input.model.context-without-contexts', { indicator: indicator.id, context: quoted(context) })
              : locale.t('input.model.unknown-context', {
                  indicator: indicator.id,
                  context: quoted(context),
                  suggestion: didYouMean(context, contextIds, locale),
                  contexts: contextIds.join(', '),
                }),
        });
      });
    });
    for (const stageId of stageIds.slice(1)) {
      if (!covered.has(stageId)) {
        issues.push({
          path: [...base, 'indicators'],
          at: 'key',
          code: 'stage-without-indicator',
          message: locale.t('input.model.stage-without-indicator', { competency: competency.id, stage: stageId }),
        });
      }
    }
  });
  checkMigrationTargets(model, indicatorSeen, issues, locale);
  return issues;
}

/** Every migration comes from another version, once, and feeds only indicators this model has. */
function checkMigrationTargets(model: Model, indicators: ReadonlyMap<string, unknown>, issues: InputIssue[], locale: Locale): void {
  const ids = [...indicators.keys()];
  const seen = new Map<string, number>();
  model.migrations?.forEach((migration, m) => {
    const base = ['migrations', m];
    if (migration.from === model.version) {
      issues.push({ path: [...base, 'from'], code: 'migration-from-itself', message: locale.t('input.model.migration-from-itself', { version: quoted(migration.from) }) });
    }
    const first = seen.get(migration.from);
    if (first === undefined) seen.set(migration.from, m);
    else {
      const message = locale.t('input.model.duplicate-migration', { version: quoted(migration.from) });
      issues.push({ path: [...base, 'from'], code: 'duplicate-migration', message, related: ['migrations', first, 'from'] });
    }
    for (const [old, targets] of Object.entries(migration.indicators)) {
      targets.forEach((target, t) => {
        if (indicators.has(target)) return;
        issues.push({
          path: [...base, 'indicators', old, t],
          code: 'unknown-migration-target',
          message: locale.t('input.model.unknown-migration-target', { indicator: old, target: quoted(target), suggestion: didYouMean(target, ids, locale) }),
        });
      });
    }
  });
}

function uniqueIds(items: { id: string }[], path: (string | number)[], kind: 'scaleLevel' | 'stage' | 'competency' | 'context', issues: InputIssue[], locale: Locale): void {
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
      message: locale.t('input.model.duplicate-id', { kind, id: quoted(item.id) }),
      related: [...path, first, 'id'],
    });
  });
}
