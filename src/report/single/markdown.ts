import { formatScore } from '../../core/truncate.js';
import type { CompetencyResult, Report } from '../../schema/report.js';
import type { Formatter } from './format.js';
import { planMarkdownLines } from './plan.js';
import { inline } from '../escape/markdown.js';
import { answerText, baselineLine, changeText, completenessText, gateLine, nextStageText, percent, scoreOf, stageName } from '../text.js';

/** The report as GitHub-flavoured markdown, for pull-request comments and CI job summaries. */
export const formatMarkdown: Formatter = (report, options) => {
  const lines: string[] = [];
  const { overall } = report;
  lines.push(`# ${inline(report.model.name)}: ${inline(report.organisation)}`, '');
  const meta = [`**Model:** ${inline(report.model.name)} ${inline(report.model.version)} (\`${report.model.id}\`)`];
  if (report.date) meta.push(`**Date:** ${inline(report.date)}`);
  if (report.assessor) meta.push(`**Assessor:** ${inline(report.assessor)}`);
  meta.push(`**Answered:** ${completenessText(report)}`);
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
  if (steps.length > 0) {
    lines.push('', '## Next steps');
    // Next steps are what gets cut to stay under GitHub's job-summary limit: the scores never are.
    let size = byteLength(`${lines.join('\n')}\n`);
    for (const [index, competency] of steps.entries()) {
      const block = nextStepLines(report, competency, options.nextSteps);
      const blockSize = byteLength(`\n${block.join('\n')}`);
      if (size + blockSize > MARKDOWN_LIMIT_BYTES - TRUNCATION_NOTE_RESERVE) {
        lines.push('', `*The next steps of ${steps.length - index} more competencies are left out to keep this report within GitHub's 1 MiB summary limit; \`--format json\` or \`--format table\` lists them all.*`);
        break;
      }
      lines.push(...block);
      size += blockSize;
    }
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

function nextStepLines(report: Report, competency: CompetencyResult, limit: number): string[] {
  const target = competency.nextStage!;
  const lines = ['', `### ${inline(competency.name)} → ${inline(stageName(report, target))}`, ''];
  lines.push(`Attainment ${percent(competency.attainment[target] ?? 0)} of the ${percent(report.threshold)} needed.`, '');
  for (const step of competency.next.slice(0, limit)) {
    lines.push(`- ${inline(step.text)} (\`${step.id}\`: ${inline(answerText(step.answer))})`);
    if (step.note) lines.push(`  - Note: ${inline(step.note)}`);
    if (step.advice) lines.push(`  - Advice: ${inline(step.advice)}`);
  }
  const hidden = competency.next.length - limit;
  if (hidden > 0) lines.push(`- … and ${hidden} more (\`--all\` lists every one)`);
  return lines;
}
