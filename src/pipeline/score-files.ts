import { join } from 'node:path';
import { setImmediate } from 'node:timers/promises';
import { UserError } from '../errors.js';
import { manyFilesScorer, type FileResult, type ScoringOptions } from './score-file.js';

/** Below this many files, starting threads costs more than it saves. */
export const PARALLEL_MIN_FILES = 200;

/** The number of threads to use by default: one per core the process may use. */
export function defaultJobs(): number {
  return process.getBuiltinModule('node:os').availableParallelism();
}

/** Files a thread is given at a time: enough to keep messages few, few enough to share the work evenly. */
const BATCH_SIZE = 16;

/** Batches each thread may have waiting or done but not yet written, which bounds memory. */
const BATCHES_AHEAD = 4;

/** Young-generation heap of each worker thread, in MB. */
const WORKER_YOUNG_GENERATION_MB = 6;

/**
 * Scores answers files and yields their results in the order of `files`, whatever the number of
 * threads, so that every output is the same with --jobs 1 and --jobs 8. With `jobs` above 1 and
 * enough files, worker threads read, check and score while this thread writes.
 */
export async function* scoreFiles(
  files: readonly string[],
  found: ReadonlySet<string>,
  options: ScoringOptions & { jsonl: boolean },
  jobs: number,
  stdin?: () => NodeJS.ReadableStream,
): AsyncGenerator<FileResult> {
  // Worker threads have no standard input: `-` among the files keeps everything on this thread.
  if (jobs <= 1 || files.length < PARALLEL_MIN_FILES || files.includes('-')) {
    const score = manyFilesScorer(options, stdin);
    for (const [index, file] of files.entries()) {
      // Reading and scoring never wait on the event loop: a pause now and then lets it handle a
      // signal (Ctrl-C) while a long run goes on.
      if (index > 0 && index % BATCH_SIZE === 0) await setImmediate();
      yield await score(file, found.has(file));
    }
    return;
  }
  yield* scoreInWorkers(files, found, options, jobs);
}

/**
 * What a worker thread sends back for one batch: the results of its files, and the error that
 * stopped it at the file after the last result, if one did (as it would have stopped one thread).
 */
export interface WorkerReply {
  id: number;
  results: FileResult[];
  error?: { usage: boolean; message: string; stack?: string };
}

/** A batch of files for one thread, each with whether it was found rather than named. */
export interface Batch {
  id: number;
  files: string[];
  found: boolean[];
}

async function* scoreInWorkers(files: readonly string[], found: ReadonlySet<string>, options: ScoringOptions & { jsonl: boolean }, jobs: number): AsyncGenerator<FileResult> {
  const { Worker } = process.getBuiltinModule('node:worker_threads');
  const batches: string[][] = [];
  for (let start = 0; start < files.length; start += BATCH_SIZE) batches.push(files.slice(start, start + BATCH_SIZE));

  const replies = new Map<number, WorkerReply>();
  let failure: unknown;
  let wake: (() => void) | undefined;
  const notify = () => {
    wake?.();
    wake = undefined;
  };
  const script = join(import.meta.dirname, 'score-worker.cjs');
  // This thread scores its share too, so N jobs are N - 1 workers, each with a heap of its own.
  // More threads than cores gain nothing and each one costs memory and a start-up of its own.
  const score = manyFilesScorer(options);
  const workers = Array.from({ length: Math.min(jobs, defaultJobs(), batches.length) - 1 }, () => {
    // A smaller young generation than V8's default keeps each worker's memory near what one file
    // needs, at the same speed (BENCHMARKS.md, memory).
    const worker = new Worker(script, { workerData: options, resourceLimits: { maxYoungGenerationSizeMb: WORKER_YOUNG_GENERATION_MB } });
    worker.on('message', (reply: WorkerReply) => {
      replies.set(reply.id, reply);
      notify();
    });
    // A worker that dies is our failure, not the user's (its own errors come back as replies).
    worker.on('error', (error) => {
      failure ??= error;
      notify();
    });
    worker.on('exit', (code) => {
      failure ??= new Error(`a scoring thread stopped (exit code ${code})`);
      notify();
    });
    return worker;
  });

  /** Which thread scores each batch: a worker's index, or HERE for this thread, when it comes to it. */
  const HERE = -1;
  const owner: number[] = [];
  let sent = 0;
  const send = (thread: number) => {
    if (sent >= batches.length) return;
    owner[sent] = thread;
    if (thread !== HERE) {
      const batch = batches[sent]!;
      workers[thread]!.postMessage({ id: sent, files: batch, found: batch.map((file) => found.has(file)) } satisfies Batch);
    }
    sent += 1;
  };
  try {
    for (let round = 0; round < BATCHES_AHEAD; round++) [HERE, ...workers.keys()].forEach(send);
    for (let id = 0; id < batches.length; id++) {
      if (owner[id] === HERE) {
        send(HERE);
        for (const file of batches[id]!) yield await score(file, found.has(file));
        continue;
      }
      let reply: WorkerReply | undefined;
      while ((reply = replies.get(id)) === undefined) {
        if (failure !== undefined) throw failure;
        await new Promise<void>((resolve) => (wake = resolve));
      }
      replies.delete(id);
      // The thread that finished this batch gets the next one, so that at most BATCHES_AHEAD per thread are held.
      send(owner[id]!);
      yield* reply.results;
      if (reply.error) throw revive(reply.error);
    }
  } finally {
    for (const worker of workers) worker.removeAllListeners('exit');
    await Promise.all(workers.map((worker) => worker.terminate()));
  }
}

/** An error thrown in a worker, as it would have been thrown here. */
function revive(error: { usage: boolean; message: string; stack?: string }): Error {
  if (error.usage) return new UserError(error.message);
  const revived = new Error(error.message);
  if (error.stack !== undefined) revived.stack = error.stack;
  return revived;
}
