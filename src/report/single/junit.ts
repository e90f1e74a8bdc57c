import { formatScore } from '../../core/truncate.js';
import { gateFailureText } from '../../core/gates.js';
import type { Locale } from '../../locale/locale.js';
import type { ModelNames } from '../../core/model-facts.js';
import type { CompetencyResult, GateResult, Report } from '../../schema/report.js';
import { reportLocale, type Formatter } from './format.js';
import { answerLabels, answerText, type AnswerLabels, blockedByText, changeText, effortOwnerText, nextStageText, stepHasDetails } from '../text.js';

/**
 * The report as JUnit XML for CI test-report views (GitHub, GitLab, Jenkins): one test case per
 * competency and one for the overall score, failing when a gate on it failed. Test names stay the
 * same from run to run (no scores in them), so CI tools can follow each one over time.
 */
export const formatJunit: Formatter = (report, options) => {
  const locale = reportLocale(options);
  const gates = report.gates ?? [];
  const stages = report.stages.length;
  const cases = [
    ...report.competencies.map((competency) => ({
      id: competency.id,
      // A test's name stays the same in every language, so that CI tools follow it from run to run.
      name: options.names?.competencies.get(competency.id) ?? competency.name,
      text: locale.t('report.junit.competency', {
        stage: competency.stageName,
        level: competency.level,
        stages,
        score: locale.score(competency.score),
        since: since(locale, report, competency.id, competency.stage, competency.delta),
        next: nextStageText(locale, report, competency),
        held: held(locale, competency),
      }),
      competency,
    })),
    {
      id: 'overall',
      name: `Overall (${report.aggregate})`,
      text: locale.t('report.junit.overall', {
        stage: report.overall.stageName,
        level: report.overall.level,
        stages,
        score: locale.score(report.overall.score),
        since: since(locale, report, 'overall', report.overall.stage, report.overall.delta),
      }),
      competency: undefined,
    },
  ];
  const failed = cases.filter((testCase) => gates.some((gate) => gate.subject === testCase.id && !gate.passed)).length;
  const counts = `tests="${cases.length}" failures="${failed}" errors="0" skipped="0" time="0"`;
  const suite = `${options.names?.model ?? report.model.name}: ${report.organisation}`;
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="cm-maturity" ${counts}>`,
    `  <testsuite name="${attribute(suite)}" ${counts}>`,
    '    <properties>',
    ...properties(report, options.names).map(([name, value]) => `      <property name="${attribute(name)}" value="${attribute(value)}"/>`),
    '    </properties>',
  ];
  for (const testCase of cases) {
    const failures = gates.filter((gate) => gate.subject === testCase.id && !gate.passed);
    lines.push(`    <testcase classname="${attribute(`${report.model.id}.${testCase.id}`)}" name="${attribute(testCase.name)}" time="0">`);
    if (failures.length > 0) {
      const message = failures.map((gate) => locale.t('report.junit.failure', { gate: gate.gate, failure: gateFailureText(gate, report, locale) })).join(locale.t('report.junit.failureSeparator'));
      const detail = [...failures.map((gate) => failureDetail(locale, gate, report)), ...(testCase.competency ? stepLines(locale, report, testCase.competency, answerLabels(locale, options.model)) : [])];
      lines.push(`      <failure message="${attribute(message)}" type="${attribute(failures[0]!.gate)}">${text(detail.join('\n'))}</failure>`);
    }
    lines.push(`      <system-out>${text(testCase.text)}</system-out>`, '    </testcase>');
  }
  lines.push('  </testsuite>', '</testsuites>');
  return `${lines.join('\n')}\n`;
};

function since(locale: Locale, report: Report, id: string, stage: string, delta: number | null | undefined): string {
  return report.baseline ? locale.t('report.junit.since', { change: changeText(locale, report, id, stage, delta) }) : '';
}

function failureDetail(locale: Locale, gate: GateResult, report: Report): string {
  const failure = gateFailureText(gate, report, locale);
  if (gate.gate === 'no-stale') return locale.t('report.junit.staleFailure', { gate: gate.gate, subject: gate.subject, failure, allowed: gate.target, found: gate.actual });
  return locale.t('report.junit.scoreFailure', { gate: gate.gate, subject: gate.subject, failure, target: locale.score(gate.target), actual: locale.score(gate.actual) });
}

/** "; held back by the key indicator strategy.plan" after a competency's result, when one is. */
function held(locale: Locale, competency: CompetencyResult): string {
  const blocked = competency.blockedBy ?? [];
  return blocked.length === 0 ? '' : locale.t('report.junit.held', { count: blocked.length, ids: blocked.join(', ') });
}

/**
 * What to do about a failed competency, under its gates' lines: the key indicators holding it
 * back and each next step with what the model says of it (criteria, what to check, effort and
 * owner). Only for a model that says any of it: a report of a model without criteria, evidence
 * prompts, effort, owners or key indicators keeps its failure text as it was.
 */
function stepLines(locale: Locale, report: Report, competency: CompetencyResult, labels: AnswerLabels): string[] {
  if (competency.blockedBy === undefined && !competency.next.some(stepHasDetails)) return [];
  const lines: string[] = [];
  const blocked = blockedByText(locale, report, competency);
  if (blocked !== null) lines.push(blocked);
  if (competency.next.length > 0) lines.push(locale.t('report.junit.nextSteps'));
  for (const step of competency.next) {
    lines.push(`- ${step.key === true ? `${locale.t('report.table.keyMark')} ` : ''}${step.text} (${locale.t('report.idAnswer', { id: step.id, answer: answerText(locale, step.answer, labels) })})`);
    if (step.criteria !== undefined) lines.push(`  ${locale.t('report.step.doneWhen')}`, ...step.criteria.map((criterion) => `  - ${criterion}`));
    if (step.evidencePrompt !== undefined) lines.push(`  ${locale.t('report.step.check', { check: step.evidencePrompt })}`);
    const effort = effortOwnerText(locale, step);
    if (effort !== null) lines.push(`  ${effort}`);
  }
  return lines;
}

function properties(report: Report, names: ModelNames | undefined): [string, string][] {
  const list: [string, string][] = [
    ['organisation', report.organisation],
    ['model', `${report.model.id} ${report.model.version}`],
  ];
  if (report.context) list.push(['context', names?.contexts.get(report.context.id) ?? report.context.name]);
  if (report.date) list.push(['date', report.date]);
  if (report.assessor) list.push(['assessor', report.assessor]);
  if (report.stale) {
    list.push(['stale.after', report.stale.after], ['stale.checkedBefore', report.stale.checkedBefore ?? ''], ['stale.answers', String(report.stale.answers.length)]);
  }
  list.push(['overall.score', formatScore(report.overall.score)], ['overall.stage', report.overall.stage]);
  if (report.baseline) list.push(['baseline.date', report.baseline.date ?? ''], ['baseline.overall.score', formatScore(report.baseline.overall.score)]);
  const crossing = report.baseline?.crossesVersions;
  if (crossing) list.push(['baseline.crossesVersions', `${crossing.from} → ${crossing.to}`]);
  return list;
}

/**
 * Characters XML 1.0 cannot hold at all (most control characters, lone surrogates, U+FFFE/U+FFFF)
 * become U+FFFD: escaping cannot make them legal, and one of them would make the whole file unreadable.
 */
function legal(value: string): string {
  return value.replace(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, '\uFFFD');
}

/** Element text. `>` is escaped too, so `]]>` can never appear. */
function text(value: string): string {
  return legal(value).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** An attribute value in double quotes; line breaks and tabs as references so parsers keep them. */
function attribute(value: string): string {
  return text(value).replace(/"/g, '&quot;').replace(/'/g, '&apos;').replace(/\n/g, '&#10;').replace(/\r/g, '&#13;').replace(/\t/g, '&#9;');
}
