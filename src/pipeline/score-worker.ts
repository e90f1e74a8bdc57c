// A worker thread of a run over many files (score-files.ts): does the task it was started with
// (file-tasks.ts) for the batches of files it is sent, and replies with each batch's results.
import { parentPort, workerData } from 'node:worker_threads';
import { threadError } from '../errors.js';
import { fileTaskWorker, type FileTask, type FileTaskName, type FileTaskResult } from './file-tasks.js';
import type { Batch, WorkerReply } from './score-files.js';

type Result = FileTaskResult<FileTaskName>;

const port = parentPort!;
const work = fileTaskWorker(workerData as FileTask);
/** Buffers the main thread has read a batch from and given back, to write the next batches to. */
const spares: ArrayBuffer[] = [];
const encoder = new TextEncoder();

/** The batches, scored one after the other in the order they came: a thread scores its files in the order of the run's. */
let scoring = Promise.resolve();

port.on('message', ({ id, files, found, spare }: Batch) => {
  if (spare) spares.push(spare);
  scoring = scoring.then(async () => {
    const reply = await scoreBatch(id, files, found);
    reply.packed = packLines(reply.results) ?? packRows(reply.results);
    // What was packed moves to the main thread, not copied.
    port.postMessage(reply, reply.packed ? [reply.packed] : []);
  });
});

/** Scores a batch; an error stops it where it happened, after the results before it. */
async function scoreBatch(id: number, files: readonly string[], found: readonly boolean[]): Promise<WorkerReply<Result>> {
  const results: Result[] = [];
  try {
    for (const [index, file] of files.entries()) results.push(await work(file, found[index] === true));
  } catch (error) {
    return { id, results, error: threadError(error) };
  }
  return { id, results };
}

/**
 * A buffer of at least `room` bytes: a spare one when it is large enough, else a new one with
 * room to spare, a power of two, so that the next batches fit in it too.
 */
function bufferOf(room: number): ArrayBuffer {
  const spare = spares.pop();
  return spare && spare.byteLength >= room ? spare : new ArrayBuffer(2 ** Math.ceil(Math.log2(room)));
}

/**
 * Writes the lines of JSON Lines among the results to one buffer and makes each result's line a
 * view of it: the main thread writes them and gives the buffer back, so that it holds no bytes
 * waiting for its garbage collector to free them.
 */
function packLines(results: Result[]): ArrayBuffer | undefined {
  const lines = results.filter((result): result is Extract<Result, { line: string | Uint8Array }> => 'line' in result && typeof result.line === 'string');
  if (lines.length === 0) return undefined;
  // UTF-8 takes at most 3 bytes per UTF-16 code unit.
  const buffer = bufferOf(lines.reduce((sum, { line }) => sum + line.length * 3, 0));
  let offset = 0;
  for (const result of lines) {
    const { written } = encoder.encodeInto(result.line as string, new Uint8Array(buffer, offset));
    result.line = new Uint8Array(buffer, offset, written);
    offset += written;
  }
  return buffer;
}

/**
 * Copies the rows of numbers of a benchmark's pool among the results to one buffer and makes each
 * result's row a view of it, as packLines does for lines: the main thread adds them to its pool
 * without making an object or an array of its own per file.
 */
function packRows(results: Result[]): ArrayBuffer | undefined {
  const rows = results.filter((result): result is Extract<Result, { row: Float64Array }> => 'row' in result);
  if (rows.length === 0) return undefined;
  const buffer = bufferOf(rows.reduce((sum, { row }) => sum + row.byteLength, 0));
  let offset = 0;
  for (const result of rows) {
    const row = new Float64Array(buffer, offset, result.row.length);
    row.set(result.row);
    result.row = row;
    offset += row.byteLength;
  }
  return buffer;
}
