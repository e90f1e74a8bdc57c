import { writeSync } from 'node:fs';

// Standard output is written with writeSync while that works: creating process.stdout loads
// Node's stream modules, 5 to 7 ms of a one-report run (a seventh of it). A non-blocking pipe (a
// parent may have made it so) refuses with EAGAIN when it is full; from then on everything goes
// through process.stdout, which queues and waits for the reader, so nothing is written out of order.

let stream: NodeJS.WriteStream | undefined;
let gone = false;

/** False once the reader has gone (`| head`). Later writes are dropped: that is not a failure. */
export function stdoutOpen(): boolean {
  return !gone;
}

/** Writes text (or UTF-8 bytes) to standard output; resolves once it is written or queued behind earlier text. */
export async function writeStdout(text: string | Uint8Array): Promise<void> {
  if (gone) return;
  if (stream !== undefined) return viaStream(stream, text);
  const bytes = typeof text === 'string' ? Buffer.from(text, 'utf8') : text;
  let written = 0;
  try {
    while (written < bytes.length) written += writeSync(1, bytes, written);
    return;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EPIPE') {
      gone = true;
      return;
    }
    if (code !== 'EAGAIN') throw error;
  }
  return viaStream(openStream(), bytes.subarray(written));
}

function openStream(): NodeJS.WriteStream {
  stream = process.stdout;
  // A failed write is also emitted as an 'error' event, which would crash the process unheard;
  // the write's own callback reports it.
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') gone = true;
  });
  return stream;
}

function viaStream(out: NodeJS.WriteStream, chunk: string | Uint8Array): Promise<void> {
  return new Promise((resolve, reject) => {
    out.write(chunk, (error) => {
      if (error && (error as NodeJS.ErrnoException).code !== 'EPIPE') reject(error);
      else {
        if (error) gone = true;
        resolve();
      }
    });
  });
}
