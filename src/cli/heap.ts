/**
 * V8 lets a heap grow to about four times what is live before it collects it whole. Scoring
 * 100,000 answers files, that is over 100 MB of garbage per thread held at once (peak RSS
 * 232 MB); letting it grow by 30% keeps memory near what is live (159 MB), at the same speed
 * (bench/run.mjs). The flag is process-wide, so worker threads started afterwards share it.
 *
 * Set only by runs over many files: loading `node:v8` costs a single file's run about 4 ms of
 * start-up, and such a run never holds enough to matter. A value given in NODE_OPTIONS or on the
 * command line wins.
 */
export function keepHeapNearLive(): void {
  if (/heap[-_]growing[-_]percent/.test(`${process.execArgv.join(' ')} ${process.env.NODE_OPTIONS ?? ''}`)) return;
  process.getBuiltinModule('node:v8').setFlagsFromString('--heap-growing-percent=30');
}
