// A worker thread of `score` with many files (score-files.ts): scores the batches of files it is
// sent with the options it was started with, and replies with each batch's results.
import { parentPort, workerData } from 'node:worker_threads';
import { UserError } from '../errors.js';
import { manyFilesScorer, type ScoringOptions } from './score-file.js';
import type { Batch, WorkerReply } from './score-files.js';

const port = parentPort!;
const score = manyFilesScorer(workerData as ScoringOptions & { jsonl: boolean });

port.on('message', ({ id, files, found }: Batch) => {
  // The lines of JSON Lines are moved to the main thread, not copied.
  void scoreBatch(id, files, found).then((reply) => port.postMessage(reply, reply.results.flatMap((result) => ('line' in result ? [result.line.buffer as ArrayBuffer] : []))));
});

/** Scores a batch; an error stops it where it happened, after the results before it. */
async function scoreBatch(id: number, files: readonly string[], found: readonly boolean[]): Promise<WorkerReply> {
  const results = [];
  try {
    for (const [index, file] of files.entries()) results.push(await score(file, found[index] === true));
  } catch (error) {
    return {
      id,
      results,
      error:
        error instanceof UserError
          ? { usage: true, message: error.message }
          : { usage: false, message: error instanceof Error ? error.message : String(error), stack: error instanceof Error ? error.stack : undefined },
    };
  }
  return { id, results };
}
