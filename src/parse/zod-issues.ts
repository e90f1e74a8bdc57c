import type { z } from 'zod/mini';
import type { InputIssue } from '../core/issue.js';
import { inlineText, quoted } from '../core/quote.js';
import { didYouMean } from '../core/suggest.js';

type Path = (string | number)[];
type ZodIssue = z.core.$ZodIssue;

/** The text of the scalar at a path exactly as the file writes it (`1.0`, not the number 1), if known. */
export type SourceText = (path: Path) => string | undefined;

/**
 * Turns zod's issues into our own, with messages written for the person editing the YAML file:
 * they name the key, say what was expected and what was found, and suggest the likely key.
 */
export function fromZodIssues(issues: readonly ZodIssue[], schema: z.ZodMiniType, data: unknown, sourceText: SourceText = () => undefined): InputIssue[] {
  const all = issues.flatMap((issue) => fromZodIssue(issue, [], schema, data, sourceText));
  // zod still runs a value's checks when its type is wrong (`note: []` would also "need at least
  // 1 entry"); for a value of the wrong type, the type is the one thing worth saying.
  const wrongType = new Set(all.filter((issue) => issue.code === 'wrong-type').map((issue) => JSON.stringify(issue.path)));
  return all.filter((issue) => issue.code === 'wrong-type' || !wrongType.has(JSON.stringify(issue.path)));
}

function fromZodIssue(issue: ZodIssue, prefix: Path, schema: z.ZodMiniType, data: unknown, sourceText: SourceText): InputIssue[] {
  const path = [...prefix, ...(issue.path as Path)];
  const value = valueAt(data, path);
  const label = describePath(path);
  switch (issue.code) {
    case 'unrecognized_keys': {
      const allowed = objectKeys(schemaAt(schema, path));
      return issue.keys.map((key) => ({
        path: [...path, key],
        at: 'key' as const,
        code: 'unknown-key',
        message: `unknown key ${quoted(key)}${path.length > 0 ? ` in ${label}` : ''}${didYouMean(key, allowed)}; allowed keys: ${allowed.join(', ')}`,
      }));
    }
    case 'invalid_type': {
      if (value === undefined) {
        const key = path.at(-1);
        return [{ path: path.slice(0, -1), code: 'missing-key', message: `missing required key "${String(key)}"${path.length > 1 ? ` in ${describePath(path.slice(0, -1))}` : ''}` }];
      }
      // A number is shown as written: `version: 1.0` is read as 1, but the quotes must keep "1.0".
      const written = typeof value === 'number' ? inlineText(sourceText(path) ?? String(value)) : undefined;
      const hint = issue.expected === 'string' && written !== undefined ? ` (write it in quotes: "${written}")` : '';
      return [{ path, code: 'wrong-type', message: `${label} must be ${expectedName(issue.expected)}, not ${written ?? describeValue(value)}${hint}` }];
    }
    case 'too_small':
    case 'too_big':
      return [{ path, code: 'out-of-range', message: `${label} ${rangeMessage(issue, value)}` }];
    case 'invalid_format': {
      const message =
        issue.format === 'date'
          ? `${label} must be a real date written YYYY-MM-DD, not ${describeValue(value)}`
          : `${label} ${describeValue(value)} is not a valid id: use lower-case letters, digits, ".", "_" and "-", starting with a letter or digit`;
      return [{ path, code: 'invalid-format', message }];
    }
    case 'invalid_value': {
      const allowed = issue.values.map(String);
      const found = describeValue(value);
      return [{ path, code: 'invalid-value', message: `${label} must be one of ${allowed.join(', ')}, not ${found}${typeof value === 'string' ? didYouMean(value, allowed) : ''}` }];
    }
    case 'invalid_union': {
      // A mapping that has the right form but a wrong part (`{ answer: [1] }`) is explained by
      // that part, not by the list of every form the value could take.
      const inner = isMapping(value) ? mappingOptionIssues(issue.errors) : undefined;
      if (inner) return inner.flatMap((innerIssue) => fromZodIssue(innerIssue, path, schema, data, sourceText));
      return [{ path, code: 'wrong-type', message: `${label} ${unionExpectation(issue)}, not ${describeValue(value)}` }];
    }
    default:
      return [{ path, code: 'invalid', message: `${label}: ${issue.message}` }];
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
function unionExpectation(issue: z.core.$ZodIssueInvalidUnion): string {
  const expected = [...new Set(expectedTypes(issue.errors))];
  return issue.message === ZOD_DEFAULT_UNION_MESSAGE && expected.length > 0 ? `must be ${expected.map(expectedName).join(' or ')}` : issue.message;
}

/** What zod says of a union that has no message of its own. */
const ZOD_DEFAULT_UNION_MESSAGE = 'Invalid input';

function expectedTypes(options: readonly (readonly ZodIssue[])[]): string[] {
  return options.flatMap((issues) =>
    issues.flatMap((inner) => (inner.path.length > 0 ? [] : inner.code === 'invalid_type' ? [inner.expected] : inner.code === 'invalid_union' ? expectedTypes(inner.errors) : [])),
  );
}

function rangeMessage(issue: z.core.$ZodIssueTooSmall | z.core.$ZodIssueTooBig, value: unknown): string {
  const small = issue.code === 'too_small';
  const limit = Number(small ? (issue as z.core.$ZodIssueTooSmall).minimum : (issue as z.core.$ZodIssueTooBig).maximum);
  switch (issue.origin) {
    case 'array':
      return small ? `needs at least ${limit} ${limit === 1 ? 'entry' : 'entries'}` : `may have at most ${limit} entries`;
    case 'string':
      return small ? 'must not be empty' : `may be at most ${limit} characters long`;
    default: {
      const bound = small ? (issue.inclusive ? 'at least' : 'greater than') : issue.inclusive ? 'at most' : 'less than';
      return `must be ${bound} ${limit}, not ${describeValue(value)}`;
    }
  }
}

function expectedName(expected: string): string {
  switch (expected) {
    case 'string':
      return 'text';
    case 'number':
      return 'a number';
    case 'object':
    case 'record':
      return 'a mapping (key: value)';
    case 'array':
      return 'a list';
    default:
      return `a ${expected}`;
  }
}

/** A value as a message names it; text is quoted short (quote.ts). */
function describeValue(value: unknown): string {
  if (value === null || value === undefined) return 'empty';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  if (typeof value === 'string') return quoted(value);
  return `${typeof value === 'boolean' ? 'the boolean ' : ''}${String(value)}`;
}

/** `competencies[2].indicators[0].weight`, or "the file" for the top level. */
function describePath(path: Path): string {
  if (path.length === 0) return 'the file';
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
