import { NOT_APPLICABLE } from '../../schema/constants.js';
import { workbookBytes, type SheetTable } from '../xlsx.js';
import type { BinaryDisagreementFormatter } from './format.js';
import { respondentLabel } from './text.js';

/**
 * Where respondents disagree as a workbook: one row per indicator (competency, spread, each
 * respondent's answer in a column of their own, the distribution), one per competency with its
 * agreement, and the calibration hint. Figures stay numbers; no date but 1980-01-01 in the zip.
 */
export const formatDisagreementXlsx: BinaryDisagreementFormatter = (disagreement, options) => {
  const { locale } = options;
  const labels = disagreement.respondents.map((_, place) => respondentLabel(disagreement, place));
  const indicators: SheetTable = {
    name: locale.t('team.xlsx.indicators'),
    header: [
      locale.t('team.report.competency'),
      locale.t('team.report.indicator'),
      locale.t('team.report.text'),
      locale.t('team.report.spread'),
      locale.t('team.xlsx.discussFirst'),
      locale.t('team.xlsx.applicabilityDisputed'),
      ...labels,
      ...disagreement.scale.map((level) => level.id),
      NOT_APPLICABLE,
    ],
    rows: disagreement.competencies.flatMap((competency) =>
      competency.indicators.map((indicator) => [
        competency.name,
        indicator.id,
        indicator.text,
        indicator.spread,
        disagreement.discussFirst.some((entry) => entry.id === indicator.id) ? locale.t('team.xlsx.yes') : null,
        indicator.applicabilityDisputed ? locale.t('team.xlsx.yes') : null,
        ...indicator.answers,
        ...[...disagreement.scale.map((level) => level.id), NOT_APPLICABLE].map((answer) => indicator.distribution[answer] ?? null),
      ]),
    ),
  };
  const competencies: SheetTable = {
    name: locale.t('team.xlsx.competencies'),
    header: [locale.t('team.report.competency'), locale.t('team.report.agreementHead'), locale.t('team.report.meanSpread'), locale.t('team.report.compared')],
    rows: disagreement.competencies.map((competency) => [
      competency.name,
      competency.agreement === null ? null : { value: competency.agreement, format: 'percent' },
      competency.meanSpread === null ? null : { value: competency.meanSpread, format: 'score' },
      competency.compared,
    ]),
  };
  const calibration: SheetTable = {
    name: locale.t('team.xlsx.calibration'),
    header: [locale.t('team.report.respondent'), locale.t('team.xlsx.role'), locale.t('team.xlsx.file'), locale.t('team.report.deviation'), locale.t('team.report.compared')],
    rows: disagreement.calibration.map((entry) => {
      const respondent = disagreement.respondents[entry.respondent]!;
      return [labels[entry.respondent]!, respondent.role, respondent.file, entry.deviation === null ? null : { value: entry.deviation, format: 'score' }, entry.compared];
    }),
  };
  return workbookBytes([indicators, competencies, calibration], null);
};
