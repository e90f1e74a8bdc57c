import { writeError } from './write-error.js';

/** Where a command's text goes: standard output or standard error, or a buffer in a test. */
export interface OutputStream {
  /** Writes text (or UTF-8 bytes); resolves once it is written or queued behind earlier text. */
  write(chunk: string | Uint8Array): Promise<void>;
  /** False once the reader has gone (`| head`): later writes are dropped, and that is not a failure. */
  readonly open: boolean;
  /** Whether it is a terminal, where colour and a progress bar make sense. */
  readonly isTTY: boolean;
}

/**
 * A standard stream as an OutputStream. A reader gone away (EPIPE) ends the output quietly.
 * Standard output that cannot be written (a full disk) is a usage error that says why; standard
 * error that cannot be written has nowhere to say anything, and its writes are dropped.
 */
export function streamWriter(stream: NodeJS.WriteStream, kind: 'stdout' | 'stderr'): OutputStream {
  let gone = false;
  // A failed write is also emitted as an 'error' event, which would crash the process unheard;
  // the write's own callback reports it.
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') gone = true;
  });
  return {
    get open() {
      return !gone;
    },
    get isTTY() {
      return stream.isTTY === true;
    },
    write(chunk) {
      if (gone) return Promise.resolve();
      return new Promise((resolve, reject) => {
        stream.write(chunk, (error) => {
          if (error && (error as NodeJS.ErrnoException).code !== 'EPIPE' && kind === 'stdout') reject(writeError(undefined, error));
          else {
            if (error) gone = true;
            resolve();
          }
        });
      });
    },
  };
}
