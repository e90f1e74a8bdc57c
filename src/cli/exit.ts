/**
 * Ending a run as soon as its work is done. Left to wind down, the event loop first runs the
 * garbage collection V8 has scheduled meanwhile: 2 to 5 ms of a one-file run that takes 20 ms
 * more than Node's own start-up. `process.exit` skips that, but it would also drop writes still
 * in flight, so it is used only when there can be none: nothing is active (no write request,
 * timer, handle or file operation) and the run never created process.stdout, process.stderr or
 * process.stdin, whose writes to a pipe may be queued without showing as active (measured: a
 * non-blocking standard error lost its last writes). Reports go out with writeSync (stdout.ts),
 * so a run that prints only its report ends early; any other run ends as it always did.
 */
let stdioCreated = false;

/** Notes when a standard stream is first asked for; to be called before anything else runs. */
export function watchStandardStreams(): void {
  for (const name of ['stdin', 'stdout', 'stderr'] as const) {
    const descriptor = Object.getOwnPropertyDescriptor(process, name);
    const create = descriptor?.get;
    if (!descriptor || !create || !descriptor.configurable) {
      stdioCreated = true;
      continue;
    }
    Object.defineProperty(process, name, {
      configurable: true,
      enumerable: descriptor.enumerable,
      get() {
        stdioCreated = true;
        return create.call(process);
      },
    });
  }
}

/** Ends the process with `code` now when nothing can be lost by it; otherwise sets the exit code and lets it end. */
export function endRun(code: number): void {
  process.exitCode = code;
  if (!stdioCreated && process.getActiveResourcesInfo().length === 0) process.exit(code);
}
