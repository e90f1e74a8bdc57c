/** Below this many files, starting threads costs more than it saves. */
export const PARALLEL_MIN_FILES = 200;

/** The number of threads to use by default: one per core the process may use. */
export function defaultJobs(): number {
  return process.getBuiltinModule('node:os').availableParallelism();
}
