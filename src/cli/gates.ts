import { didYouMean } from '../core/suggest.js';
import { gateFailureText, resolveTarget, type GatePolicy, type ScoreFloor } from '../core/gates.js';
import { UserError } from '../errors.js';
import type { Model } from '../schema/model.js';
import type { GateResult, Report } from '../schema/report.js';

export interface GateOptions {
  failUnder?: string;
  require?: string[];
  failOnRegression?: boolean;
}

/** Collects repeated `--require` values. */
export function collect(value: string, previous: string[] | undefined): string[] {
  return [...(previous ?? []), value];
}

/** Turns the gate options into a policy for this model; an unknown competency or stage is a usage error. */
export function gatePolicy(options: GateOptions, model: Model): GatePolicy {
  const stages = model.stages.map((stage, index) => ({ id: stage.id, level: index + 1 }));
  const target = (option: string, text: string): number => {
    const value = resolveTarget(text, stages);
    if (typeof value === 'string') throw new UserError(`${option}: ${value}`);
    return value;
  };
  const policy: GatePolicy = { noRegression: options.failOnRegression === true };
  if (options.failUnder !== undefined) {
    policy.failUnder = { subject: 'overall', target: target('--fail-under', options.failUnder), text: options.failUnder };
  }
  const ids = model.competencies.map((competency) => competency.id);
  policy.require = (options.require ?? []).map((raw): ScoreFloor => {
    const at = raw.indexOf('=');
    if (at <= 0 || at === raw.length - 1) throw new UserError(`--require "${raw}": expected <competency>=<score|stage id>, e.g. --require strategy=2.5`);
    const subject = raw.slice(0, at).trim();
    const text = raw.slice(at + 1).trim();
    if (!ids.includes(subject)) {
      throw new UserError(`--require: unknown competency "${subject}" in model ${model.id}${didYouMean(subject, ids)}; competencies: ${ids.join(', ')}`);
    }
    return { subject, target: target(`--require ${subject}`, text), text };
  });
  return policy;
}

/** The stderr lines for the gates that failed; `file` names the answers file when there are several. */
export function gateFailureLines(report: Report, gates: readonly GateResult[], file?: string): string[] {
  return gates
    .filter((gate) => !gate.passed)
    .map((gate) => {
      const stage = Number.isInteger(gate.target) ? report.stages.find((candidate) => candidate.level === gate.target) : undefined;
      const target = stage ? `${stage.id} (${gate.target})` : String(gate.target);
      const option = gate.gate === 'fail-under' ? `--fail-under ${target}` : gate.gate === 'require' ? `--require ${gate.subject}=${target}` : '--fail-on-regression';
      return `cm-maturity: gate failed (${option}): ${file === undefined ? '' : `${file}: `}${gateFailureText(gate)}`;
    });
}
