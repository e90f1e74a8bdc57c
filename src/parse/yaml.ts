import { Composer, isAlias, isCollection, isMap, isPair, isScalar, LineCounter, Parser, Scalar, visit, YAMLParseError, type Document, type YAMLError } from 'yaml';
import { UserError, type Diagnostic } from '../errors.js';
import type { TextSource } from '../source.js';
import { inlineText, quoted } from '../core/quote.js';
import { documentKind } from './document-kind.js';
import { checkedTokens, forbiddenCharacters, MAX_NESTING_DEPTH, TooDeep } from './plain-yaml.js';
import { ENGLISH } from '../locale/english.js';
import type { Locale } from '../locale/locale.js';

/** A parsed YAML file that still knows where every node came from. */
export interface ParsedSource extends TextSource {
  document: Document.Parsed;
  lines: LineCounter;
  /** The document as plain data; own properties only, so `__proto__` is just a key. */
  data: unknown;
}

/**
 * Aliases expanded beyond this many times are refused: legitimate files use a handful,
 * and a "billion laughs" document needs thousands to do its damage.
 */
const MAX_ALIAS_COUNT = 100;

/** How the one document of a file is composed: YAML 1.2 (so `yes`/`no` stay strings), every duplicate key an error. */
const COMPOSE_OPTIONS = { logLevel: 'error', prettyErrors: false, uniqueKeys: true, version: '1.2' } as const;

/**
 * Parses YAML 1.2 (so `yes`/`no` stay strings), reporting every syntax error and duplicate key at
 * once. Only plain data is read: characters YAML forbids, tags and nesting past the limit are
 * refused, at their line and column, before anything recursive runs (see plain-yaml.ts).
 */
export function parseYaml(source: TextSource, locale: Locale = ENGLISH): ParsedSource {
  const characters = forbiddenCharacters(source.file, source.text, locale);
  if (characters.length > 0) throw new UserError(characters);
  const lines = lineCounter(source.text);
  const document = composeDocument(source, lines, locale);
  if (document.errors.length > 0) {
    throw new UserError(document.errors.map((error) => syntaxDiagnostic(source.file, document, lines, error, locale)));
  }
  let data: unknown;
  try {
    data = document.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (error) {
    if (!(error instanceof ReferenceError)) throw error;
    // The only failures of toJS on an error-free document are alias ones (exhaustion or unresolved).
    // An unresolved one names its alias last in the message, so the diagnostic can point at that alias.
    const unresolved = /^Unresolved alias.*: (\S+)$/.exec(error.message)?.[1];
    const at = lines.linePos(firstAliasOffset(document, unresolved) ?? 0);
    const message = /exhaustion/i.test(error.message)
      ? locale.t('input.yaml.alias-bomb', { limit: MAX_ALIAS_COUNT })
      : unresolved === undefined
        ? error.message
        : locale.t('input.yaml.unresolved-alias', { alias: inlineText(unresolved) });
    throw new UserError([diagnostic(source.file, at, 'yaml-alias', message)]);
  }
  return { ...source, document, lines, data };
}

/**
 * Where every line of `text` starts, for turning offsets into lines and columns. Counted here
 * rather than by the parser as it reads, which misses the line breaks inside some malformed flow
 * collections, and so placed later errors lines too high.
 */
function lineCounter(text: string): LineCounter {
  const lines = new LineCounter();
  lines.addNewLine(0);
  for (let at = text.indexOf('\n'); at !== -1; at = text.indexOf('\n', at + 1)) lines.addNewLine(at + 1);
  return lines;
}

/**
 * The file's first document, as the yaml library's `parseDocument` composes it (a second one is
 * an error), from tokens checked as they are read. The parser's warnings are not printed
 * (logLevel "error"): every message goes through our diagnostics.
 */
function composeDocument(source: TextSource, lines: LineCounter, locale: Locale): Document.Parsed {
  const composer = new Composer(COMPOSE_OPTIONS);
  const tags: number[] = [];
  let document: Document.Parsed | undefined;
  try {
    for (const next of composer.compose(checkedTokens(source.text, new Parser(), tags), true, source.text.length)) {
      if (document === undefined) document = next;
      else {
        document.errors.push(new YAMLParseError([next.range[0], next.range[1]], 'MULTIPLE_DOCS', 'Source contains multiple documents'));
        break;
      }
    }
  } catch (error) {
    if (!(error instanceof TooDeep)) throw error;
    throw new UserError([diagnostic(source.file, lines.linePos(error.offset), 'too-deep', locale.t('input.yaml.too-deep', { limit: MAX_NESTING_DEPTH }))]);
  }
  if (tags.length > 0) throw new UserError(tags.map((offset) => diagnostic(source.file, lines.linePos(offset), 'yaml-tag', locale.t('input.yaml.tag'))));
  // compose(…, forceDoc) always gives a document, an empty one for an empty stream.
  return document!;
}

function syntaxDiagnostic(file: string, document: Document.Parsed, lines: LineCounter, error: YAMLError, locale: Locale): Diagnostic {
  if (error.code === 'DUPLICATE_KEY') return diagnostic(file, lines.linePos(error.pos[0]), 'duplicate-key', duplicateKeyMessage(document, error.pos[0], locale));
  const code = 'yaml-syntax';
  const opening = unclosedNodeStart(document, error);
  if (opening === undefined) return diagnostic(file, lines.linePos(error.pos[0]), code, yamlMessage(error.code, error.message, locale));
  const message = /quote/i.test(error.message) ? locale.t('input.yaml.unclosed-quote') : yamlMessage(error.code, error.message, locale);
  return diagnostic(file, lines.linePos(opening), code, message);
}

/**
 * The duplicate key at `offset` (its second occurrence), named when it is a plain value in a file
 * that looks like a model, an answers file or a report: a file named by a `model:` line may be any
 * file (`./.env`), and what one that is none of these holds is not shown.
 */
function duplicateKeyMessage(document: Document.Parsed, offset: number, locale: Locale): string {
  const key = duplicateKeyAt(document, offset);
  if (key === undefined || documentKind(topLevelKeys(document)) === 'unknown') return locale.t('input.yaml.duplicate-key');
  return locale.t('input.yaml.duplicate-key-named', { key: quoted(key) });
}

/** The text of the plain (scalar) key that starts at `offset`, if there is one. */
function duplicateKeyAt(document: Document.Parsed, offset: number): string | undefined {
  let key: string | undefined;
  visit(document, {
    Pair(_key, pair) {
      if (isPair(pair) && isScalar(pair.key) && pair.key.range?.[0] === offset) {
        key = String(pair.key.value);
        return visit.BREAK;
      }
      return undefined;
    },
  });
  return key;
}

/** The plain keys of the top-level mapping, as an object with those keys: enough to tell the kind of file. */
function topLevelKeys(document: Document.Parsed): Record<string, true> {
  if (!isMap(document.contents)) return {};
  return Object.fromEntries(document.contents.items.flatMap((pair) => (isScalar(pair.key) ? [[String(pair.key.value), true] as const] : [])));
}

function diagnostic(file: string, at: { line: number; col: number }, code: string, message: string): Diagnostic {
  return { file, line: at.line, column: at.col, code, message };
}

/** Where the first alias is, or the first one naming `anchor` when given. */
function firstAliasOffset(document: Document.Parsed, anchor?: string): number | undefined {
  let offset: number | undefined;
  visit(document, {
    Alias(_key, node) {
      if (isAlias(node) && node.range && (anchor === undefined || node.source === anchor)) {
        offset = node.range[0];
        return visit.BREAK;
      }
      return undefined;
    },
  });
  return offset;
}

/**
 * The parser reports an unclosed quote or bracket where it gave up, often at the end of the
 * file, far from the mistake: the place to fix is where the quote or bracket was opened, the
 * start of the quoted scalar or flow collection that ends exactly where the error is.
 */
function unclosedNodeStart(document: Document.Parsed, error: YAMLError): number | undefined {
  const quote = error.code === 'MISSING_CHAR' && /quote/i.test(error.message);
  const bracket = (error.code === 'MISSING_CHAR' || error.code === 'BAD_INDENT') && /end with a [\]}]/.test(error.message);
  if (!quote && !bracket) return undefined;
  let start: number | undefined;
  visit(document, {
    Node(_key, node) {
      const opensHere = quote
        ? isScalar(node) && (node.type === Scalar.QUOTE_DOUBLE || node.type === Scalar.QUOTE_SINGLE)
        : isCollection(node) && node.flow === true;
      if (opensHere && node.range?.[1] === error.pos[0]) {
        start = node.range[0];
        return visit.BREAK;
      }
      return undefined;
    },
  });
  return start;
}

/**
 * The parser's messages that end with text from the file (a token, a directive): the file may
 * be anything a `model:` line names, so that text is left out; the location says where it is.
 */
const ECHOING_MESSAGES = [
  /^(Block scalar header includes extra characters): .*$/s,
  /^(Not a YAML token): .*$/s,
  /^(Unsupported YAML version) .*$/s,
  /^(Unknown directive) .*$/s,
  /^(Unexpected \S+ token in YAML (?:stream|document)): .*$/s,
];

/** The parser's messages end with a source excerpt meant for a terminal; we print our own location. */
function yamlMessage(code: string, message: string, locale: Locale): string {
  let first = message.split('\n')[0]?.replace(/ at line \d+, column \d+:?$/, '').trim() ?? message;
  for (const echoing of ECHOING_MESSAGES) first = first.replace(echoing, '$1');
  // The parser's own advice here names a library function; the user needs to know what is wrong with the file.
  if (code === 'MULTIPLE_DOCS') return locale.t('input.yaml.second-document');
  return locale.t('input.yaml.syntax', { code, detail: `${first.charAt(0).toLowerCase()}${first.slice(1)}` });
}

