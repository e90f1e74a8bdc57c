import { setImmediate } from 'node:timers/promises';
import { revivedError, type ThreadError } from '../errors.js';
import { threadScript } from '../thread-script.js';
import { fileTaskWorker, type FileTask, type FileTaskName, type FileTaskResult } from './file-tasks.js';

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
 * Does a task (file-tasks.ts) for each of many files and yields the results a batch at a time, in
 * the order of `files`, whatever the number of threads, so that every output is the same with
 * --jobs 1 and --jobs 8; an error that stops the run is thrown after the results before it. With
 * enough files, worker threads read, check and score them, as many as `jobs` (and cores) allow,
 * while this thread only puts their results in order for the caller to write: a long run
 * allocates in the threads' small heaps (WORKER_YOUNG_GENERATION_MB), not in this thread's, which
 * V8 grows when it allocates steadily, and a batch at a time, not a result at a time.
 *
 * The `line`s of JSON Lines and the `row`s of numbers of a batch are good until the next batch is
 * asked for: their bytes then go back to the thread that wrote them, to be written over.
 */
export async function* scoreFiles<Name extends FileTaskName>(
  files: readonly string[],
  found: ReadonlySet<string>,
  task: FileTask<Name>,
  jobs: number,
  stdin?: () => NodeJS.ReadableStream,
): AsyncGenerator<FileTaskResult<Name>[]> {
  // Worker threads have no standard input: `-` among the files keeps everything on this thread.
  if (files.length < PARALLEL_MIN_FILES || files.includes('-')) {
    const work = fileTaskWorker(task, stdin);
    for (let start = 0; start < files.length; start += BATCH_SIZE) {
      // Reading and scoring never wait on the event loop: a pause now and then lets it handle a
      // signal (Ctrl-C) while a long run goes on.
      if (start > 0) await setImmediate();
      const results: FileTaskResult<Name>[] = [];
      let failure: { error: unknown } | undefined;
      try {
        for (const file of files.slice(start, start + BATCH_SIZE)) results.push(await work(file, found.has(file)));
      } catch (error) {
        failure = { error };
      }
      yield results;
      if (failure) throw failure.error;
    }
    return;
  }
  yield* scoreInWorkers(files, found, task, jobs);
}

/**
 * What a worker thread sends back for one batch: the results of its files, and the error that
 * stopped it at the file after the last result, if one did (as it would have stopped one thread).
 * The lines of JSON Lines, or the rows of numbers of a benchmark's pool, among the results are
 * views of one buffer, `packed`, moved here without a copy.
 */
export interface WorkerReply<Result = unknown> {
  id: number;
  results: Result[];
  packed?: ArrayBuffer;
  error?: ThreadError;
}

/**
 * A batch of files for one thread, each with whether it was found rather than named, and the
 * packed buffer of a batch read here, given back for the thread to write to again.
 */
export interface Batch {
  id: number;
  files: string[];
  found: boolean[];
  spare?: ArrayBuffer;
}

async function* scoreInWorkers<Name extends FileTaskName>(files: readonly string[], found: ReadonlySet<string>, task: FileTask<Name>, jobs: number): AsyncGenerator<FileTaskResult<Name>[]> {
  const { Worker } = process.getBuiltinModule('node:worker_threads');
  const batches: string[][] = [];
  for (let start = 0; start < files.length; start += BATCH_SIZE) batches.push(files.slice(start, start + BATCH_SIZE));

  const replies = new Map<number, WorkerReply<FileTaskResult<Name>>>();
  let failure: unknown;
  let wake: (() => void) | undefined;
  const notify = () => {
    wake?.();
    wake = undefined;
  };
  const script = threadScript('score-worker.cjs');
  // More threads than cores gain nothing and each one costs memory and a start-up of its own.
  const workers = Array.from({ length: Math.min(jobs, defaultJobs(), batches.length) }, () => {
    // A smaller young generation than V8's default keeps each worker's memory near what one file
    // needs, at the same speed (BENCHMARKS.md, memory).
    const worker = new Worker(script, { workerData: task, resourceLimits: { maxYoungGenerationSizeMb: WORKER_YOUNG_GENERATION_MB } });
    worker.on('message', (reply: WorkerReply<FileTaskResult<Name>>) => {
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

  /** The thread that scores each batch sent. */
  const owner: number[] = [];
  let sent = 0;
  const send = (thread: number, spare?: ArrayBuffer) => {
    if (sent >= batches.length) return;
    owner[sent] = thread;
    const batch = batches[sent]!;
    workers[thread]!.postMessage({ id: sent, files: batch, found: batch.map((file) => found.has(file)), spare } satisfies Batch, spare ? [spare] : []);
    sent += 1;
  };
  try {
    for (let round = 0; round < BATCHES_AHEAD; round++) workers.forEach((_, thread) => send(thread));
    for (let id = 0; id < batches.length; id++) {
      let reply: WorkerReply<FileTaskResult<Name>> | undefined;
      while ((reply = replies.get(id)) === undefined) {
        if (failure !== undefined) throw failure;
        await new Promise<void>((resolve) => (wake = resolve));
      }
      replies.delete(id);
      yield reply.results;
      if (reply.error) throw revivedError(reply.error);
      // The thread that finished this batch gets the next one, so that at most BATCHES_AHEAD per
      // thread are held, with the buffer of its lines or rows, read by now.
      send(owner[id]!, reply.packed);
    }
  } finally {
    for (const worker of workers) worker.removeAllListeners('exit');
    await Promise.all(workers.map((worker) => worker.terminate()));
  }
}
