import type { Locale } from '../../locale/locale.js';
import { basedOnRespondents } from '../respondents.js';
import { staleIds } from '../../core/stale.js';
import type { CompetencyResult, IndicatorResult, NextStep, Report } from '../../schema/report.js';
import { reportLocale, type Formatter } from './format.js';
import { planMarkdownLines } from './plan.js';
import { inline } from '../escape/markdown.js';
import { httpsLink } from '../escape/url.js';
import {
  aggregateText,
  answerLabels,
  answerText,
  type AnswerLabels,
  baselineLine,
  blockedByText,
  changeText,
  completenessText,
  contextText,
  effortOwnerText,
  gateLine,
  hasAnswerDetails,
  indicatorAnswerText,
  nextStageText,
  scoreOf,
  stageName,
  staleText,
} from '../text.js';

/** The report as GitHub-flavoured markdown, for pull-request comments and CI job summaries. */
export const formatMarkdown: Formatter = (report, options) => {
  const locale = reportLocale(options);
  const labels = answerLabels(locale, options.model);
  const lines: string[] = [];
  const { overall } = report;
  lines.push(`# ${locale.t('report.markdown.title', { model: inline(report.model.name), organisation: inline(report.organisation) })}`, '');
  const meta = [locale.t('report.markdown.model', { name: inline(report.model.name), version: inline(report.model.version), id: `\`${report.model.id}\`` })];
  const context = contextText(locale, report);
  if (context !== null) meta.push(locale.t('report.markdown.context', { context: inline(context) }));
  if (report.date) meta.push(locale.t('report.markdown.date', { date: inline(locale.date(report.date)) }));
  if (report.assessor) meta.push(locale.t('report.markdown.assessor', { assessor: inline(report.assessor) }));
  const respondents = basedOnRespondents(report, options.locale);
  if (respondents !== null) meta.push(inline(respondents));
  meta.push(locale.t('report.markdown.answered', { answered: completenessText(locale, report) }));
  const staleLine = staleText(locale, report);
  if (staleLine !== null) meta.push(locale.t('report.markdown.stale', { stale: inline(staleLine) }));
  lines.push(meta.join(' · '), '');
  lines.push(locale.t('report.markdown.overallStage', { stage: inline(overall.stageName), level: overall.level, stages: report.stages.length, score: scoreOf(locale, report, overall.score) }), '');

  const since = baselineLine(locale, report, inline);
  if (since) lines.push(`${since}.`, '');
  const compared = report.baseline !== undefined;
  const change = (id: string, stage: string, delta: number | null | undefined) => (compared ? ` ${changeText(locale, report, id, stage, delta, inline)} |` : '');
  const head = [locale.t('report.column.competency'), locale.t('report.column.stage'), locale.t('report.column.score'), ...(compared ? [locale.t('report.column.change')] : []), locale.t('report.column.nextStage')];
  lines.push(`| ${head.join(' | ')} |`, `| --- | --- | ---: |${compared ? ' --- |' : ''} --- |`);
  for (const competency of report.competencies) {
    lines.push(
      `| ${inline(competency.name)} | ${inline(competency.stageName)} | ${locale.score(competency.score)} |${change(competency.id, competency.stage, competency.delta)} ${inline(nextStageText(locale, report, competency))} |`,
    );
  }
  lines.push(`| **${locale.t('report.overallRow', { aggregate: aggregateText(locale, report) })}** | **${inline(overall.stageName)}** | **${locale.score(overall.score)}** |${change('overall', overall.stage, overall.delta)} |`);
  if (report.gates && report.gates.length > 0) {
    lines.push('', `## ${locale.t('report.gates')}`, '');
    for (const gate of report.gates) lines.push(`- ${gateLine(locale, gate).replace(/</g, '&lt;')}`);
  }
  lines.push(...planMarkdownLines(locale, report, labels));

  const steps = report.competencies.filter((competency) => competency.next.length > 0);
  const stale = staleIds(report);
  // Next steps, then the answers, are what gets cut to stay under GitHub's job-summary limit: the scores never are.
  let size = byteLength(`${lines.join('\n')}\n`);
  let complete = true;
  if (steps.length > 0) {
    const heading = `## ${locale.t('report.nextSteps')}`;
    lines.push('', heading);
    size += byteLength(`\n\n${heading}`);
    for (const [index, competency] of steps.entries()) {
      const block = nextStepLines(locale, report, competency, options.nextSteps, stale, labels);
      const blockSize = byteLength(`\n${block.join('\n')}`);
      if (size + blockSize > MARKDOWN_LIMIT_BYTES - TRUNCATION_NOTE_RESERVE) {
        lines.push('', `*${locale.t('report.markdown.stepsLeftOut', { count: steps.length - index })}*`);
        complete = false;
        break;
      }
      lines.push(...block);
      size += blockSize;
    }
  }
  if (complete && hasAnswerDetails(report)) {
    const block = answerLines(locale, report, stale, labels);
    if (size + byteLength(`\n${block.join('\n')}`) > MARKDOWN_LIMIT_BYTES - TRUNCATION_NOTE_RESERVE) {
      lines.push('', `*${locale.t('report.markdown.answersLeftOut')}*`);
    } else lines.push(...block);
  }
  return `${lines.join('\n')}\n`;
};

/** GitHub refuses a job summary (GITHUB_STEP_SUMMARY) over 1 MiB. */
export const MARKDOWN_LIMIT_BYTES = 1024 * 1024;

/** Room kept for the note that says next steps were left out, and the final newline. */
const TRUNCATION_NOTE_RESERVE = 512;

function byteLength(text: string): number {
  return new TextEncoder().encode(text).length;
}

function nextStepLines(locale: Locale, report: Report, competency: CompetencyResult, limit: number, stale: ReadonlySet<string>, labels: AnswerLabels): string[] {
  const target = competency.nextStage!;
  const lines = ['', `### ${inline(competency.name)} → ${inline(stageName(report, target))}`, ''];
  lines.push(locale.t('report.markdown.attainment', { attained: locale.percent(competency.attainment[target] ?? 0), threshold: locale.percent(report.threshold) }), '');
  const blocked = blockedByText(locale, report, competency, inline, code);
  if (blocked !== null) lines.push(blocked, '');
  for (const step of competency.next.slice(0, limit)) {
    const key = step.key === true ? `**${locale.t('report.markdown.key')}** ` : '';
    const staleMark = stale.has(step.id) ? `, **${locale.t('report.stale.mark')}**` : '';
    lines.push(`- ${key}${inline(step.text)} (${locale.t('report.idAnswer', { id: `\`${step.id}\``, answer: inline(answerText(locale, step.answer, labels)) })}${staleMark})`);
    if (step.note) lines.push(`  - ${locale.t('report.step.note', { note: inline(step.note) })}`);
    lines.push(...stepDetailLines(locale, step));
    if (step.advice) lines.push(`  - ${locale.t('report.step.advice', { advice: inline(step.advice) })}`);
  }
  const hidden = competency.next.length - limit;
  if (hidden > 0) lines.push(`- ${locale.t('report.markdown.more', { count: hidden })}`);
  return lines;
}

/** An id as inline code; ids are slugs (letters, digits, `.`, `_`, `-`), which need no escaping there. */
function code(id: string): string {
  return `\`${id}\``;
}

/** What the model says of a step, as items under it: the criteria (a list), what to check, effort and owner. */
function stepDetailLines(locale: Locale, step: NextStep): string[] {
  const lines: string[] = [];
  if (step.criteria !== undefined) lines.push(`  - ${locale.t('report.step.doneWhen')}`, ...step.criteria.map((criterion) => `    - ${inline(criterion)}`));
  if (step.evidencePrompt !== undefined) lines.push(`  - ${locale.t('report.step.check', { check: inline(step.evidencePrompt) })}`);
  const effort = effortOwnerText(locale, step);
  if (effort !== null) lines.push(`  - ${inline(effort)}`);
  return lines;
}

/**
 * Every answer, competency by competency: the answer (`not applicable in this context` for an
 * indicator outside the assessment's context), when it was checked and whether that is stale, the
 * note and the evidence, each item a link only when it is an https URL (httpsLink).
 */
function answerLines(locale: Locale, report: Report, stale: ReadonlySet<string>, labels: AnswerLabels): string[] {
  const lines = ['', `## ${locale.t('report.answers')}`];
  for (const competency of report.competencies) {
    lines.push('', `### ${inline(competency.name)}`, '');
    for (const indicator of competency.indicators) lines.push(...answerItem(locale, indicator, stale, labels));
  }
  return lines;
}

function answerItem(locale: Locale, indicator: IndicatorResult, stale: ReadonlySet<string>, labels: AnswerLabels): string[] {
  const facts = [inline(indicatorAnswerText(locale, indicator, labels))];
  if (indicator.checked !== undefined) facts.push(locale.t('report.answer.checked', { date: inline(locale.date(indicator.checked)) }));
  if (stale.has(indicator.id)) facts.push(`**${locale.t('report.stale.mark')}**`);
  const lines = [`- ${locale.t('report.markdown.item', { text: inline(indicator.text), id: `\`${indicator.id}\``, facts: facts.join(' · ') })}`];
  if (indicator.note) lines.push(`  - ${locale.t('report.step.note', { note: inline(indicator.note) })}`);
  if (indicator.evidence !== undefined) lines.push(`  - ${locale.t('report.answer.evidence')}`, ...indicator.evidence.map((item) => `    - ${evidenceItem(item)}`));
  return lines;
}

/** An evidence item: a link when it is one whole https URL, else text; either way its text escaped. */
function evidenceItem(item: string): string {
  const href = httpsLink(item);
  return href === null ? inline(item) : `[${inline(item)}](${href})`;
}
