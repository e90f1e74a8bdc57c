import type { Locale } from '../../locale/locale.js';
import type { Report } from '../../schema/report.js';
import { truncate2 } from '../../core/truncate.js';
import { staleIds } from '../../core/stale.js';
import { answerLabels, crossingText, hasAnswerDetails, hasStepDetails, stageName, type AnswerLabels } from '../text.js';
import { actionFlags, actionStatus, onTrackText } from '../plan-text.js';
import { answerCell, answerDetailCells, answerDetailHeader, stepDetailCells, stepDetailHeader } from '../xlsx-details.js';
import { score, workbookBytes, type FormattedNumber, type SheetTable } from '../xlsx.js';
import { reportLocale, type BinaryFormatter } from './format.js';

/**
 * The report as an Excel workbook: the assessment, the scores, the stage grid, every next step
 * and every answer with its note, one sheet each. Scores, levels and attainments are number
 * cells (attainments shown as percentages); every text from the files is a string cell.
 */
export const formatXlsx: BinaryFormatter = (report, options) => {
  const locale = reportLocale(options);
  return workbookBytes(reportSheets(locale, report, answerLabels(locale, options.model)), report.date);
};

function reportSheets(locale: Locale, report: Report, labels: AnswerLabels): SheetTable[] {
  return [assessmentSheet(locale, report), scoresSheet(locale, report), stageGridSheet(locale, report), nextStepsSheet(locale, report, labels), answersSheet(locale, report, labels), ...planSheets(locale, report, labels)];
}

/** A column's header: the same words as the other formats' columns, where they have them. */
function column(locale: Locale, key: 'competency' | 'stage' | 'score' | 'change' | 'indicator' | 'answer' | 'note' | 'level' | 'text' | 'advice'): string {
  return locale.t(`report.column.${key}`);
}

/** With --plan: where each competency stands against the plan, and every action of it. */
function planSheets(locale: Locale, report: Report, labels: AnswerLabels): SheetTable[] {
  const plan = report.plan;
  if (plan === undefined) return [];
  const fraction = (value: number | null): FormattedNumber | null => (value === null ? null : { value, format: 'percent' });
  const target = (value: number | null) => (value === null ? null : score(value));
  const subjects = [...plan.competencies, { ...plan.overall, name: locale.t('report.overall') }];
  return [
    {
      name: locale.t('report.xlsx.sheet.plan'),
      header: [
        column(locale, 'competency'),
        column(locale, 'score'),
        locale.t('report.xlsx.column.baseline'),
        locale.t('report.xlsx.column.phaseTarget'),
        locale.t('report.plan.column.goal'),
        locale.t('report.plan.column.gap'),
        locale.t('report.plan.column.toGoal'),
        locale.t('report.plan.column.progress'),
        locale.t('report.plan.column.onTrack'),
      ],
      rows: subjects.map((subject) => [
        subject.name,
        score(subject.score),
        target(subject.baseline),
        target(subject.phaseTarget),
        target(subject.target),
        target(subject.gap),
        fraction(subject.percentToTarget),
        fraction(subject.progressToDate),
        subject.onTrack === null ? null : onTrackText(locale, subject.onTrack),
      ]),
    },
    {
      name: locale.t('report.xlsx.sheet.actions'),
      header: [
        locale.t('report.plan.column.phase'),
        locale.t('report.xlsx.column.phaseDue'),
        column(locale, 'indicator'),
        column(locale, 'competency'),
        column(locale, 'text'),
        locale.t('report.xlsx.column.owner'),
        locale.t('report.xlsx.column.due'),
        locale.t('report.xlsx.column.status'),
        column(locale, 'answer'),
        locale.t('report.xlsx.column.attention'),
        column(locale, 'note'),
      ],
      rows: plan.actions.map((action) => [
        action.phase,
        plan.phases.find((phase) => phase.id === action.phase)?.by ?? null,
        action.indicator,
        action.competency,
        action.text,
        action.owner,
        action.due,
        actionStatus(locale, action.status),
        answerCell(locale, action.answer, labels),
        actionFlags(locale, action, labels).join(locale.t('report.xlsx.flagSeparator')) || null,
        action.note,
      ]),
    },
  ];
}

function assessmentSheet(locale: Locale, report: Report): SheetTable {
  const field = (key: Parameters<typeof assessmentField>[1]) => assessmentField(locale, key);
  const crossing = report.baseline?.crossesVersions;
  return {
    name: locale.t('report.xlsx.sheet.assessment'),
    header: [locale.t('report.xlsx.column.field'), locale.t('report.xlsx.column.value')],
    rows: [
      [field('organisation'), report.organisation],
      [field('date'), report.date],
      [field('assessor'), report.assessor],
      [field('model'), report.model.name],
      [field('modelId'), report.model.id],
      [field('modelVersion'), report.model.version],
      ...(report.baseline && crossing ? [[field('baseline'), locale.t('report.xlsx.baselineCrossing', { id: report.baseline.model.id, version: report.baseline.model.version, crossing: crossingText(locale, crossing) })]] : []),
      ...(report.context ? [[field('context'), report.context.name]] : []),
      [field('overallStage'), report.overall.stageName],
      [field('overallScore'), score(report.overall.score)],
      [field('answered'), report.completeness.answered],
      [field('indicators'), report.completeness.total],
      ...(report.stale
        ? [
            [field('staleAfter'), report.stale.after],
            [field('staleBefore'), report.stale.checkedBefore],
            [field('staleAnswers'), report.stale.checkedBefore === null ? null : report.stale.answers.length],
          ]
        : []),
    ],
  };
}

/** The name of a row of the assessment sheet. */
function assessmentField(
  locale: Locale,
  key: 'organisation' | 'date' | 'assessor' | 'model' | 'modelId' | 'modelVersion' | 'baseline' | 'context' | 'overallStage' | 'overallScore' | 'answered' | 'indicators' | 'staleAfter' | 'staleBefore' | 'staleAnswers',
): string {
  return locale.t(`report.xlsx.field.${key}`);
}

function scoresSheet(locale: Locale, report: Report): SheetTable {
  const change = report.baseline !== undefined;
  return {
    name: locale.t('report.xlsx.sheet.scores'),
    header: [column(locale, 'competency'), column(locale, 'stage'), column(locale, 'level'), column(locale, 'score'), ...(change ? [column(locale, 'change')] : [])],
    rows: [
      ...report.competencies.map((competency) => [
        competency.name,
        competency.stageName,
        competency.level,
        score(competency.score),
        ...(change ? [signed(competency.delta)] : []),
      ]),
      [locale.t('report.overall'), report.overall.stageName, report.overall.level, score(report.overall.score), ...(change ? [signed(report.overall.delta)] : [])],
    ],
  };
}

/** Competencies as rows, the stages above the first as columns: how far each is attained. */
/** A change since the baseline, signed (`+0.25`, `-0.30`); empty for a competency the baseline lacks. */
function signed(delta: number | null | undefined): FormattedNumber | null {
  return delta === null || delta === undefined ? null : { value: delta, format: 'change' };
}

function stageGridSheet(locale: Locale, report: Report): SheetTable {
  const stages = report.stages.slice(1);
  return {
    name: locale.t('report.xlsx.sheet.stageGrid'),
    header: [column(locale, 'competency'), ...stages.map((stage) => stage.name), locale.t('report.xlsx.column.currentStage')],
    rows: report.competencies.map((competency) => [
      competency.name,
      ...stages.map((stage) => {
        const attainment = competency.attainment[stage.id];
        return attainment === undefined ? null : { value: truncate2(attainment), format: 'percent' as const };
      }),
      competency.stageName,
    ]),
  };
}

/** Every next step of every competency, as the HTML report lists them: a workbook has no `--all`. */
function nextStepsSheet(locale: Locale, report: Report, labels: AnswerLabels): SheetTable {
  const details = hasStepDetails(report);
  const header = (['competency', 'stage', 'indicator', 'text', 'answer', 'note', 'advice'] as const).map((key) => column(locale, key));
  return {
    name: locale.t('report.nextSteps'),
    header: [...header, ...(details ? stepDetailHeader(locale) : [])],
    rows: report.competencies.flatMap((competency) =>
      competency.next.map((step) => [
        competency.name,
        stageName(report, step.stage),
        step.id,
        step.text,
        answerCell(locale, step.answer, labels),
        step.note,
        step.advice,
        ...(details ? stepDetailCells(locale, step) : []),
      ]),
    ),
  };
}

/** Every answer; with evidence, dates checked, a context or --stale-after, the columns of answerDetailCells too. */
function answersSheet(locale: Locale, report: Report, labels: AnswerLabels): SheetTable {
  const details = hasAnswerDetails(report);
  const stale = staleIds(report);
  const header = (['indicator', 'competency', 'stage', 'text', 'answer', 'note'] as const).map((key) => column(locale, key));
  return {
    name: locale.t('report.answers'),
    header: [...header, ...(details ? answerDetailHeader(locale) : [])],
    rows: report.competencies.flatMap((competency) =>
      competency.indicators.map((indicator) => [
        indicator.id,
        competency.name,
        stageName(report, indicator.stage),
        indicator.text,
        ...(details ? answerDetailCells(locale, indicator, stale, labels) : [answerCell(locale, indicator.answer, labels), indicator.note]),
      ]),
    ),
  };
}
