import { Option, type Command } from 'commander';
import { addOutdated, addSkipped, addStale, addUnanswered, outdatedTally, skipTally, staleTally, unansweredTally, type OutdatedAnswers, type StaleNotice } from '../core/file-summary.js';
import type { SkippedFile } from '../pipeline/each-file.js';
import type { Language } from '../schema/language.js';
import { migrateHintSummary, skippedLine, skippedSummary, staleSummary, unansweredSummary } from '../report/notices.js';

/** How much a run says on standard error besides its errors. */
export interface VoiceOptions {
  /** Only errors (and failed gates): no warning, no note. */
  quiet?: boolean;
  /** Every file's own warning or note, instead of one summary line for many files. */
  verbose?: boolean;
  /** --lang: the language of the report and messages (language.ts). */
  lang?: Language;
}

/** Adds --quiet and --verbose to a command; `verbose` says what --verbose shows in it. */
export function addVoiceOptions(command: Command, verbose: string): Command {
  return command
    .addOption(new Option('-q, --quiet', 'print only errors on standard error: no warnings or notes').conflicts('verbose'))
    .addOption(new Option('--verbose', verbose));
}

/** What --verbose shows in a command that reads folders and patterns. */
export const VERBOSE_SKIPPED = 'name every file found in a folder or by a pattern that was skipped, not only the first few';

/** What --verbose shows in a command that scores many answers files. */
export const VERBOSE_SCORED = 'one warning per answers file with unanswered indicators (or stale answers, or no date for --stale-after), and every skipped file, instead of a summary line each';

/**
 * The notes and warnings of a run over many files, in one voice: the files passed over and the
 * files with unanswered indicators are each summed up in one line at the end, or with --verbose
 * said file by file as they come; with --quiet, nothing is said.
 */
export interface ManyFilesVoice {
  /** A file passed over; returns the lines to print now. */
  skipped(skipped: SkippedFile): string[];
  /**
   * A file scored, with its unanswered indicators and, with `--stale-after`, its stale answers
   * (`warnings`: its own lines, for --verbose); returns the lines to print now.
   */
  scored(file: string, unanswered: { unanswered: number; total: number; warning: string | null }, stale?: StaleNotice): string[];
  /**
   * An answers file read (every one, for the count), which answers an earlier version of the
   * built-in model it names without a version when `outdated` is given (with its hint); returns
   * the lines to print now.
   */
  read(file: string, outdated: OutdatedAnswers | null | undefined): string[];
  /** The summary lines, once every file is read; `scored` is how many answers files were. */
  summary(scored: number): string[];
  /** How many files were passed over. */
  readonly skippedCount: number;
}

/**
 * `reads` says what the command reads ("answers files") and `found` how many files were found in
 * folders or by patterns, for the note about the files skipped.
 */
export function manyFilesVoice(options: VoiceOptions, reads: string, found: number): ManyFilesVoice {
  const skips = skipTally();
  const incomplete = unansweredTally();
  const outdated = outdatedTally();
  const read = new Set<string>();
  const stale = staleTally();
  return {
    skipped(skipped) {
      addSkipped(skips, skipped);
      return options.verbose && !options.quiet ? [skippedLine(skipped)] : [];
    },
    scored(file, { unanswered, total, warning }, notice) {
      addUnanswered(incomplete, { file, unanswered, total });
      if (notice) addStale(stale, { file, after: notice.after, stale: notice.stale, undated: notice.undated });
      if (!options.verbose || options.quiet) return [];
      return [...(warning === null ? [] : [warning]), ...(notice?.warnings ?? [])];
    },
    read(file, answers) {
      // A file read twice (both sides of a diff) counts once.
      if (read.has(file)) return [];
      read.add(file);
      if (answers === null || answers === undefined) return [];
      addOutdated(outdated, { file, ...answers });
      return options.verbose && !options.quiet ? [answers.hint] : [];
    },
    summary(scored) {
      if (options.quiet) return [];
      const lines = [];
      if (!options.verbose) {
        const hint = migrateHintSummary(outdated, read.size);
        if (hint !== null) lines.push(hint);
      }
      if (!options.verbose) {
        const unanswered = unansweredSummary(incomplete, scored);
        if (unanswered !== null) lines.push(unanswered);
        lines.push(...staleSummary(stale, scored));
      }
      const skipped = options.verbose ? null : skippedSummary(skips, found, reads);
      if (skipped !== null) lines.push(skipped);
      return lines;
    },
    get skippedCount() {
      return skips.count;
    },
  };
}
