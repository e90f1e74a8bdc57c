/**
 * V8 lets a heap grow to several times what is live before it collects it whole; scoring a large
 * pool of answers files, that garbage would dominate the run's memory. Letting the heap grow by
 * only 30% keeps memory near what is live, at the same speed (BENCHMARKS.md, memory). The flag
 * is process-wide, so worker threads started afterwards share it.
 *
 * Set only by runs over many files: a single file's run never holds enough to matter. A value
 * given in NODE_OPTIONS or on the command line wins.
 */
export function keepHeapNearLive(): void {
  if (/heap[-_]growing[-_]percent/.test(`${process.execArgv.join(' ')} ${process.env.NODE_OPTIONS ?? ''}`)) return;
  process.getBuiltinModule('node:v8').setFlagsFromString('--heap-growing-percent=30');
}
