import { evaluateGates, type GatePolicy } from '../core/gates.js';
import { scoreAssessment } from '../core/score.js';
import { UserError, type Diagnostic } from '../errors.js';
import { loadAssessment } from './load-assessment.js';
import type { LoadedModel } from './load-model.js';
import type { Model } from '../schema/model.js';
import type { Report } from '../schema/report.js';
import { sortKeys } from '../core/portfolio.js';
import { jsonLine } from '../report/portfolio/json.js';
import { gateFailureLines, gatePolicy, type GateOptions } from '../cli/gates.js';
import { unansweredWarning } from '../cli/unanswered.js';

/**
 * What scoring one answers file of many gives: the located errors that stopped it, or its report
 * (for jsonl, already as its line in UTF-8: a worker thread encodes it and hands the bytes over
 * without a copy, rather than an object to rebuild or text for the writing thread to encode),
 * with the warnings and gate failures to print for it.
 */
export type FileResult =
  | { file: string; diagnostics: Diagnostic[] }
  | ({ file: string; notices: string[]; gatesFailed: boolean; sortKeys: string[] } & ({ report: Report } | { line: Uint8Array }));

/** The options that decide how each file is scored; plain data, so that worker threads get them too. */
export interface FileScoringOptions extends GateOptions {
  model?: string;
  strict?: boolean;
  /** Whether each report is wanted as a line of JSON Lines rather than as an object. */
  jsonl: boolean;
}

/**
 * Scores answers files one at a time, reading each model file once. Invalid files give their
 * diagnostics; an error without a place in a file (a bad --model, an unknown competency in
 * --require) is the same for every file and is thrown.
 */
export function fileScorer(options: FileScoringOptions): (file: string) => Promise<FileResult> {
  const modelCache = new Map<string, Promise<LoadedModel>>();
  const policies = new Map<Model, GatePolicy>();
  const gated = options.failUnder !== undefined || (options.require ?? []).length > 0;
  const encoder = options.jsonl ? new TextEncoder() : undefined;
  return async (file) => {
    try {
      const { model, assessment } = await loadAssessment(file, { model: options.model, strict: options.strict, modelCache });
      let report = scoreAssessment(model.model, assessment);
      if (gated) {
        let policy = policies.get(model.model);
        if (!policy) policies.set(model.model, (policy = gatePolicy(options, model.model)));
        report = { ...report, gates: evaluateGates(report, policy) };
      }
      const warning = unansweredWarning(report, file);
      const failures = gateFailureLines(report, report.gates ?? [], file);
      const notices = warning === null ? failures : [warning, ...failures];
      const scored = { file, notices, gatesFailed: failures.length > 0, sortKeys: sortKeys(report) };
      return encoder ? { ...scored, line: encoder.encode(jsonLine(report)) } : { ...scored, report };
    } catch (error) {
      if (error instanceof UserError && error.diagnostics.length > 0) return { file, diagnostics: error.diagnostics };
      throw error;
    }
  };
}
