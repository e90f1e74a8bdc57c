import type { Locale } from '../locale/locale.js';
import type { Model } from '../schema/model.js';
import type { Overlay } from '../schema/overlay.js';
import type { InputIssue } from './issue.js';
import { inlineText } from './quote.js';
import { closest } from './suggest.js';

/** What checking a translation against its model finds: errors refuse it, warnings leave the model's texts in place. */
export interface OverlayCheck {
  errors: InputIssue[];
  warnings: InputIssue[];
}

type UnknownKind = 'scale' | 'context' | 'stage' | 'competency' | 'descriptor' | 'source' | 'indicator' | 'migration';

/** The section of an overlay that holds each kind of entry, for the warnings about missing ones. */
type EntryKind = 'scale' | 'context' | 'stage' | 'competency' | 'indicator' | 'migration';

/**
 * Checks a translation against the model it translates: every id it names must be the model's
 * (an error at the key, as a text under an unknown id would never be shown), each indicator's
 * criteria as many as the model's, and `translates:` the model's id. A text the model has and the
 * translation lacks is a warning (the model's own is shown), and so is a translation written for
 * another version of the model (it may miss what changed since).
 */
export function checkOverlay(model: Model, overlay: Overlay, locale: Locale): OverlayCheck {
  const errors: InputIssue[] = [];
  const warnings: InputIssue[] = [];
  const about = { model: model.id, version: model.version };
  if (overlay.translates !== model.id) {
    errors.push({ path: ['translates'], code: 'overlay-wrong-model', message: locale.t('input.overlay.wrongModel', { translates: inlineText(overlay.translates), model: model.id }) });
    return { errors, warnings };
  }
  if (overlay.version !== model.version) {
    warnings.push({ path: ['version'], code: 'overlay-stale', message: locale.t('input.overlay.stale', { version: inlineText(overlay.version), model: model.id, current: model.version }) });
  }

  const unknown = (path: (string | number)[], kind: UnknownKind, id: string, known: Iterable<string>, extra: Record<string, string> = {}) => {
    const suggestion = closest(id, known);
    errors.push({
      path,
      at: 'key',
      code: 'overlay-unknown-id',
      // The id is the file's own text: short and inert in the message.
      message: locale.t(`input.overlay.unknown.${kind}`, { ...about, ...extra, id: inlineText(id), hint: suggestion === undefined ? 'no' : 'yes', suggestion: suggestion ?? '' }),
    });
  };
  const missingEntry = (section: EntryKind, id: string) => {
    const sectionKey = SECTION_OF[section];
    warnings.push({
      path: overlay[sectionKey] === undefined ? [] : [sectionKey],
      at: 'key',
      code: 'overlay-missing-text',
      message: locale.t('input.overlay.missingEntry', { kind: section, id }),
    });
  };
  const missingText = (path: (string | number)[], kind: EntryKind | 'model', id: string, field: string) => {
    warnings.push({ path, at: 'key', code: 'overlay-missing-text', message: locale.t('input.overlay.missingText', { kind, id, field }) });
  };

  for (const field of ['name', 'description', 'source'] as const) {
    if (model[field] !== undefined && overlay[field] === undefined) missingText([], 'model', model.id, field);
  }

  // Scale levels, contexts and stages: a name (a label for the scale) and a description each.
  const named = [
    { kind: 'scale', entries: model.scale.map((level) => ({ id: level.id, name: level.label, description: level.description })), texts: overlay.scale, nameField: 'label' },
    { kind: 'context', entries: model.contexts ?? [], texts: overlay.contexts, nameField: 'name' },
    { kind: 'stage', entries: model.stages, texts: overlay.stages, nameField: 'name' },
  ] as const;
  for (const { kind, entries, texts, nameField } of named) {
    const section = SECTION_OF[kind];
    const ids = entries.map((entry) => entry.id);
    for (const id of Object.keys(texts ?? {})) if (!ids.includes(id)) unknown([section, id], kind, id, ids);
    for (const entry of entries) {
      const translated = own<Record<string, string | undefined>>(texts, entry.id);
      if (translated === undefined) {
        missingEntry(kind, entry.id);
        continue;
      }
      if (translated[nameField] === undefined) missingText([section, entry.id], kind, entry.id, nameField);
      if (entry.description !== undefined && translated.description === undefined) missingText([section, entry.id], kind, entry.id, 'description');
    }
  }

  const competencyIds = model.competencies.map((competency) => competency.id);
  for (const id of Object.keys(overlay.competencies ?? {})) if (!competencyIds.includes(id)) unknown(['competencies', id], 'competency', id, competencyIds);
  for (const competency of model.competencies) {
    const translated = own(overlay.competencies, competency.id);
    if (translated === undefined) {
      missingEntry('competency', competency.id);
      continue;
    }
    const at = ['competencies', competency.id];
    if (translated.name === undefined) missingText(at, 'competency', competency.id, 'name');
    if (competency.description !== undefined && translated.description === undefined) missingText(at, 'competency', competency.id, 'description');
    const described = Object.keys(competency.stages ?? {});
    for (const stage of Object.keys(translated.stages ?? {})) {
      if (!described.includes(stage)) unknown([...at, 'stages', stage], 'descriptor', stage, described, { competency: competency.id });
    }
    for (const stage of described) if (own(translated.stages, stage) === undefined) missingText(at, 'competency', competency.id, `stages.${stage}`);
    const urls = (competency.sources ?? []).map((source) => source.url);
    for (const url of Object.keys(translated.sources ?? {})) {
      // No URL is suggested: two addresses a few characters apart are different pages.
      if (!urls.includes(url)) unknown([...at, 'sources', url], 'source', url, [], { competency: competency.id });
    }
    for (const url of urls) if (own(translated.sources, url) === undefined) missingText(at, 'competency', competency.id, `sources.${url}`);
  }

  const indicators = model.competencies.flatMap((competency) => competency.indicators);
  const indicatorIds = indicators.map((indicator) => indicator.id);
  for (const id of Object.keys(overlay.indicators ?? {})) if (!indicatorIds.includes(id)) unknown(['indicators', id], 'indicator', id, indicatorIds);
  for (const indicator of indicators) {
    const translated = own(overlay.indicators, indicator.id);
    if (translated === undefined) {
      missingEntry('indicator', indicator.id);
      continue;
    }
    const at = ['indicators', indicator.id];
    const expected = indicator.criteria?.length ?? 0;
    if (translated.criteria !== undefined && translated.criteria.length !== expected) {
      errors.push({
        path: [...at, 'criteria'],
        code: 'overlay-criteria-count',
        message: locale.t('input.overlay.criteriaCount', { ...about, id: indicator.id, expected, count: translated.criteria.length }),
      });
    }
    if (translated.text === undefined) missingText(at, 'indicator', indicator.id, 'text');
    for (const field of ['criteria', 'evidence', 'advice', 'owner'] as const) {
      if (indicator[field] !== undefined && translated[field] === undefined) missingText(at, 'indicator', indicator.id, field);
    }
  }

  const migrations = model.migrations ?? [];
  const versions = migrations.map((migration) => migration.from);
  for (const from of Object.keys(overlay.migrations ?? {})) if (!versions.includes(from)) unknown(['migrations', from], 'migration', from, versions);
  for (const migration of migrations) {
    if (migration.note !== undefined && own(overlay.migrations, migration.from) === undefined) missingEntry('migration', migration.from);
  }
  return { errors, warnings };
}

const SECTION_OF = {
  scale: 'scale',
  context: 'contexts',
  stage: 'stages',
  competency: 'competencies',
  indicator: 'indicators',
  migration: 'migrations',
} as const satisfies Record<EntryKind, keyof Overlay>;

/**
 * The model with the translation's texts in place of its own: names, descriptions, labels,
 * descriptors, source titles, indicator texts, criteria, evidence prompts, advice, owners and
 * migration notes. Ids, weights, values, stages, thresholds, contexts lists, efforts and keys are
 * the model's, so that a translated model scores exactly as the original. A text the translation
 * lacks, or one the model itself does not have, leaves the model as it is; so do criteria that
 * are not as many as the model's. Pure: the model given is not changed.
 */
export function translateModel(model: Model, overlay: Overlay): Model {
  const text = (original: string, translated: string | undefined) => translated ?? original;
  const optional = (original: string | undefined, translated: string | undefined) => (original === undefined ? undefined : (translated ?? original));
  const withOptional = <T extends object, K extends string>(object: T, key: K, value: string | undefined): T => (value === undefined ? object : { ...object, [key]: value });
  return {
    ...model,
    name: text(model.name, overlay.name),
    ...(model.description === undefined ? {} : { description: text(model.description, overlay.description) }),
    ...(model.source === undefined ? {} : { source: text(model.source, overlay.source) }),
    scale: model.scale.map((level) => {
      const translated = own(overlay.scale, level.id);
      return withOptional({ ...level, label: text(level.label, translated?.label) }, 'description', optional(level.description, translated?.description));
    }),
    ...(model.contexts === undefined
      ? {}
      : {
          contexts: model.contexts.map((context) => {
            const translated = own(overlay.contexts, context.id);
            return withOptional({ ...context, name: text(context.name, translated?.name) }, 'description', optional(context.description, translated?.description));
          }),
        }),
    stages: model.stages.map((stage) => {
      const translated = own(overlay.stages, stage.id);
      return withOptional({ ...stage, name: text(stage.name, translated?.name) }, 'description', optional(stage.description, translated?.description));
    }),
    competencies: model.competencies.map((competency) => {
      const translated = own(overlay.competencies, competency.id);
      let result = withOptional({ ...competency, name: text(competency.name, translated?.name) }, 'description', optional(competency.description, translated?.description));
      if (competency.stages !== undefined) {
        result = {
          ...result,
          stages: Object.fromEntries(Object.entries(competency.stages).map(([stage, descriptor]) => [stage, text(descriptor, own(translated?.stages, stage))])),
        };
      }
      if (competency.sources !== undefined) {
        result = { ...result, sources: competency.sources.map((source) => ({ ...source, title: text(source.title, own(translated?.sources, source.url)) })) };
      }
      return {
        ...result,
        indicators: competency.indicators.map((indicator) => {
          const texts = own(overlay.indicators, indicator.id);
          let translatedIndicator = { ...indicator, text: text(indicator.text, texts?.text) };
          if (indicator.criteria !== undefined && texts?.criteria?.length === indicator.criteria.length) translatedIndicator = { ...translatedIndicator, criteria: [...texts.criteria] };
          translatedIndicator = withOptional(translatedIndicator, 'evidence', optional(indicator.evidence, texts?.evidence));
          translatedIndicator = withOptional(translatedIndicator, 'advice', optional(indicator.advice, texts?.advice));
          return withOptional(translatedIndicator, 'owner', optional(indicator.owner, texts?.owner));
        }),
      };
    }),
    ...(model.migrations === undefined
      ? {}
      : {
          migrations: model.migrations.map((migration) =>
            migration.note === undefined ? migration : { ...migration, note: text(migration.note, own(overlay.migrations, migration.from)) },
          ),
        }),
  };
}

/** An entry of a record keyed by ids or URLs, never one an object inherits (`constructor`, `toString`). */
function own<T>(record: Readonly<Record<string, T>> | undefined, key: string): T | undefined {
  return record !== undefined && Object.hasOwn(record, key) ? record[key] : undefined;
}
