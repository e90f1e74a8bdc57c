// A worker thread of `score` with many files (score-files.ts): scores the batches of files it is
// sent with the options it was started with, and replies with each batch's results.
import { parentPort, workerData } from 'node:worker_threads';
import { UserError } from '../errors.js';
import { fileScorer, type FileScoringOptions } from './score-file.js';
import type { WorkerReply } from './score-files.js';

const port = parentPort!;
const score = fileScorer(workerData as FileScoringOptions);

port.on('message', ({ id, files }: { id: number; files: string[] }) => {
  void scoreBatch(files).then(
    (results): WorkerReply => ({ id, results }),
    (error: unknown): WorkerReply => ({
      id,
      error:
        error instanceof UserError
          ? { usage: true, message: error.message }
          : { usage: false, message: error instanceof Error ? error.message : String(error), stack: error instanceof Error ? error.stack : undefined },
    }),
  ).then((reply) => port.postMessage(reply));
});

async function scoreBatch(files: readonly string[]) {
  const results = [];
  for (const file of files) results.push(await score(file));
  return results;
}
