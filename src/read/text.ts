import { readFileSync, statSync } from 'node:fs';
import { isUtf8 } from 'node:buffer';
import { dirname } from 'node:path';
import { UserError } from '../errors.js';
import { ENGLISH } from '../locale/english.js';
import type { Locale } from '../locale/locale.js';
import { STDIN_NAME, type TextSource } from '../source.js';

export type { TextSource } from '../source.js';

/** Larger inputs are refused before they are read or parsed: no assessment is anywhere near this. */
export const MAX_INPUT_BYTES = 10 * 1024 * 1024;


function fail(file: string, code: string, message: string, line = 1, column = 1): never {
  throw new UserError([{ file, line, column, code, message }]);
}

/**
 * Reads a file as UTF-8 text, refusing what is not a readable, non-empty text file under the size limit.
 * The calls are synchronous: one file is read at a time anyway, and each promise-based call costs a
 * round trip through the thread pool, which made reading the largest cost of scoring many files.
 * The kind of file is checked before it is opened: opening a named pipe would wait for a writer.
 */
export async function readTextFile(path: string, locale: Locale = ENGLISH): Promise<TextSource> {
  let bytes: Buffer;
  try {
    const info = statSync(path);
    if (info.isDirectory()) fail(path, 'not-a-file', locale.t('input.read.directory'));
    if (!info.isFile()) fail(path, 'not-a-file', locale.t('input.read.not-a-file'));
    if (info.size > MAX_INPUT_BYTES) {
      fail(path, 'too-large', locale.t('input.read.too-large', { size: formatBytes(info.size, locale), limit: formatBytes(MAX_INPUT_BYTES, locale) }));
    }
    bytes = readFileSync(path);
  } catch (error) {
    if (error instanceof UserError) throw error;
    fail(path, 'unreadable', describeFsError(error, locale));
  }
  return decode(path, bytes, locale);
}

/** Reads standard input to its end, refusing it once it grows past the size limit. */
export async function readStdin(stream: NodeJS.ReadableStream & { isTTY?: boolean } = process.stdin, locale: Locale = ENGLISH): Promise<TextSource> {
  if (stream.isTTY) fail(STDIN_NAME, 'stdin-is-terminal', locale.t('input.read.stdin-terminal'));
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of stream) {
    const buffer = typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer);
    total += buffer.length;
    if (total > MAX_INPUT_BYTES) fail(STDIN_NAME, 'too-large', locale.t('input.read.stdin-too-large', { limit: formatBytes(MAX_INPUT_BYTES, locale) }));
    chunks.push(buffer);
  }
  return decode(STDIN_NAME, Buffer.concat(chunks), locale);
}

/** Turns bytes into text, or a located error when they are empty, binary or not UTF-8. */
export function decode(file: string, bytes: Buffer, locale: Locale = ENGLISH): TextSource {
  if (bytes.length === 0) fail(file, 'empty', locale.t('input.read.empty'));
  const nul = bytes.indexOf(0);
  if (nul !== -1) {
    const at = positionOfByte(bytes, nul);
    fail(file, 'binary', locale.t('input.read.binary'), at.line, at.column);
  }
  if (!isUtf8(bytes)) {
    const at = positionOfByte(bytes, firstInvalidUtf8(bytes));
    fail(file, 'encoding', locale.t('input.read.encoding'), at.line, at.column);
  }
  let text = bytes.toString('utf8');
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  if (text.trim() === '') fail(file, 'empty', locale.t('input.read.blank'));
  return { file, text };
}

/** The offset of the first byte that does not start or continue a valid UTF-8 sequence. */
function firstInvalidUtf8(bytes: Buffer): number {
  // Grow a valid prefix one character at a time: a prefix is valid UTF-8 exactly when the
  // cut falls between characters, so the first offset that cannot be extended is the culprit.
  let offset = 0;
  while (offset < bytes.length) {
    let length = 1;
    while (length <= 4 && !isUtf8(bytes.subarray(offset, offset + length))) length++;
    if (length > 4) return offset;
    offset += length;
  }
  return offset;
}

/** Line and column (1-based, counted in characters) of a byte offset. */
function positionOfByte(bytes: Buffer, offset: number): { line: number; column: number } {
  const before = bytes.subarray(0, offset).toString('utf8').replace(/^\uFEFF/, '');
  const lines = before.split('\n');
  return { line: lines.length, column: [...(lines.at(-1) ?? '')].length + 1 };
}

function describeFsError(error: unknown, locale: Locale): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  switch (code) {
    case 'ENOENT':
      return locale.t('input.read.no-such-file');
    case 'EACCES':
    case 'EPERM':
      return locale.t('input.read.permission-denied');
    case 'EISDIR':
      return locale.t('input.read.directory');
    case 'ENOTDIR':
      return locale.t('input.read.not-a-directory');
    default:
      return locale.t('input.read.unreadable', { reason: code ?? String(error) });
  }
}

/** Rounded up, so that a file just over the limit never reads as the limit itself ("10.0 MiB; the limit is 10.0 MiB"). */
function formatBytes(bytes: number, locale: Locale): string {
  if (bytes < 1024 * 1024) return locale.t('input.read.bytes', { count: bytes });
  return locale.t('input.read.mebibytes', { size: locale.decimal((Math.ceil((bytes / 1024 / 1024) * 10) / 10).toFixed(1)) });
}

/** A path or `-` read as text, with the folder its relative references (`model:`) are resolved from. */
export async function readInput(input: string, stdin?: () => NodeJS.ReadableStream, locale: Locale = ENGLISH): Promise<TextSource & { baseDir: string }> {
  const source = input === '-' ? await readStdin(stdin?.(), locale) : await readTextFile(input, locale);
  return { ...source, baseDir: input === '-' ? process.cwd() : dirname(input) };
}
