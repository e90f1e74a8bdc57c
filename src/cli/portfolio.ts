import { checkSortKey, sortPortfolio, type PortfolioEntry } from '../core/portfolio.js';
import { UserError } from '../errors.js';
import type { ScoringOptions } from '../pipeline/score-file.js';
import { scoreFiles } from '../pipeline/score-files.js';
import { portfolioFormats, type PortfolioFormatName } from '../report/portfolio/index.js';
import type { OutputStream } from '../write/stream-writer.js';
import { colorFor, writeOutput } from '../write/output.js';
import { openStreamOutput, type StreamOutput } from '../write/stream-output.js';
import { diagnosticLines } from './diagnostics.js';
import { outputWidth, type Io } from './io.js';
import { NO_PROGRESS, progressBar, showsProgress, type Progress } from './progress.js';
import { GateFailed } from './stop.js';

export interface PortfolioOptions extends ScoringOptions {
  /** Threads scoring files at once (score-files.ts). */
  jobs: number;
  format: PortfolioFormatName;
  output?: string;
  color: boolean;
  sort: string;
  /** --width (io.ts outputWidth). */
  width?: number;
}

/**
 * Scores many answers files: one row (or line) per organisation. An invalid file does not stop the
 * others: its errors are printed and the run ends with exit 2 once the valid ones are written.
 * jsonl is written as each file is scored, in input order; the other formats are sorted first.
 */
export async function scorePortfolio(files: readonly string[], options: PortfolioOptions, io: Io): Promise<void> {
  const progress = showsProgress(files.length, io.stderr.isTTY, io.env) ? progressBar(files.length, io.stderr) : NO_PROGRESS;
  const messages = messageWriter(progress, io.stderr);
  const stream: StreamOutput | undefined = options.format === 'jsonl' ? await openStreamOutput(options.output, io.stdout) : undefined;
  const entries: PortfolioEntry[] = [];
  let scored = 0;
  let invalid = 0;
  let gatesFailed = false;

  try {
    const scoring = {
      model: options.model,
      strict: options.strict,
      failUnder: options.failUnder,
      require: options.require,
      jsonl: stream !== undefined,
    };
    for await (const result of scoreFiles(files, scoring, options.jobs, () => io.stdin)) {
      if (stream && !stream.open) break;
      progress.tick();
      if ('diagnostics' in result) {
        invalid += 1;
        await messages.add(diagnosticLines(result.diagnostics));
        continue;
      }
      if (scored === 0) checkSortKey(options.sort, result.sortKeys);
      scored += 1;
      if (result.gatesFailed) gatesFailed = true;
      await messages.add(result.notices);
      if ('line' in result) await stream?.write(result.line);
      else entries.push(result);
    }
    await messages.flush();
    progress.clear();
    // Nothing valid, nothing written: as for a single invalid file.
    if (stream) await (scored > 0 ? stream.commit() : stream.abort());
    else if (entries.length > 0) {
      const format = await portfolioFormats.load(options.format);
      const text = format(sortPortfolio(entries, options.sort), {
        color: colorFor(options.format, options.color, options.output, io.stdout, io.env),
        width: outputWidth(io, options.output, options.width),
      });
      await writeOutput(text, options.output, io.stdout);
    }
  } catch (error) {
    await messages.flush();
    progress.clear();
    await stream?.abort();
    throw error;
  }
  if (invalid > 0) {
    const rest = scored === 0 ? 'nothing was written' : `the other ${scored} ${scored === 1 ? 'is' : 'are'} reported`;
    throw new UserError(`${invalid} of ${files.length} answers files ${invalid === 1 ? 'is' : 'are'} invalid (see above); ${rest}`);
  }
  if (gatesFailed) throw new GateFailed();
}

/** Lines held before they are written: a warning for each of 10,000 files was 10,000 writes. */
const MESSAGES_HELD = 64;

/** How long a line may wait to be written, in ms, when files are scored slowly. */
const MESSAGES_DELAY_MS = 200;

/**
 * Warnings and errors for standard error, written a few dozen lines at a time, in order. Each
 * write is waited for, so that warnings never pile up in memory while a slow reader lags.
 */
function messageWriter(progress: Progress, stderr: OutputStream): { add(lines: readonly string[]): Promise<void>; flush(): Promise<void> } {
  let held: string[] = [];
  let since = 0;
  const flush = async () => {
    if (held.length === 0) return;
    const text = `${held.join('\n')}\n`;
    held = [];
    progress.clear();
    await stderr.write(text);
  };
  return {
    /** Called for every file, with or without lines, so that none waits long when files come slowly. */
    async add(lines) {
      if (lines.length > 0) {
        if (held.length === 0) since = Date.now();
        held.push(...lines);
      }
      if (held.length > 0 && (held.length >= MESSAGES_HELD || Date.now() - since >= MESSAGES_DELAY_MS)) await flush();
    },
    flush,
  };
}
