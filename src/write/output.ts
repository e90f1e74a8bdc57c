import { promises as fs } from 'node:fs';
import { constants as fsConstants, realpathSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { BINARY_FORMATS, type FormatOutput } from '../report/registry.js';
import { writeError, writingError } from './write-error.js';
import type { OutputStream } from './stream-writer.js';

/**
 * Whether to colour what goes to standard output: only on a terminal, never when the user
 * said --no-color or set NO_COLOR (which chalk alone ignores); FORCE_COLOR opts in anywhere.
 */
export function useColor(option: boolean, isTTY: boolean, env: NodeJS.ProcessEnv): boolean {
  if (!option || (env.NO_COLOR ?? '') !== '') return false;
  if (env.FORCE_COLOR !== undefined && env.FORCE_COLOR !== '0' && env.FORCE_COLOR !== 'false') return true;
  return isTTY && env.TERM !== 'dumb';
}

/** The colour setting for a format's output: only tables are coloured, and only on standard output. */
export function colorFor(format: string, option: boolean, output: string | undefined, stdout: OutputStream, env: NodeJS.ProcessEnv): boolean {
  return (output === undefined || output === '-') && format === 'table' && useColor(option, stdout.isTTY, env);
}

/**
 * Refuses a binary format (xlsx) bound for standard output when it is a terminal, where its bytes
 * would be noise; a pipe or a redirection to a file takes them.
 */
export function refuseBinaryOnTerminal(format: string, output: string | undefined, stdout: OutputStream): void {
  if ((output === undefined || output === '-') && stdout.isTTY && BINARY_FORMATS.includes(format)) {
    throw writingError({ key: 'input.write.binary-on-terminal', values: { format } });
  }
}

/** Writes a finished output: to a file atomically (never half-written), or to standard output (`-` or none). */
export async function writeOutput(text: FormatOutput, path: string | undefined, stdout: OutputStream): Promise<void> {
  if (path === undefined || path === '-') {
    await stdout.write(text);
    return;
  }
  await writeFile(text, path);
}

/** A finished output and where it goes: a file, or standard output (undefined). */
export interface RenderedOutput {
  path: string | undefined;
  text: FormatOutput;
}

/**
 * Writes every output of a run, each as writeOutput does. The texts are all made before the
 * first is written, and with several files each is checked first (its folder exists and may be
 * written to, it is not a folder itself), so that the usual mistakes leave every file as it was
 * rather than some written and some not.
 */
export async function writeOutputs(outputs: readonly RenderedOutput[], stdout: OutputStream): Promise<void> {
  const files = outputs.flatMap(({ path }) => (path === undefined || path === '-' ? [] : [path]));
  if (files.length > 1) for (const path of files) await checkWritable(path);
  for (const { text, path } of outputs) await writeOutput(text, path, stdout);
}

/** Throws the error a write to `path` would meet in its folder, or for being a folder. */
async function checkWritable(path: string): Promise<void> {
  try {
    await fs.access(dirname(resolve(path)), fsConstants.W_OK);
    if ((await fs.stat(path).catch(() => undefined))?.isDirectory()) throw Object.assign(new Error(`${path} is a directory`), { code: 'EISDIR' });
  } catch (error) {
    throw writeError(path, error);
  }
}

/** Writes a file atomically: it is either the whole new text (or bytes) or left as it was. */
export async function writeFile(text: FormatOutput, path: string): Promise<void> {
  try {
    if (await isSpecialFile(path)) await fs.writeFile(path, text, { encoding: 'utf8' });
    // write-file-atomic takes a Buffer: a view of the same bytes, not a copy.
    else await (await import('write-file-atomic')).default(path, typeof text === 'string' ? text : Buffer.from(text.buffer, text.byteOffset, text.byteLength), { encoding: 'utf8' });
  } catch (error) {
    throw writeError(path, error);
  }
}

/** Whether a path is a device or a pipe, which is written in place rather than replaced. */
export async function isSpecialFile(path: string): Promise<boolean> {
  // Atomic replacement renames a new file over the old one, which for /dev/null, /dev/stdout
  // or a named pipe would replace the device itself.
  return fs.stat(path).then((info) => !info.isFile() && !info.isDirectory(), () => false);
}

/**
 * A path as the file system knows it: symbolic links resolved, as far as the path exists. The
 * system's own realpath: one call, where Node's walks the path a component at a time, which an
 * output checked against every one of a large pool of inputs would pay for each.
 */
function canonical(path: string): string {
  try {
    return realpathSync.native(path);
  } catch {
    const folder = dirname(resolve(path));
    return folder === resolve(path) ? folder : join(canonical(folder), basename(path));
  }
}

/** Whether two paths name one file (two spellings, a symbolic link), as far as they exist. */
export function sameFile(a: string, b: string): boolean {
  return canonical(a) === canonical(b);
}

/**
 * Refuses outputs that would replace one of the run's inputs, and the same output named twice
 * (two spellings, a symbolic link, `-o -` twice), before anything is read or written.
 */
export function refuseInputsAsOutputs(outputs: readonly string[] | undefined, inputs: readonly (string | undefined)[]): void {
  const seen = new Map<string, string>();
  for (const output of outputs ?? []) {
    refuseInputAsOutput(output, inputs);
    const target = output === '-' ? '-' : canonical(output);
    const first = seen.get(target);
    if (first !== undefined) throw writingError(first === output ? { key: 'input.write.output-twice', values: { output } } : { key: 'input.write.same-output', values: { output, first } });
    seen.set(target, output);
  }
}

/**
 * Refuses an output that would replace one of the run's inputs (`score a.yaml -o a.yaml`), before
 * anything is read or written: the input stays as it is.
 */
export function refuseInputAsOutput(output: string | undefined, inputs: readonly (string | undefined)[]): void {
  if (output === undefined || output === '-') return;
  const target = canonical(output);
  for (const input of inputs) {
    if (input === undefined || input === '-') continue;
    if (canonical(input) === target) throw writingError({ key: 'input.write.output-is-input', values: { output, input } });
  }
}
