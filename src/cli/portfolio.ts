import { checkSortKey, sortPortfolio, type PortfolioEntry } from '../core/portfolio.js';
import { UserError } from '../errors.js';
import { scoringLocale, type ScoringOptions } from '../pipeline/score-file.js';
import { scoreFiles } from '../pipeline/score-files.js';
import { portfolioFormats, type PortfolioFormatName } from '../report/portfolio/index.js';
import type { OutputStream } from '../write/stream-writer.js';
import type { CsvDialect } from '../report/escape/csv.js';
import type { Locale } from '../locale/locale.js';
import { colorFor, writeOutputs } from '../write/output.js';
import { openStreamOutput, type StreamOutput } from '../write/stream-output.js';
import { diagnosticLines } from './diagnostics.js';
import { outputWidth, type Io } from './io.js';
import { NO_PROGRESS, progressBar, showsProgress, type Progress } from './progress.js';
import { GateFailed } from './stop.js';
import type { OutputTarget } from './options.js';
import { manyFilesVoice, type VoiceOptions } from './voice.js';

export interface PortfolioOptions extends ScoringOptions, VoiceOptions {
  /** Threads scoring files at once (score-files.ts). */
  jobs: number;
  /** Where the list goes, each in its format; at least one. */
  outputs: readonly OutputTarget<PortfolioFormatName>[];
  color: boolean;
  sort: string;
  /** --width (io.ts outputWidth). */
  width?: number;
  /** How the CSV formats write (`--excel`); RFC 4180 when absent. */
  csv?: CsvDialect;
  /** The language of the lists written for people. */
  locale: Locale;
}

/**
 * Scores many answers files: one row (or line) per organisation. An invalid file does not stop the
 * others: its errors are printed and the run ends with exit 2 once the valid ones are written.
 * jsonl alone is written as each file is scored, in input order, holding nothing; with other
 * formats beside it, every report is held, as they need, and jsonl keeps the input order.
 */
export async function scorePortfolio(files: readonly string[], found: ReadonlySet<string>, options: PortfolioOptions, io: Io, locale: Locale): Promise<void> {
  const progress = !options.quiet && showsProgress(files.length, io.stderr.isTTY, io.env) ? progressBar(files.length, io.stderr) : NO_PROGRESS;
  const messages = messageWriter(progress, io.stderr);
  const voice = manyFilesVoice(locale, options, locale.t('cli.reads.answers'), found.size);
  const streamed = options.outputs.every((target) => target.format === 'jsonl');
  const streams: StreamOutput[] = [];
  const entries: PortfolioEntry[] = [];
  let scored = 0;
  let invalid = 0;
  let gatesFailed = false;

  try {
    if (streamed) for (const target of options.outputs) streams.push(await openStreamOutput(target.path, io.stdout));
    const scoring = {
      model: options.model,
      strict: options.strict,
      failUnder: options.failUnder,
      require: options.require,
      staleAfter: options.staleAfter,
      failOnStale: options.failOnStale,
      lang: options.lang,
      language: options.language,
      jsonl: streamed,
      fileWarnings: options.verbose === true,
    };
    batches: for await (const batch of scoreFiles(files, found, { name: 'portfolio', options: scoring }, options.jobs, () => io.stdin)) {
      for (const result of batch) {
        if (streamed && streams.every((stream) => !stream.open)) break batches;
        progress.tick();
        if ('diagnostics' in result) {
          invalid += 1;
          messages.add(diagnosticLines(locale, result.diagnostics));
          continue;
        }
        if ('kind' in result) {
          messages.add(voice.skipped(result));
          continue;
        }
        if (scored === 0) {
          if (!result.sortKeys) throw new Error(`the first file scored, ${result.file}, came without the keys to sort by`);
          checkSortKey(options.sort, result.sortKeys, scoringLocale(options));
        }
        scored += 1;
        if (result.gatesFailed) gatesFailed = true;
        messages.add(voice.scored(result.file, result.unanswered, result.stale));
        messages.add(voice.read(result.file, result.outdated));
        messages.add(result.notices);
        if ('line' in result) for (const stream of streams) await stream.write(result.line);
        else entries.push({ file: result.file, report: result.report });
      }
      await messages.writeIfDue();
    }
    messages.add(voice.summary(scored));
    await messages.flush();
    progress.clear();
    // Nothing valid, nothing written: as for a single invalid file.
    if (streamed) for (const stream of streams) await (scored > 0 ? stream.commit() : stream.abort());
    else if (entries.length > 0) {
      const sorted = sortPortfolio(entries, options.sort);
      const rendered = [];
      for (const { path, format } of options.outputs) {
        const color = colorFor(format, options.color, path, io.stdout, io.env);
        // JSON Lines keeps the order of the arguments, whether streamed or not.
        rendered.push({ path, text: (await portfolioFormats.load(format))(format === 'jsonl' ? entries : sorted, { color, csv: options.csv, width: outputWidth(io, path, options.width), locale: options.locale }) });
      }
      await writeOutputs(rendered, io.stdout);
    }
  } catch (error) {
    await messages.flush();
    progress.clear();
    for (const stream of streams) await stream.abort();
    throw error;
  }
  const read = files.length - voice.skippedCount;
  if (invalid > 0) {
    throw new UserError(scored === 0 ? locale.t('cli.portfolio.invalidNothingWritten', { invalid, read }) : locale.t('cli.portfolio.invalidOthersReported', { invalid, read, scored }));
  }
  if (read === 0) throw new UserError(locale.t('cli.portfolio.noAnswersFiles', { found: files.length }));
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
function messageWriter(progress: Progress, stderr: OutputStream): { add(lines: readonly string[]): void; writeIfDue(): Promise<void>; flush(): Promise<void> } {
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
    /** Holds lines, to be written by writeIfDue or flush. */
    add(lines) {
      if (lines.length === 0) return;
      if (held.length === 0) since = Date.now();
      held.push(...lines);
    },
    /** Called after every batch of files, so that no line waits long when files come slowly. */
    async writeIfDue() {
      if (held.length > 0 && (held.length >= MESSAGES_HELD || Date.now() - since >= MESSAGES_DELAY_MS)) await flush();
    },
    flush,
  };
}
