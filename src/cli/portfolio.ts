import { sortKeys, sortPortfolio, type PortfolioEntry } from '../core/portfolio.js';
import { evaluateGates, type GatePolicy } from '../core/gates.js';
import { scoreAssessment } from '../core/score.js';
import { didYouMean } from '../core/suggest.js';
import { UserError } from '../errors.js';
import { loadAssessment } from '../load/answers.js';
import { fileDiagnostic } from '../load/diagnostics.js';
import type { LoadedModel } from '../load/model.js';
import type { Model } from '../schema/model.js';
import type { Report } from '../schema/report.js';
import { jsonLine, portfolioFormatters, type PortfolioFormatName } from '../report/portfolio/index.js';
import { diagnosticLines } from './diagnostics.js';
import { GateFailed } from './gate-failed.js';
import { gateFailureLines, gatePolicy, type GateOptions } from './gates.js';
import { useColor, writeOutput } from './output.js';
import { NO_PROGRESS, progressBar, showsProgress } from './progress.js';
import { openStreamOutput, type StreamOutput } from './stream-output.js';
import { unansweredWarning } from './unanswered.js';

export interface PortfolioOptions extends GateOptions {
  model?: string;
  strict?: boolean;
  format: PortfolioFormatName;
  output?: string;
  color: boolean;
  sort: string;
}

/** A usage error when `--sort` names neither score, name nor a competency of the report's model. */
export function checkSortKey(key: string, report: Report): void {
  const keys = sortKeys(report);
  if (!keys.includes(key)) throw new UserError(`--sort: unknown key "${key}"${didYouMean(key, keys)}; valid keys: ${keys.join(', ')}`);
}

/**
 * Scores many answers files: one row (or line) per organisation. An invalid file does not stop the
 * others: its errors are printed and the run ends with exit 2 once the valid ones are written.
 * jsonl is written as each file is scored, in input order; the other formats are sorted first.
 */
export async function scorePortfolio(files: readonly string[], options: PortfolioOptions): Promise<void> {
  const progress = showsProgress(files.length, process.stderr.isTTY, process.env) ? progressBar(files.length, process.stderr) : NO_PROGRESS;
  const say = (lines: readonly string[]) => {
    if (lines.length === 0) return;
    progress.clear();
    process.stderr.write(`${lines.join('\n')}\n`);
  };
  const modelCache = new Map<string, Promise<LoadedModel>>();
  const policies = new Map<Model, GatePolicy>();
  const gated = options.failUnder !== undefined || (options.require ?? []).length > 0;
  const stream: StreamOutput | undefined = options.format === 'jsonl' ? await openStreamOutput(options.output) : undefined;
  const entries: PortfolioEntry[] = [];
  let scored = 0;
  let invalid = 0;
  let gatesFailed = false;

  try {
    for (const file of files) {
      if (stream && !stream.open) break;
      let entry: PortfolioEntry;
      try {
        const { model, assessment } = await loadAssessment(file, { model: options.model, strict: options.strict, modelCache });
        let report = scoreAssessment(model.model, assessment);
        if (scored === 0) checkSortKey(options.sort, report);
        if (gated) {
          let policy = policies.get(model.model);
          if (!policy) policies.set(model.model, (policy = gatePolicy(options, model.model)));
          report = { ...report, gates: evaluateGates(report, policy) };
        }
        entry = { file, report };
      } catch (error) {
        // An error without a place in a file is a usage error (a bad --model): the same for every file.
        if (!(error instanceof UserError) || error.diagnostics.length === 0) throw error;
        invalid += 1;
        say(diagnosticLines(error.diagnostics.length > 0 ? error.diagnostics : [fileDiagnostic(file, 'invalid', error.message)]));
        progress.tick();
        continue;
      }
      scored += 1;
      const warning = unansweredWarning(entry.report, file);
      const failures = gateFailureLines(entry.report, entry.report.gates ?? [], file);
      if (failures.length > 0) gatesFailed = true;
      say([...(warning === null ? [] : [warning]), ...failures]);
      if (stream) await stream.write(jsonLine(entry.report));
      else entries.push(entry);
      progress.tick();
    }
    progress.clear();
    // Nothing valid, nothing written: as for a single invalid file.
    if (stream) await (scored > 0 ? stream.commit() : stream.abort());
    else if (entries.length > 0) {
      const toTerminal = options.output === undefined || options.output === '-';
      const text = portfolioFormatters[options.format](sortPortfolio(entries, options.sort), { color: toTerminal && useColor(options.color) });
      await writeOutput(text, options.output);
    }
  } catch (error) {
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
