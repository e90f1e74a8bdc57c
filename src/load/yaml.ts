import { isAlias, LineCounter, parseDocument, visit, type Document, type Node as YamlNode } from 'yaml';
import { UserError, type Diagnostic } from '../errors.js';
import type { TextSource } from './read.js';

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

/** Parses YAML 1.2 (so `yes`/`no` stay strings), reporting every syntax error and duplicate key at once. */
export function parseYaml(source: TextSource): ParsedSource {
  const lines = new LineCounter();
  const document = parseDocument(source.text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true, version: '1.2' });
  if (document.errors.length > 0) {
    throw new UserError(
      document.errors.map((error) => {
        const at = lines.linePos(error.pos[0]);
        return diagnostic(source.file, at, error.code === 'DUPLICATE_KEY' ? 'duplicate-key' : 'yaml-syntax', yamlMessage(error.code, error.message));
      }),
    );
  }
  let data: unknown;
  try {
    data = document.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (error) {
    if (!(error instanceof ReferenceError)) throw error;
    // The only failures of toJS on an error-free document are alias ones (exhaustion or unresolved).
    const at = lines.linePos(firstAliasOffset(document) ?? 0);
    const message = /exhaustion/i.test(error.message)
      ? `too many alias expansions (more than ${MAX_ALIAS_COUNT}); this looks like a "billion laughs" document and is refused`
      : error.message;
    throw new UserError([diagnostic(source.file, at, 'yaml-alias', message)]);
  }
  return { ...source, document, lines, data };
}

function diagnostic(file: string, at: { line: number; col: number }, code: string, message: string): Diagnostic {
  return { file, line: at.line, column: at.col, code, message };
}

function firstAliasOffset(document: Document.Parsed): number | undefined {
  let offset: number | undefined;
  visit(document, {
    Alias(_key, node) {
      if (isAlias(node) && node.range) {
        offset = node.range[0];
        return visit.BREAK;
      }
      return undefined;
    },
  });
  return offset;
}

/** The parser's messages end with a source excerpt meant for a terminal; we print our own location. */
function yamlMessage(code: string, message: string): string {
  const first = message.split('\n')[0]?.replace(/ at line \d+, column \d+:?$/, '').trim() ?? message;
  if (code === 'DUPLICATE_KEY') return 'duplicate key: each key may appear only once in a mapping';
  return `YAML syntax error: ${first.charAt(0).toLowerCase()}${first.slice(1)}`;
}

export type { YamlNode };
