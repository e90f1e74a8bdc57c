import { manyFilesScorer, poolFileScorer } from './score-file.js';

/**
 * What a run over many files does with each one, by name, so that a worker thread can be told
 * which to do (score-files.ts): each is started with plain options and gives a plain result per file.
 */
const fileTasks = {
  /** `score` with many files: a row (or a line of JSON Lines) per organisation. */
  portfolio: manyFilesScorer,
  /** `benchmark`: a few numbers per organisation of the pool. */
  benchmark: poolFileScorer,
};

export type FileTaskName = keyof typeof fileTasks;

/** A task and the options it starts with. */
export type FileTask<Name extends FileTaskName = FileTaskName> = { [N in Name]: { name: N; options: Parameters<(typeof fileTasks)[N]>[0] } }[Name];

/** What a task gives for one file. */
export type FileTaskResult<Name extends FileTaskName> = Awaited<ReturnType<ReturnType<(typeof fileTasks)[Name]>>>;

/** The function that does a task for one file, on this thread. */
export function fileTaskWorker<Name extends FileTaskName>(task: FileTask<Name>, stdin?: () => NodeJS.ReadableStream): (file: string, found: boolean) => Promise<FileTaskResult<Name>> {
  // The task's name picks its function, and so the type of its options and results.
  const start = fileTasks[task.name] as (options: FileTask<Name>['options'], stdin?: () => NodeJS.ReadableStream) => (file: string, found: boolean) => Promise<FileTaskResult<Name>>;
  return start(task.options, stdin);
}
