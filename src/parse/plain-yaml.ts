import { CST, Lexer, type Parser } from 'yaml';
import type { Diagnostic } from '../errors.js';
import { ENGLISH } from '../locale/english.js';
import type { Locale } from '../locale/locale.js';

// What a YAML file may hold to be read as plain data, checked before the parser builds anything
// recursive: characters YAML forbids, tags, and nesting deeper than anyone writes by hand.

/**
 * Mappings and lists nested deeper than this are refused. Models, answers files and reports
 * nest five levels at most; the parser and everything after it recurse once per level, and a file
 * nested thousands of levels deep would exhaust the call stack (of the main thread sooner than of
 * a worker thread, so a run's outcome would depend on `--jobs`).
 */
export const MAX_NESTING_DEPTH = 100;

/**
 * Characters a YAML file may not hold as they are: control characters other than tab, line feed
 * and carriage return (YAML forbids all but next-line, refused too as a terminal control), and
 * Unicode noncharacters (U+FFFE, U+FFFF, U+FDD0–U+FDEF and the last two of every plane). Written
 * as escapes inside double quotes ("\e", "\x1B") they are legal YAML and are read as the escape says.
 */
const FORBIDDEN_CHARACTER = /(?![\t\n\r])\p{Cc}|\p{Noncharacter_Code_Point}/gu;

/** Every forbidden character of `text`, at its line and column (1-based, counted in characters). */
export function forbiddenCharacters(file: string, text: string, locale: Locale): Diagnostic[] {
  const found: Diagnostic[] = [];
  let line = 1;
  let column = 1;
  // Where line and column were last counted up to: each part of the text is looked at once.
  let counted = 0;
  for (const match of text.matchAll(FORBIDDEN_CHARACTER)) {
    const offset = match.index;
    for (let next = text.indexOf('\n', counted); next !== -1 && next < offset; next = text.indexOf('\n', counted)) {
      line += 1;
      column = 1;
      counted = next + 1;
    }
    column += characterCount(text, counted, offset);
    counted = offset;
    found.push({ file, line, column, code: 'forbidden-character', message: describeCharacter(match[0].codePointAt(0)!, locale) });
  }
  return found;
}

/** Characters (code points, not UTF-16 units) from `start` to `end`. */
function characterCount(text: string, start: number, end: number): number {
  let count = end - start;
  for (let index = start; index < end; index++) {
    const unit = text.charCodeAt(index);
    if (unit >= 0xdc00 && unit <= 0xdfff) count -= 1;
  }
  return count;
}

function describeCharacter(code: number, locale: Locale): string {
  const hex = code.toString(16).toUpperCase();
  const name = `U+${hex.padStart(4, '0')}`;
  const escape = code <= 0xffff ? `\\u${hex.padStart(4, '0')}` : `\\U${hex.padStart(8, '0')}`;
  return locale.t(code <= 0x9f ? 'input.yaml.control-character' : 'input.yaml.noncharacter', { name, escape });
}

/** A file refused while its tokens were read: nested too deep (the parser is stopped at once). */
export class TooDeep extends Error {
  constructor(readonly offset: number) {
    super(`nested more than ${MAX_NESTING_DEPTH} levels deep`);
  }
}

const COLLECTIONS = new Set(['block-map', 'block-seq', 'flow-collection']);

/** What the lexer yields before a scalar's text. */
const SCALAR_MARKER = CST.SCALAR;

const EXCLAMATION_MARK = 0x21;

/**
 * The parser's tokens for `text`, as `Parser.parse` gives them, checked as they are made: the
 * lexer and this loop are iterative, and the parser's stack (the collections open at this point,
 * which the parser, the composer and every later step recurse through) is looked at after each
 * token, so nesting is refused before anything recurses deeper than the limit. Tags are noted in
 * `tags` (by offset); the file is refused once every tag is known.
 */
export function* checkedTokens(text: string, parser: Parser, tags: number[]): Generator<CST.Token, void> {
  let scalarNext = false;
  for (const lexeme of new Lexer().lex(text)) {
    // After a scalar marker comes the scalar's own text, which is never a token of its own; any
    // other lexeme starting with "!" is a tag (as CST.tokenType says, more cheaply: this runs for every token).
    if (scalarNext) scalarNext = false;
    else if (lexeme === SCALAR_MARKER) scalarNext = true;
    else if (lexeme.charCodeAt(0) === EXCLAMATION_MARK) tags.push(parser.offset);
    yield* parser.next(lexeme);
    // The stack holds the document and the node being read besides the open collections.
    if (parser.stack.length > MAX_NESTING_DEPTH) {
      const tooDeep = collectionPastLimit(parser.stack);
      if (tooDeep !== undefined) throw new TooDeep(tooDeep.offset);
    }
  }
  yield* parser.end();
}

/** The outermost open collection nested deeper than the limit, if any: where the file goes too deep. */
function collectionPastLimit(stack: readonly CST.Token[]): CST.Token | undefined {
  let depth = 0;
  for (const token of stack) {
    if (COLLECTIONS.has(token.type)) depth += 1;
    if (depth > MAX_NESTING_DEPTH) return token;
  }
  return undefined;
}


/** What a tag is refused with, in English: a file holds plain data, read as written. */
export const TAG_MESSAGE = ENGLISH.t('input.yaml.tag');
