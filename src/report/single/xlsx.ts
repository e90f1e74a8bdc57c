import type { Report } from '../../schema/report.js';
import { truncate2 } from '../../core/truncate.js';
import { staleIds } from '../../core/stale.js';
import { crossingText, hasAnswerDetails, hasStepDetails, stageName } from '../text.js';
import { actionFlags } from '../plan-text.js';
import { answerDetailCells, ANSWER_DETAIL_HEADER, stepDetailCells, STEP_DETAIL_HEADER } from '../xlsx-details.js';
import { score, workbookBytes, type FormattedNumber, type SheetTable } from '../xlsx.js';
import type { BinaryFormatter } from './format.js';

/**
 * The report as an Excel workbook: the assessment, the scores, the stage grid, every next step
 * and every answer with its note, one sheet each. Scores, levels and attainments are number
 * cells (attainments shown as percentages); every text from the files is a string cell.
 */
export const formatXlsx: BinaryFormatter = (report) => workbookBytes(reportSheets(report), report.date);

function reportSheets(report: Report): SheetTable[] {
  return [assessmentSheet(report), scoresSheet(report), stageGridSheet(report), nextStepsSheet(report), answersSheet(report), ...planSheets(report)];
}

/** With --plan: where each competency stands against the plan, and every action of it. */
function planSheets(report: Report): SheetTable[] {
  const plan = report.plan;
  if (plan === undefined) return [];
  const fraction = (value: number | null): FormattedNumber | null => (value === null ? null : { value, format: 'percent' });
  const target = (value: number | null) => (value === null ? null : score(value));
  const subjects = [...plan.competencies, { ...plan.overall, name: 'Overall' }];
  return [
    {
      name: 'Plan',
      header: ['Competency', 'Score', 'Baseline', 'Phase target', 'Goal', 'Gap', 'To goal', 'Progress', 'On track'],
      rows: subjects.map((subject) => [
        subject.name,
        score(subject.score),
        target(subject.baseline),
        target(subject.phaseTarget),
        target(subject.target),
        target(subject.gap),
        fraction(subject.percentToTarget),
        fraction(subject.progressToDate),
        subject.onTrack === null ? null : subject.onTrack ? 'yes' : 'behind',
      ]),
    },
    {
      name: 'Actions',
      header: ['Phase', 'Phase due', 'Indicator', 'Competency', 'Text', 'Owner', 'Due', 'Status', 'Answer', 'Attention', 'Note'],
      rows: plan.actions.map((action) => [
        action.phase,
        plan.phases.find((phase) => phase.id === action.phase)?.by ?? null,
        action.indicator,
        action.competency,
        action.text,
        action.owner,
        action.due,
        action.status,
        action.answer,
        actionFlags(action).join('; ') || null,
        action.note,
      ]),
    },
  ];
}

function assessmentSheet(report: Report): SheetTable {
  return {
    name: 'Assessment',
    header: ['Field', 'Value'],
    rows: [
      ['Organisation', report.organisation],
      ['Date', report.date],
      ['Assessor', report.assessor],
      ['Model', report.model.name],
      ['Model id', report.model.id],
      ['Model version', report.model.version],
      ...(report.baseline?.crossesVersions ? [['Baseline', `${report.baseline.model.id} ${report.baseline.model.version}: ${crossingText(report.baseline.crossesVersions)}`]] : []),
      ...(report.context ? [['Context', report.context.name]] : []),
      ['Overall stage', report.overall.stageName],
      ['Overall score', score(report.overall.score)],
      ['Indicators answered', report.completeness.answered],
      ['Indicators', report.completeness.total],
      ...(report.stale
        ? [
            ['Stale after', report.stale.after],
            ['Stale if checked before', report.stale.checkedBefore],
            ['Stale answers', report.stale.checkedBefore === null ? null : report.stale.answers.length],
          ]
        : []),
    ],
  };
}

function scoresSheet(report: Report): SheetTable {
  const change = report.baseline !== undefined;
  return {
    name: 'Scores',
    header: ['Competency', 'Stage', 'Level', 'Score', ...(change ? ['Change'] : [])],
    rows: [
      ...report.competencies.map((competency) => [
        competency.name,
        competency.stageName,
        competency.level,
        score(competency.score),
        ...(change ? [signed(competency.delta)] : []),
      ]),
      ['Overall', report.overall.stageName, report.overall.level, score(report.overall.score), ...(change ? [signed(report.overall.delta)] : [])],
    ],
  };
}

/** Competencies as rows, the stages above the first as columns: how far each is attained. */
/** A change since the baseline, signed (`+0.25`, `-0.30`); empty for a competency the baseline lacks. */
function signed(delta: number | null | undefined): FormattedNumber | null {
  return delta === null || delta === undefined ? null : { value: delta, format: 'change' };
}

function stageGridSheet(report: Report): SheetTable {
  const stages = report.stages.slice(1);
  return {
    name: 'Stage grid',
    header: ['Competency', ...stages.map((stage) => stage.name), 'Current stage'],
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
function nextStepsSheet(report: Report): SheetTable {
  const details = hasStepDetails(report);
  return {
    name: 'Next steps',
    header: ['Competency', 'Stage', 'Indicator', 'Text', 'Answer', 'Note', 'Advice', ...(details ? STEP_DETAIL_HEADER : [])],
    rows: report.competencies.flatMap((competency) =>
      competency.next.map((step) => [competency.name, stageName(report, step.stage), step.id, step.text, step.answer, step.note, step.advice, ...(details ? stepDetailCells(step) : [])]),
    ),
  };
}

/** Every answer; with evidence, dates checked, a context or --stale-after, the columns of answerDetailCells too. */
function answersSheet(report: Report): SheetTable {
  const details = hasAnswerDetails(report);
  const stale = staleIds(report);
  return {
    name: 'Answers',
    header: ['Indicator', 'Competency', 'Stage', 'Text', 'Answer', 'Note', ...(details ? ANSWER_DETAIL_HEADER : [])],
    rows: report.competencies.flatMap((competency) =>
      competency.indicators.map((indicator) => [
        indicator.id,
        competency.name,
        stageName(report, indicator.stage),
        indicator.text,
        ...(details ? answerDetailCells(indicator, stale) : [indicator.answer, indicator.note]),
      ]),
    ),
  };
}
