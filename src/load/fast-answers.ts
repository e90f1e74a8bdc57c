import { boolCoreTag, COLLECTION_STYLE, EVENT_ID, floatCoreTag, getScalarValue, intCoreTag, NOT_RESOLVED, nullCoreTag, parseEvents, SCALAR_STYLE, type Event, type MappingEvent, type ScalarEvent, type ScalarTagDefinition, type SequenceEvent } from 'js-yaml';
import type { AnswerEntry, AnswersFile } from '../schema/answers.js';

/**
 * The quick way through a well-formed answers file, for start-up: a run that scores one file
 * spends most of its time building the zod schema and running the `yaml` parser cold (about
 * 35 ms of 90 on Node 20), yet neither is needed to read a file that is right. This reads such a
 * file with js-yaml (a single-pass parser, fast from the first call) and checks it by hand.
 *
 * It gives up (undefined) on anything it is not sure of, and the caller then takes the full path
 * (the `yaml` document with positions, then the zod schema), which reports every error where it
 * is. So the two must agree on every file this accepts; test/load/fast-answers.test.ts checks
 * that fastAnswersFile accepts only what answersSchema accepts, with the same result, and that
 * both parsers read the same data from generated files.
 */
export function fastAnswersData(text: string): unknown {
  if (isLenient(text) || hasLongLine(text)) return undefined;
  try {
    const events = parseEvents(text, {});
    return hasMultiLineFlow(events, text) ? undefined : dataFromEvents(events, text);
  } catch {
    return undefined;
  }
}

/**
 * Text that js-yaml reads more leniently than the full path's parser, which reports it (or, for
 * an escaped line break before a blank line, reads it otherwise): tabs (not allowed as
 * indentation), a carriage return without a line feed, a backslash at the end of a line, a line
 * starting a document (`---`, `...`), a `\U` escape (which may lie beyond Unicode), a line of
 * 1,000 characters or more (a key must end within 1,024), numbers too large for a double, and
 * block scalars with an indentation indicator (`|2`), whose blank lines the two read differently.
 */
function isLenient(text: string): boolean {
  // One search per kind, each behind a search for a character it needs: as one regular
  // expression, trying every kind at every character cost a quarter of the checks per file.
  return (
    text.includes('\t') ||
    (text.includes('\r') && /\r(?!\n)/.test(text)) ||
    (text.includes('\\') && /\\(?:\r?\n|U)/.test(text)) ||
    ((text.includes('---') || text.includes('...')) && /^(?:---|\.\.\.)/m.test(text)) ||
    ((text.includes('|') || text.includes('>')) && /[|>][-+]?[1-9]/.test(text)) ||
    (/[eE][+-]?[0-9]{3}/.test(text) && /[0-9][eE][+-]?[0-9]{3}/.test(text)) ||
    /[0-9]{300}|0x[0-9a-fA-F]{250}/.test(text)
  );
}

/** A line of 1,000 characters or more; as a regular expression this cost as much as parsing. */
function hasLongLine(text: string): boolean {
  let start = 0;
  for (let end = text.indexOf('\n'); ; end = text.indexOf('\n', start)) {
    if ((end === -1 ? text.length : end) - start >= 1000) return true;
    if (end === -1) return false;
    start = end + 1;
  }
}

/**
 * A flow collection (`{ answer: x, note: y }`) written over several lines: the parsers disagree on
 * comments inside one, so only one-line collections, as people write them, take the quick path.
 */
function hasMultiLineFlow(events: readonly Event[], text: string): boolean {
  for (let index = 0; index < events.length; index++) {
    const collection = events[index]!;
    if (!isFlowCollection(collection)) continue;
    // Where its content ends: after the last scalar in it (a quoted one, after its closing quote),
    // and how many collections are still open there, itself included.
    let contentEnd = collection.start + 1;
    let openAtEnd = 1;
    for (let depth = 1; depth > 0 && index + 1 < events.length; ) {
      const event = events[++index]!;
      if (event.type === EVENT_ID.POP) depth -= 1;
      else if (event.type === EVENT_ID.MAPPING || event.type === EVENT_ID.SEQUENCE) depth += 1;
      else if (event.type === EVENT_ID.SCALAR) {
        const quoted = event.style === SCALAR_STYLE.SINGLE_QUOTED || event.style === SCALAR_STYLE.DOUBLE_QUOTED;
        const end = event.valueEnd + (quoted ? 1 : 0);
        if (end >= contentEnd) [contentEnd, openAtEnd] = [end, depth];
      }
    }
    const lineEnd = text.indexOf('\n', collection.start);
    if (lineEnd !== -1 && lineEnd < contentEnd) return true;
    // Then only spaces, commas and brackets may come before it closes; anything else (a comment,
    // whose `}` would not close it) goes to the full path too.
    for (let at = contentEnd, open = openAtEnd; open > 0; at++) {
      const character = text[at];
      if (character === '}' || character === ']') open -= 1;
      else if (character === '{' || character === '[') open += 1;
      else if (character !== ' ' && character !== ',') return true;
    }
  }
  return false;
}

const isFlowCollection = (event: Event): event is MappingEvent | SequenceEvent => (event.type === EVENT_ID.MAPPING || event.type === EVENT_ID.SEQUENCE) && event.style === COLLECTION_STYLE.FLOW;

/**
 * The data js-yaml's constructFromEvents makes of the events with its default (core) schema, for
 * a single document of mappings and scalars with string keys: what an answers file is. Anything
 * else is undefined and left to the full path, as are what the two parsers do not read alike or
 * what only the full path limits: explicit tags (`!!float 1` is 1 to one and "1" to the other),
 * directives (`%YAML 1.1` makes `yes` true to one of them), anchors and aliases (the full path
 * refuses "billion laughs" documents), null keys (one makes `~:` the key "null", the other ""),
 * other keys that are not strings, duplicate keys and `__proto__`.
 *
 * Built here rather than by constructFromEvents, which spent a tenth of the work per file of a
 * pool on what these files never hold (tags, anchors, merge keys, complex keys).
 */
function dataFromEvents(events: readonly Event[], text: string): unknown {
  // The mapping being filled at each depth, and the key waiting for its value; the root at depth 0.
  const open: { mapping: Plain; key: string | undefined }[] = [];
  let root: unknown;
  let documents = 0;
  const place = (value: unknown): boolean => {
    const parent = open.at(-1);
    if (parent === undefined) {
      root = value;
      return true;
    }
    if (parent.key !== undefined) {
      parent.mapping[parent.key] = value;
      parent.key = undefined;
      return true;
    }
    if (typeof value !== 'string' || value === '__proto__' || Object.hasOwn(parent.mapping, value)) return false;
    parent.key = value;
    return true;
  };
  for (const event of events) {
    switch (event.type) {
      case EVENT_ID.DOCUMENT:
        if (++documents > 1 || event.directives.length > 0) return undefined;
        break;
      case EVENT_ID.MAPPING: {
        if (event.tagStart !== -1 || event.anchorStart !== -1) return undefined;
        const mapping: Plain = {};
        if (!place(mapping)) return undefined;
        open.push({ mapping, key: undefined });
        break;
      }
      case EVENT_ID.SCALAR:
        if (event.tagStart !== -1 || event.anchorStart !== -1 || !place(scalarValue(event, text))) return undefined;
        break;
      case EVENT_ID.POP:
        // The document's own end pops nothing here: documents are counted, and there is one.
        if (open.length > 0 && open.pop()!.key !== undefined) return undefined;
        break;
      default:
        // Sequences (no answers file holds one) and aliases.
        return undefined;
    }
  }
  return documents === 1 ? root : undefined;
}

/** The core schema's implicit types, in its order of trying; a plain scalar none of them reads is a string. */
const IMPLICIT_TYPES: readonly ScalarTagDefinition[] = [nullCoreTag, boolCoreTag, intCoreTag, floatCoreTag];

/**
 * The types worth trying for a plain scalar, by its first character, as js-yaml's schema keeps
 * them: each type names the first characters it can read (or none, for any), so that a word such
 * as `partly` or an indicator id is not tried as a number, a boolean and a null.
 */
const IMPLICIT_TYPES_BY_FIRST_CHARACTER = new Map(
  [...new Set(IMPLICIT_TYPES.flatMap((type) => type.implicitFirstChars ?? []))].map((character) => [
    character,
    IMPLICIT_TYPES.filter((type) => type.implicitFirstChars === null || type.implicitFirstChars.includes(character)),
  ]),
);
const IMPLICIT_TYPES_FOR_ANY_CHARACTER = IMPLICIT_TYPES.filter((type) => type.implicitFirstChars === null);

function scalarValue(event: ScalarEvent, text: string): unknown {
  const source = getScalarValue(text, event);
  if (event.style !== SCALAR_STYLE.PLAIN) return source;
  for (const type of IMPLICIT_TYPES_BY_FIRST_CHARACTER.get(source.charAt(0)) ?? IMPLICIT_TYPES_FOR_ANY_CHARACTER) {
    const value = type.resolve(source, false, type.tagName);
    if (value !== NOT_RESOLVED) return value;
  }
  return source;
}

type Plain = Record<string, unknown>;

const isPlainObject = (value: unknown): value is Plain => value !== null && typeof value === 'object' && !Array.isArray(value);

/** answersSchema's keys; any other key is an error the full path reports. */
const FILE_KEYS = new Set(['organisation', 'date', 'model', 'assessor', 'answers']);

/** What zod's `text` (a trimmed string, not empty) makes of a value, or undefined when it refuses it. */
function text(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const trimmed = value.trim();
  return trimmed.length > 0 ? trimmed : undefined;
}

/** zod's `answerValue`: a non-empty string, or a finite number read as its text. */
function answerValue(value: unknown): string | undefined {
  if (typeof value === 'string') return value.length > 0 ? value : undefined;
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return undefined;
}

/** A real calendar date written YYYY-MM-DD, as zod's `z.iso.date()` accepts. */
function isIsoDate(value: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (month < 1 || month > 12 || day < 1) return false;
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]!;
  return day <= days;
}

/**
 * Mappings the full path deals with: an own `__proto__` key needs the care of proto-key.ts, and
 * a key holding `undefined` (which YAML cannot write, but a library caller can pass) is kept by
 * zod. A loop rather than Object.values: this runs for every answer of every file.
 */
function needsCare(object: Plain): boolean {
  if (Object.hasOwn(object, '__proto__')) return true;
  for (const key in object) if (object[key] === undefined && Object.hasOwn(object, key)) return true;
  return false;
}

function entry(value: unknown): AnswerEntry | 'invalid' {
  if (value === null) return null;
  const bare = answerValue(value);
  if (bare !== undefined) return bare;
  if (!isPlainObject(value) || Object.hasOwn(value, '__proto__')) return 'invalid';
  // One pass over its own keys: `answer` and `note` only, neither holding undefined (needsCare).
  let answer: string | null | undefined;
  let note: string | undefined;
  for (const key in value) {
    if (!Object.hasOwn(value, key)) continue;
    const field = value[key];
    if (field === undefined) return 'invalid';
    if (key === 'answer') {
      answer = field === null ? null : answerValue(field);
      if (answer === undefined) return 'invalid';
    } else if (key === 'note') {
      note = text(field);
      if (note === undefined) return 'invalid';
    } else return 'invalid';
  }
  const result: { answer?: string | null; note?: string } = {};
  if (answer !== undefined) result.answer = answer;
  if (note !== undefined) result.note = note;
  return result;
}

/**
 * The answers file that answersSchema would make of `data`, or undefined when it would refuse
 * it (or when the file holds something only the full path handles, such as a `__proto__` key).
 */
export function fastAnswersFile(data: unknown): AnswersFile | undefined {
  if (!isPlainObject(data) || needsCare(data)) return undefined;
  for (const key of Object.keys(data)) if (!FILE_KEYS.has(key)) return undefined;
  const organisation = text(data.organisation);
  if (organisation === undefined) return undefined;
  const file: AnswersFile = { organisation };
  if (data.date !== undefined) {
    if (data.date !== null && !(typeof data.date === 'string' && isIsoDate(data.date))) return undefined;
    file.date = data.date;
  }
  if (data.model !== undefined) {
    const model = text(data.model);
    if (model === undefined) return undefined;
    file.model = model;
  }
  if (data.assessor !== undefined) {
    const assessor = data.assessor === null ? null : text(data.assessor);
    if (assessor === undefined) return undefined;
    file.assessor = assessor;
  }
  if (data.answers !== undefined) {
    if (data.answers === null) file.answers = null;
    else {
      const source = data.answers;
      if (!isPlainObject(source) || Object.hasOwn(source, '__proto__')) return undefined;
      const answers: Record<string, AnswerEntry> = {};
      // A key holding undefined is an invalid entry, so the full path takes it (needsCare).
      for (const id in source) {
        if (!Object.hasOwn(source, id)) continue;
        const checked = entry(source[id]);
        if (checked === 'invalid') return undefined;
        answers[id] = checked;
      }
      file.answers = answers;
    }
  }
  return file;
}
