import { readFileSync, statSync } from 'node:fs';
import { isUtf8 } from 'node:buffer';
import { dirname } from 'node:path';
import { UserError } from '../errors.js';
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
export async function readTextFile(path: string): Promise<TextSource> {
  let bytes: Buffer;
  try {
    const info = statSync(path);
    if (info.isDirectory()) fail(path, 'not-a-file', 'is a directory, not a YAML file');
    if (!info.isFile()) fail(path, 'not-a-file', 'is not a regular file');
    if (info.size > MAX_INPUT_BYTES) fail(path, 'too-large', `file is ${formatBytes(info.size)}; the limit is ${formatBytes(MAX_INPUT_BYTES)}`);
    bytes = readFileSync(path);
  } catch (error) {
    if (error instanceof UserError) throw error;
    fail(path, 'unreadable', describeFsError(error));
  }
  return decode(path, bytes);
}

/** Reads standard input to its end, refusing it once it grows past the size limit. */
export async function readStdin(stream: NodeJS.ReadableStream & { isTTY?: boolean } = process.stdin): Promise<TextSource> {
  if (stream.isTTY) {
    fail(STDIN_NAME, 'stdin-is-terminal', 'standard input is a terminal; pipe a file into it or pass a path instead of -');
  }
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of stream) {
    const buffer = typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer);
    total += buffer.length;
    if (total > MAX_INPUT_BYTES) fail(STDIN_NAME, 'too-large', `input is over the limit of ${formatBytes(MAX_INPUT_BYTES)}`);
    chunks.push(buffer);
  }
  return decode(STDIN_NAME, Buffer.concat(chunks));
}

/** Turns bytes into text, or a located error when they are empty, binary or not UTF-8. */
export function decode(file: string, bytes: Buffer): TextSource {
  if (bytes.length === 0) fail(file, 'empty', 'is empty; expected a YAML mapping');
  const nul = bytes.indexOf(0);
  if (nul !== -1) {
    const at = positionOfByte(bytes, nul);
    fail(file, 'binary', 'contains a NUL byte: this is a binary file, not YAML text', at.line, at.column);
  }
  if (!isUtf8(bytes)) {
    const at = positionOfByte(bytes, firstInvalidUtf8(bytes));
    fail(file, 'encoding', 'is not valid UTF-8 text (save it as UTF-8)', at.line, at.column);
  }
  let text = bytes.toString('utf8');
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  if (text.trim() === '') fail(file, 'empty', 'holds only white space; expected a YAML mapping');
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

function describeFsError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  switch (code) {
    case 'ENOENT':
      return 'no such file';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'EISDIR':
      return 'is a directory, not a YAML file';
    case 'ENOTDIR':
      return 'a part of this path is not a directory';
    default:
      return `cannot be read (${code ?? String(error)})`;
  }
}

/** Rounded up, so that a file just over the limit never reads as the limit itself ("10.0 MiB; the limit is 10.0 MiB"). */
function formatBytes(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(Math.ceil((bytes / 1024 / 1024) * 10) / 10).toFixed(1)} MiB` : `${bytes} bytes`;
}

/** A path or `-` read as text, with the folder its relative references (`model:`) are resolved from. */
export async function readInput(input: string, stdin?: () => NodeJS.ReadableStream): Promise<TextSource & { baseDir: string }> {
  const source = input === '-' ? await readStdin(stdin?.()) : await readTextFile(input);
  return { ...source, baseDir: input === '-' ? process.cwd() : dirname(input) };
}
