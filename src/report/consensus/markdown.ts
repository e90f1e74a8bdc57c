import { inline } from '../escape/markdown.js';
import type { DisagreementFormatter } from './format.js';
import {
  agreementText,
  competencyName,
  indicatorOf,
  isDisputed,
  respondentLabel,
  respondentWithRole,
  spreadWithApplicability,
  stepsFigure,
  whoAnsweredWhat,
} from './text.js';

/** A table row of cells already made inert. */
const row = (cells: readonly string[]) => `| ${cells.join(' | ')} |`;

/** Where respondents disagree, as GitHub-flavoured markdown; every text from the files made inert. */
export const formatDisagreementMarkdown: DisagreementFormatter = (disagreement, options) => {
  const { locale } = options;
  const count = disagreement.respondents.length;
  const t = (text: string) => inline(text);
  const lines = [
    `# ${t(locale.t('team.report.title', { organisation: disagreement.organisation, count }))}`,
    '',
    [
      t(locale.t('team.report.model', { name: disagreement.model.name, version: disagreement.model.version, id: disagreement.model.id })),
      t(locale.t('team.report.agreement', { agreement: agreementText(locale, disagreement.agreement) })),
    ].join(' · '),
    '',
    t(locale.t('team.report.respondents', { names: disagreement.respondents.map((_, place) => respondentWithRole(disagreement, place)).join(', ') })),
    '',
    `## ${t(locale.t('team.report.discussFirst'))}`,
    '',
  ];
  if (disagreement.discussFirst.length === 0) lines.push(t(locale.t('team.report.nothingToDiscuss')));
  else {
    lines.push(row([locale.t('team.report.indicator'), locale.t('team.report.competency'), locale.t('team.report.spread'), locale.t('team.report.answers')].map(t)), row(['---', '---', '---', '---']));
    for (const { id, competency } of disagreement.discussFirst) {
      const indicator = indicatorOf(disagreement, competency, id);
      lines.push(row([id, competencyName(disagreement, competency), spreadWithApplicability(locale, indicator), whoAnsweredWhat(locale, disagreement, indicator)].map(t)));
    }
  }
  lines.push('', `## ${t(locale.t('team.report.byCompetency'))}`, '');
  lines.push(row([locale.t('team.report.competency'), locale.t('team.report.agreementHead'), locale.t('team.report.meanSpread'), locale.t('team.report.compared')].map(t)), row(['---', '---:', '---:', '---:']));
  for (const competency of disagreement.competencies) {
    // Figures the report computed need no escaping (and `1.33` must not read as a list item).
    lines.push(row([t(competency.name), agreementText(locale, competency.agreement), stepsFigure(locale, competency.meanSpread), String(competency.compared)]));
  }
  lines.push('', t(locale.t('team.report.agreementDefinition')));
  for (const competency of disagreement.competencies) {
    const differing = competency.indicators.filter(isDisputed);
    const same = competency.indicators.length - differing.length;
    const blocks: string[][] = [];
    if (differing.length > 0) {
      blocks.push([
        row([locale.t('team.report.indicator'), locale.t('team.report.text'), locale.t('team.report.spread'), locale.t('team.report.answers')].map(t)),
        row(['---', '---', '---', '---']),
        ...differing.map((indicator) => row([t(indicator.id), t(indicator.text), t(spreadWithApplicability(locale, indicator)), t(whoAnsweredWhat(locale, disagreement, indicator))])),
      ]);
    }
    if (same > 0) blocks.push([t(locale.t('team.report.sameAnswers', { count: same }))]);
    lines.push('', `### ${t(competency.name)} — ${t(agreementText(locale, competency.agreement))}`);
    for (const block of blocks) lines.push('', ...block);
  }
  lines.push('', `## ${t(locale.t('team.report.calibration'))}`, '', t(locale.t('team.report.calibrationDefinition')), '');
  lines.push(row([locale.t('team.report.respondent'), locale.t('team.report.deviation'), locale.t('team.report.compared')].map(t)), row(['---', '---:', '---:']));
  for (const entry of disagreement.calibration) lines.push(row([t(respondentLabel(disagreement, entry.respondent)), stepsFigure(locale, entry.deviation), String(entry.compared)]));
  return `${lines.join('\n')}\n`;
};
