import { Chalk } from 'chalk';
import type { Disagreement } from '../../schema/disagreement.js';
import { fitTable, layoutWidth, packItems, wrapLines, type FitColumn } from '../fit.js';
import { terminalSafe } from '../escape/terminal.js';
import type { DisagreementFormatter } from './format.js';
import {
  agreementText,
  competencyName,
  distributionText,
  indicatorOf,
  isDisputed,
  respondentLabel,
  respondentWithRole,
  spreadWithApplicability,
  stepsFigure,
  whoAnsweredWhat,
} from './text.js';

/**
 * Where respondents disagree, for a terminal: what to discuss first, each competency's agreement,
 * the indicators on which answers differ (widest spread first), and the calibration hint. Every
 * text from the files made inert (terminalSafe).
 */
export const formatDisagreementTable: DisagreementFormatter = (raw, options) => {
  const disagreement: Disagreement = terminalSafe(raw);
  const { locale } = options;
  const width = layoutWidth(options.width);
  const paint = new Chalk({ level: options.color ? 1 : 0 });
  const head = (title: string) => paint.bold(title);
  const count = disagreement.respondents.length;
  const lines = [
    ...wrapLines(paint.bold(locale.t('team.report.title', { organisation: disagreement.organisation, count })), width),
    ...packItems(
      [
        locale.t('team.report.model', { name: disagreement.model.name, version: disagreement.model.version, id: disagreement.model.id }),
        locale.t('team.report.agreement', { agreement: agreementText(locale, disagreement.agreement) }),
      ],
      ' · ',
      width,
    ).map((line) => paint.dim(line)),
    ...wrapLines(paint.dim(locale.t('team.report.respondents', { names: disagreement.respondents.map((_, place) => respondentWithRole(disagreement, place)).join(', ') })), width),
    '',
  ];

  lines.push(paint.bold(locale.t('team.report.discussFirst')));
  if (disagreement.discussFirst.length === 0) lines.push(...wrapLines(locale.t('team.report.nothingToDiscuss'), width));
  else {
    const rows = disagreement.discussFirst.map(({ id, competency }) => {
      const indicator = indicatorOf(disagreement, competency, id);
      return [id, competencyName(disagreement, competency), spreadWithApplicability(locale, indicator), whoAnsweredWhat(locale, disagreement, indicator)];
    });
    const columns: FitColumn[] = [{ head: locale.t('team.report.indicator'), key: true }, { head: locale.t('team.report.competency'), dropRank: 1 }, { head: locale.t('team.report.spread') }, { head: locale.t('team.report.answers') }];
    lines.push(fitTable(columns, rows, { width, head }));
  }

  lines.push('', paint.bold(locale.t('team.report.byCompetency')));
  const columns: FitColumn[] = [
    { head: locale.t('team.report.competency'), key: true },
    { head: locale.t('team.report.agreementHead'), align: 'right' },
    { head: locale.t('team.report.meanSpread'), align: 'right' },
    { head: locale.t('team.report.compared'), align: 'right', dropRank: 1 },
  ];
  const rows = disagreement.competencies.map((competency) => [competency.name, agreementText(locale, competency.agreement), stepsFigure(locale, competency.meanSpread), String(competency.compared)]);
  lines.push(fitTable(columns, rows, { width, head }));
  lines.push(...wrapLines(paint.dim(locale.t('team.report.agreementDefinition')), width));

  for (const competency of disagreement.competencies) {
    const differing = competency.indicators.filter(isDisputed);
    lines.push('', paint.bold(`${competency.name} — ${agreementText(locale, competency.agreement)}`));
    if (differing.length > 0) {
      const indicatorColumns: FitColumn[] = [{ head: locale.t('team.report.indicator'), key: true }, { head: locale.t('team.report.spread') }, { head: locale.t('team.report.answers') }];
      lines.push(fitTable(indicatorColumns, differing.map((indicator) => [indicator.id, spreadWithApplicability(locale, indicator), whoAnsweredWhat(locale, disagreement, indicator) || distributionText(locale, disagreement, indicator)]), { width, head }));
    }
    const same = competency.indicators.length - differing.length;
    if (same > 0) lines.push(...wrapLines(locale.t('team.report.sameAnswers', { count: same }), width));
  }

  lines.push('', paint.bold(locale.t('team.report.calibration')));
  lines.push(...wrapLines(paint.dim(locale.t('team.report.calibrationDefinition')), width));
  const calibrationColumns: FitColumn[] = [
    { head: locale.t('team.report.respondent'), key: true },
    { head: locale.t('team.report.deviation'), align: 'right' },
    { head: locale.t('team.report.compared'), align: 'right' },
  ];
  lines.push(fitTable(calibrationColumns, disagreement.calibration.map((entry) => [respondentLabel(disagreement, entry.respondent), stepsFigure(locale, entry.deviation), String(entry.compared)]), { width, head }));
  return `${lines.join('\n')}\n`;
};
