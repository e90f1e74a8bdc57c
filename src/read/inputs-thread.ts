import { revivedError, type ThreadError } from '../errors.js';
import { threadScript } from '../thread-script.js';
import { ENGLISH } from '../locale/english.js';
import type { Locale } from '../locale/locale.js';
import type { Language } from '../schema/language.js';
import { expandInputs, namesAFolderOrPattern, type ExpandedInputs } from './inputs.js';

/** What the listing thread sends back: the files, one text with NUL between them (no file name holds one), and which were found; or its error. */
export type ListReply = { files: string; found: Uint8Array } | { error: ThreadError };

/** What the listing thread is started with: the arguments, and the language of its errors (a plain string, as a thread is given data). */
export interface ListRequest {
  args: readonly string[];
  language: Language;
}

/** Young-generation heap of the listing thread, in MB. */
const LIST_YOUNG_GENERATION_MB = 8;

/**
 * expandInputs for a run over many files, in a worker thread when an argument is a folder or a
 * pattern. Listing a large folder makes many texts at once that live on (the glob library's and
 * the list's), which makes V8 grow the young generation of the thread that lists, for good: in a
 * thread of its own, with a young generation of a set size, that memory goes when it ends, and
 * the list comes back as one text. Files named one by one are taken as they are, here.
 */
export async function expandInputsInThread(args: readonly string[], locale: Locale = ENGLISH): Promise<ExpandedInputs> {
  if (!(await namesAFolderOrPattern(args))) return expandInputs(args, locale);
  const { Worker } = process.getBuiltinModule('node:worker_threads');
  const worker = new Worker(threadScript('list-worker.cjs'), { workerData: { args, language: locale.language } satisfies ListRequest, resourceLimits: { maxYoungGenerationSizeMb: LIST_YOUNG_GENERATION_MB } });
  try {
    const reply = await new Promise<ListReply>((resolve, reject) => {
      worker.once('message', resolve);
      worker.once('error', reject);
      worker.once('exit', (code) => reject(new Error(`the listing thread stopped (exit code ${code})`)));
    });
    if ('error' in reply) throw revivedError(reply.error);
    const files = reply.found.length === 0 ? [] : reply.files.split('\0');
    const found = new Set<string>();
    for (const [index, file] of files.entries()) if (reply.found[index] === 1) found.add(file);
    return { files, found };
  } finally {
    worker.removeAllListeners('exit');
    await worker.terminate();
  }
}
