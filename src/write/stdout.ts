/**
 * Standard output for reports. A reader that goes away (`| head`) is not a failure: later writes
 * are dropped and the run ends as it would have.
 */
let gone = false;
let listening = false;

/** False once the reader has gone. */
export function stdoutOpen(): boolean {
  return !gone;
}

/** Writes text (or UTF-8 bytes) to standard output; resolves once it is written or queued behind earlier text. */
export function writeStdout(text: string | Uint8Array): Promise<void> {
  if (gone) return Promise.resolve();
  const out = process.stdout;
  if (!listening) {
    // A failed write is also emitted as an 'error' event, which would crash the process unheard;
    // the write's own callback reports it.
    out.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'EPIPE') gone = true;
    });
    listening = true;
  }
  return new Promise((resolve, reject) => {
    out.write(text, (error) => {
      if (error && (error as NodeJS.ErrnoException).code !== 'EPIPE') reject(error);
      else {
        if (error) gone = true;
        resolve();
      }
    });
  });
}
