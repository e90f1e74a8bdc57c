import type { OutputStream } from '../write/stream-writer.js';

/** Below this many files a run is over before a bar would help. */
export const PROGRESS_MIN_FILES = 200;

/**
 * Whether to draw a progress bar: only for long runs, only on a terminal (a pipe or a log file
 * would fill with redraws) and never in CI, whose logs keep every carriage return.
 */
export function showsProgress(count: number, isTTY: boolean | undefined, env: NodeJS.ProcessEnv): boolean {
  return count > PROGRESS_MIN_FILES && isTTY === true && (env.CI ?? '') === '';
}

export interface Progress {
  /** One more file done. */
  tick(): void;
  /** Removes the bar, so that a message can be written; the next tick draws it again. */
  clear(): void;
}

const BAR_WIDTH = 30;

/** A one-line bar redrawn in place with a carriage return, only when the shown percentage moves. */
export function progressBar(total: number, stream: OutputStream): Progress {
  let done = 0;
  let shown = -1;
  return {
    tick() {
      done += 1;
      const percent = Math.floor((done / total) * 100);
      if (percent === shown) return;
      shown = percent;
      const filled = Math.round((done / total) * BAR_WIDTH);
      void stream.write(`\r[${'#'.repeat(filled)}${'-'.repeat(BAR_WIDTH - filled)}] ${done}/${total} files (${percent}%)`);
    },
    clear() {
      if (shown < 0) return;
      void stream.write('\r\u001b[K');
      shown = -1;
    },
  };
}

/** Stands in for the bar when none is drawn. */
export const NO_PROGRESS: Progress = { tick() {}, clear() {} };
