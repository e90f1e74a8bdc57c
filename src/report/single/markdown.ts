import { basedOnRespondents } from '../respondents.js';
import { formatScore } from '../../core/truncate.js';
import { staleIds } from '../../core/stale.js';
import type { CompetencyResult, IndicatorResult, NextStep, Report } from '../../schema/report.js';
import type { Formatter } from './format.js';
import { planMarkdownLines } from './plan.js';
import { inline } from '../escape/markdown.js';
import { httpsLink } from '../escape/url.js';
import {
  answerText,
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
  percent,
  scoreOf,
  stageName,
  staleText,
} from '../text.js';

/** The report as GitHub-flavoured markdown, for pull-request comments and CI job summaries. */
export const formatMarkdown: Formatter = (report, options) => {
  const lines: string[] = [];
  const { overall } = report;
  lines.push(`# ${inline(report.model.name)}: ${inline(report.organisation)}`, '');
  const meta = [`**Model:** ${inline(report.model.name)} ${inline(report.model.version)} (\`${report.model.id}\`)`];
  const context = contextText(report);
  if (context !== null) meta.push(`**Context:** ${inline(context)}`);
  if (report.date) meta.push(`**Date:** ${inline(report.date)}`);
  if (report.assessor) meta.push(`**Assessor:** ${inline(report.assessor)}`);
  const respondents = basedOnRespondents(report, options.locale);
  if (respondents !== null) meta.push(inline(respondents));
  meta.push(`**Answered:** ${completenessText(report)}`);
  const staleLine = staleText(report);
  if (staleLine !== null) meta.push(`**Stale answers:** ${inline(staleLine)}`);
  lines.push(meta.join(' · '), '');
  lines.push(`**Overall stage: ${inline(overall.stageName)}** (level ${overall.level} of ${report.stages.length}), score **${scoreOf(report, overall.score)}**.`, '');

  const since = baselineLine(report, inline);
  if (since) lines.push(`${since}.`, '');
  const compared = report.baseline !== undefined;
  const change = (id: string, stage: string, delta: number | null | undefined) => (compared ? ` ${changeText(report, id, stage, delta, inline)} |` : '');
  lines.push(`| Competency | Stage | Score |${compared ? ' Change |' : ''} Next stage |`, `| --- | --- | ---: |${compared ? ' --- |' : ''} --- |`);
  for (const competency of report.competencies) {
    lines.push(
      `| ${inline(competency.name)} | ${inline(competency.stageName)} | ${formatScore(competency.score)} |${change(competency.id, competency.stage, competency.delta)} ${inline(nextStageText(report, competency))} |`,
    );
  }
  lines.push(`| **Overall (${report.aggregate})** | **${inline(overall.stageName)}** | **${formatScore(overall.score)}** |${change('overall', overall.stage, overall.delta)} |`);
  if (report.gates && report.gates.length > 0) {
    lines.push('', '## Gates', '');
    for (const gate of report.gates) lines.push(`- ${gateLine(gate).replace(/</g, '&lt;')}`);
  }
  lines.push(...planMarkdownLines(report));

  const steps = report.competencies.filter((competency) => competency.next.length > 0);
  const stale = staleIds(report);
  // Next steps, then the answers, are what gets cut to stay under GitHub's job-summary limit: the scores never are.
  let size = byteLength(`${lines.join('\n')}\n`);
  let complete = true;
  if (steps.length > 0) {
    lines.push('', '## Next steps');
    size += byteLength('\n\n## Next steps');
    for (const [index, competency] of steps.entries()) {
      const block = nextStepLines(report, competency, options.nextSteps, stale);
      const blockSize = byteLength(`\n${block.join('\n')}`);
      if (size + blockSize > MARKDOWN_LIMIT_BYTES - TRUNCATION_NOTE_RESERVE) {
        lines.push('', `*The next steps of ${steps.length - index} more competencies are left out to keep this report within GitHub's 1 MiB summary limit; \`--format json\` or \`--format table\` lists them all.*`);
        complete = false;
        break;
      }
      lines.push(...block);
      size += blockSize;
    }
  }
  if (complete && hasAnswerDetails(report)) {
    const block = answerLines(report, stale);
    if (size + byteLength(`\n${block.join('\n')}`) > MARKDOWN_LIMIT_BYTES - TRUNCATION_NOTE_RESERVE) {
      lines.push('', "*The answers are left out to keep this report within GitHub's 1 MiB summary limit; `--format json` lists them all.*");
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

function nextStepLines(report: Report, competency: CompetencyResult, limit: number, stale: ReadonlySet<string>): string[] {
  const target = competency.nextStage!;
  const lines = ['', `### ${inline(competency.name)} → ${inline(stageName(report, target))}`, ''];
  lines.push(`Attainment ${percent(competency.attainment[target] ?? 0)} of the ${percent(report.threshold)} needed.`, '');
  const blocked = blockedByText(report, competency, inline, code);
  if (blocked !== null) lines.push(blocked, '');
  for (const step of competency.next.slice(0, limit)) {
    const key = step.key === true ? '**Key:** ' : '';
    lines.push(`- ${key}${inline(step.text)} (\`${step.id}\`: ${inline(answerText(step.answer))}${stale.has(step.id) ? ', **stale**' : ''})`);
    if (step.note) lines.push(`  - Note: ${inline(step.note)}`);
    lines.push(...stepDetailLines(step));
    if (step.advice) lines.push(`  - Advice: ${inline(step.advice)}`);
  }
  const hidden = competency.next.length - limit;
  if (hidden > 0) lines.push(`- … and ${hidden} more (\`--all\` lists every one)`);
  return lines;
}

/** An id as inline code; ids are slugs (letters, digits, `.`, `_`, `-`), which need no escaping there. */
function code(id: string): string {
  return `\`${id}\``;
}

/** What the model says of a step, as items under it: the criteria (a list), what to check, effort and owner. */
function stepDetailLines(step: NextStep): string[] {
  const lines: string[] = [];
  if (step.criteria !== undefined) lines.push('  - Done when:', ...step.criteria.map((criterion) => `    - ${inline(criterion)}`));
  if (step.evidencePrompt !== undefined) lines.push(`  - Check: ${inline(step.evidencePrompt)}`);
  const effort = effortOwnerText(step);
  if (effort !== null) lines.push(`  - ${inline(effort)}`);
  return lines;
}

/**
 * Every answer, competency by competency: the answer (`not applicable in this context` for an
 * indicator outside the assessment's context), when it was checked and whether that is stale, the
 * note and the evidence, each item a link only when it is an https URL (httpsLink).
 */
function answerLines(report: Report, stale: ReadonlySet<string>): string[] {
  const lines = ['', '## Answers'];
  for (const competency of report.competencies) {
    lines.push('', `### ${inline(competency.name)}`, '');
    for (const indicator of competency.indicators) lines.push(...answerItem(indicator, stale));
  }
  return lines;
}

function answerItem(indicator: IndicatorResult, stale: ReadonlySet<string>): string[] {
  const facts = [inline(indicatorAnswerText(indicator))];
  if (indicator.checked !== undefined) facts.push(`checked ${inline(indicator.checked)}`);
  if (stale.has(indicator.id)) facts.push('**stale**');
  const lines = [`- ${inline(indicator.text)} (\`${indicator.id}\`): ${facts.join(' · ')}`];
  if (indicator.note) lines.push(`  - Note: ${inline(indicator.note)}`);
  if (indicator.evidence !== undefined) lines.push('  - Evidence:', ...indicator.evidence.map((item) => `    - ${evidenceItem(item)}`));
  return lines;
}

/** An evidence item: a link when it is one whole https URL, else text; either way its text escaped. */
function evidenceItem(item: string): string {
  const href = httpsLink(item);
  return href === null ? inline(item) : `[${inline(item)}](${href})`;
}
