import type { z } from 'zod/mini';
import type { InputIssue } from '../core/issue.js';
import { inlineText, quoted } from '../core/quote.js';
import { didYouMean } from '../core/suggest.js';
import { ENGLISH } from '../locale/english.js';
import type { MessageKey } from '../locale/keys.js';
import type { Locale } from '../locale/locale.js';

type Path = (string | number)[];
type ZodIssue = z.core.$ZodIssue;

/** The text of the scalar at a path exactly as the file writes it (`1.0`, not the number 1), if known. */
export type SourceText = (path: Path) => string | undefined;

/**
 * Turns zod's issues into our own, with messages written for the person editing the YAML file:
 * they name the key, say what was expected and what was found, and suggest the likely key.
 */
export function fromZodIssues(
  issues: readonly ZodIssue[],
  schema: z.ZodMiniType,
  data: unknown,
  sourceText: SourceText = () => undefined,
  locale: Locale = ENGLISH,
): InputIssue[] {
  const all = issues.flatMap((issue) => fromZodIssue(issue, [], schema, data, sourceText, locale));
  // zod still runs a value's checks when its type is wrong (`note: []` would also "need at least
  // 1 entry"); for a value of the wrong type, the type is the one thing worth saying.
  const wrongType = new Set(all.filter((issue) => issue.code === 'wrong-type').map((issue) => JSON.stringify(issue.path)));
  return all.filter((issue) => issue.code === 'wrong-type' || !wrongType.has(JSON.stringify(issue.path)));
}

function fromZodIssue(issue: ZodIssue, prefix: Path, schema: z.ZodMiniType, data: unknown, sourceText: SourceText, locale: Locale): InputIssue[] {
  const path = [...prefix, ...(issue.path as Path)];
  const value = valueAt(data, path);
  const label = describePath(path, locale);
  const found = describeValue(value, locale);
  switch (issue.code) {
    case 'unrecognized_keys': {
      const allowed = objectKeys(schemaAt(schema, path));
      return issue.keys.map((key) => ({
        path: [...path, key],
        at: 'key' as const,
        code: 'unknown-key',
        message: locale.t(path.length > 0 ? 'input.zod.unknown-key-in' : 'input.zod.unknown-key', {
          key: quoted(key),
          label,
          suggestion: didYouMean(key, allowed, locale),
          allowed: allowed.join(', '),
        }),
      }));
    }
    case 'invalid_type': {
      if (value === undefined) {
        const key = path.at(-1);
        const message =
          path.length > 1
            ? locale.t('input.zod.missing-key-in', { key: String(key), label: describePath(path.slice(0, -1), locale) })
            : locale.t('input.zod.missing-key', { key: String(key) });
        return [{ path: path.slice(0, -1), code: 'missing-key', message }];
      }
      // A number is shown as written: `version: 1.0` is read as 1, but the quotes must keep "1.0".
      const written = typeof value === 'number' ? inlineText(sourceText(path) ?? String(value)) : undefined;
      const expected = expectedName(issue.expected, locale);
      const message =
        issue.expected === 'string' && written !== undefined
          ? locale.t('input.zod.wrong-type-quote', { label, expected, written })
          : locale.t('input.zod.wrong-type', { label, expected, found: written ?? found });
      return [{ path, code: 'wrong-type', message }];
    }
    case 'too_small':
    case 'too_big':
      return [{ path, code: 'out-of-range', message: rangeMessage(issue, label, found, locale) }];
    case 'invalid_format': {
      const message = isSchemaMessage(issue.message)
        ? locale.t(issue.message, { label, found })
        : locale.t(issue.format === 'date' ? 'input.zod.invalid-date' : 'input.zod.invalid-id', { label, found });
      return [{ path, code: 'invalid-format', message }];
    }
    case 'invalid_value': {
      const allowed = issue.values.map(String);
      const suggestion = typeof value === 'string' ? didYouMean(value, allowed, locale) : '';
      return [{ path, code: 'invalid-value', message: locale.t('input.zod.invalid-value', { label, allowed: allowed.join(', '), found, suggestion }) }];
    }
    case 'invalid_union': {
      // A mapping that has the right form but a wrong part (`{ answer: [1] }`) is explained by
      // that part, not by the list of every form the value could take.
      const inner = isMapping(value) ? mappingOptionIssues(issue.errors) : undefined;
      if (inner) return inner.flatMap((innerIssue) => fromZodIssue(innerIssue, path, schema, data, sourceText, locale));
      return [{ path, code: 'wrong-type', message: unionMessage(issue, label, found, locale) }];
    }
    default:
      return [{ path, code: 'invalid', message: locale.t('input.zod.invalid', { label, detail: issue.message }) }];
  }
}

function isMapping(value: unknown): boolean {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** The issues of the union option that accepted a mapping's form and failed only inside it. */
function mappingOptionIssues(options: readonly (readonly ZodIssue[])[]): readonly ZodIssue[] | undefined {
  return options.find(
    (issues) => issues.length > 0 && issues.every((inner) => inner.path.length > 0 || (inner.code !== 'invalid_type' && inner.code !== 'invalid_union')),
  );
}

/** The schema's own wording where it has one, else the forms every option expects ("text or a number"). */
function unionMessage(issue: z.core.$ZodIssueInvalidUnion, label: string, found: string, locale: Locale): string {
  if (isSchemaMessage(issue.message)) return locale.t(issue.message, { label, found });
  const expected = [...new Set(expectedTypes(issue.errors))].map((type) => expectedName(type, locale));
  if (expected.length === 0) return locale.t('input.zod.invalid-union', { label, found });
  const either = expected.reduce((first, second) => locale.t('input.zod.or', { first, second }));
  return locale.t('input.zod.wrong-type', { label, expected: either, found });
}

/** The schemas name their own messages by key (`input.schema.…`), so that they are said in the run's language. */
function isSchemaMessage(message: string): message is MessageKey {
  return message.startsWith('input.schema.');
}

function expectedTypes(options: readonly (readonly ZodIssue[])[]): string[] {
  return options.flatMap((issues) =>
    issues.flatMap((inner) => (inner.path.length > 0 ? [] : inner.code === 'invalid_type' ? [inner.expected] : inner.code === 'invalid_union' ? expectedTypes(inner.errors) : [])),
  );
}

function rangeMessage(issue: z.core.$ZodIssueTooSmall | z.core.$ZodIssueTooBig, label: string, found: string, locale: Locale): string {
  const small = issue.code === 'too_small';
  const limit = Number(small ? (issue as z.core.$ZodIssueTooSmall).minimum : (issue as z.core.$ZodIssueTooBig).maximum);
  switch (issue.origin) {
    case 'array':
      return locale.t(small ? 'input.zod.too-few-entries' : 'input.zod.too-many-entries', { label, limit });
    case 'string':
      return small ? locale.t('input.zod.empty-text', { label }) : locale.t('input.zod.too-long', { label, limit });
    default: {
      const bound = small ? (issue.inclusive ? 'atLeast' : 'greaterThan') : issue.inclusive ? 'atMost' : 'lessThan';
      return locale.t('input.zod.number-range', { label, bound, limit: locale.decimal(String(limit)), found });
    }
  }
}

function expectedName(expected: string, locale: Locale): string {
  switch (expected) {
    case 'string':
      return locale.t('input.zod.expected.text');
    case 'number':
      return locale.t('input.zod.expected.number');
    case 'object':
    case 'record':
      return locale.t('input.zod.expected.mapping');
    case 'array':
      return locale.t('input.zod.expected.list');
    default:
      return locale.t('input.zod.expected.other', { type: expected });
  }
}

/** A value as a message names it; text is quoted short (quote.ts). */
function describeValue(value: unknown, locale: Locale): string {
  if (value === null || value === undefined) return locale.t('input.zod.value.empty');
  if (Array.isArray(value)) return locale.t('input.zod.value.list');
  if (typeof value === 'object') return locale.t('input.zod.value.mapping');
  if (typeof value === 'string') return quoted(value);
  if (typeof value === 'boolean') return locale.t('input.zod.value.boolean', { value: String(value) });
  return String(value);
}

/** `competencies[2].indicators[0].weight`, or "the file" for the top level. */
function describePath(path: Path, locale: Locale): string {
  if (path.length === 0) return locale.t('input.zod.the-file');
  return path.map((segment, index) => (typeof segment === 'number' ? `[${segment}]` : index === 0 ? inlineText(segment) : `.${inlineText(segment)}`)).join('');
}

function valueAt(data: unknown, path: Path): unknown {
  let current = data;
  for (const segment of path) {
    if (current === null || typeof current !== 'object' || !Object.hasOwn(current, segment)) return undefined;
    current = (current as Record<string | number, unknown>)[segment];
  }
  return current;
}

interface Def {
  type: string;
  shape?: Record<string, z.ZodMiniType>;
  element?: z.ZodMiniType;
  valueType?: z.ZodMiniType;
  innerType?: z.ZodMiniType;
  options?: z.ZodMiniType[];
  in?: z.ZodMiniType;
}

function defOf(schema: z.ZodMiniType): Def {
  return (schema as unknown as { _zod: { def: Def } })._zod.def;
}

/** The part of a schema that validates `path`, seen through optional, nullable and default wrappers. */
function schemaAt(schema: z.ZodMiniType | undefined, path: Path): z.ZodMiniType | undefined {
  let current = unwrap(schema);
  for (const segment of path) {
    if (!current) return undefined;
    const def = defOf(current);
    if (def.type === 'object') current = def.shape?.[String(segment)];
    else if (def.type === 'array') current = def.element;
    else if (def.type === 'record') current = def.valueType;
    else return undefined;
    current = unwrap(current);
  }
  return current;
}

function unwrap(schema: z.ZodMiniType | undefined): z.ZodMiniType | undefined {
  let current = schema;
  while (current) {
    const def = defOf(current);
    if (def.type === 'optional' || def.type === 'nullable' || def.type === 'default' || def.type === 'prefault') current = def.innerType;
    else if (def.type === 'pipe') current = def.in;
    else if (def.type === 'union') {
      // The keys of a union are those of its mapping option (an answer's `{ answer, note }`).
      const object = def.options?.map(unwrap).find((option) => option && defOf(option).type === 'object');
      return object ?? current;
    } else return current;
  }
  return current;
}

function objectKeys(schema: z.ZodMiniType | undefined): string[] {
  if (!schema) return [];
  const def = defOf(schema);
  return def.type === 'object' && def.shape ? Object.keys(def.shape) : [];
}
