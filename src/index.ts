/**
 * cm-maturity as a library: load and check a maturity model and an organisation's answers,
 * score them, and format the result. The CLI is built on exactly these functions.
 */
export { UserError, formatDiagnostic, type Diagnostic } from './errors.js';

export { modelSchema, NOT_APPLICABLE, AGGREGATES } from './schema/model.js';
export type { Model, ModelInput, Stage, Competency, Indicator, ScaleLevel, Aggregate } from './schema/model.js';
export { answersSchema } from './schema/answers.js';
export type { AnswersFile, AnswerEntry } from './schema/answers.js';
export { reportSchema, REPORT_SCHEMA_VERSION } from './schema/report.js';
export { modelJsonSchema, answersJsonSchema, planJsonSchema, overlayJsonSchema, importMapJsonSchema, jsonSchemaText, type JsonSchema } from './schema/json-schema.js';
export { importMapSchema, DATE_ORDERS, type ImportMap, type DateOrder } from './schema/import-map.js';
export { planSchema } from './schema/plan.js';
export type { PlanFile, PlanPhase, PlanAction } from './schema/plan.js';
export { ORGANISATION_PLACEHOLDER, type MigratedFrom, type CombinedFrom } from './core/answers-template.js';
export { answersTemplate, type AnswersTemplateOptions } from './answers-template.js';
export { migrateAnswers, migrationChain, checkMigration, type MigrationStep, type MigratedAnswers, type SourceAnswer } from './core/migrate.js';
export { chainTo, versionCrossing, type ResultModel, type VersionCrossing } from './pipeline/model-versions.js';
export type { Report, CompetencyResult, IndicatorResult, NextStep, OverallResult } from './schema/report.js';

export { checkModel } from './core/check-model.js';
export { lintModel, SMALL_COMPETENCY_RATIO } from './core/lint-model.js';
export { checkAnswers, unansweredIndicators, type Assessment, type Answer } from './core/assessment.js';
export { scoreAssessment } from './core/score.js';
export { checkPlan, targetLevel, type PlanCheck } from './core/check-plan.js';
export { proposePlan, type PlanRequest, type Proposal } from './core/plan.js';
export { planProgress, percentToTarget, progressToDate } from './core/progress.js';
export { indicatorCount } from './core/model-facts.js';
export { truncate2, formatScore } from './core/truncate.js';
export type { InputIssue } from './core/issue.js';

export { readTextFile, readStdin, MAX_INPUT_BYTES, type TextSource } from './read/text.js';
export { loadModel, resolveModel, loadModelAt, type LoadedModel, type ModelLocation } from './pipeline/load-model.js';
export { parseModel } from './parse/model.js';
export { loadAssessment, parseAssessment } from './pipeline/load-assessment.js';
export type { LoadOptions, LoadedAssessment } from './pipeline/load-model.js';
export { builtinModelIds, DEFAULT_MODEL_ID } from './read/builtin-models.js';
export { overlaySchema, type Overlay } from './schema/overlay.js';
export { checkOverlay, translateModel, type OverlayCheck } from './core/overlay.js';
export { translatedModel, overlayPathOf } from './pipeline/load-overlay.js';
export { parseOverlay, type CheckedOverlay } from './parse/overlay.js';
export { LANGUAGES, DEFAULT_LANGUAGE, type Language } from './schema/language.js';
export { documentKind, type DocumentKind } from './parse/document-kind.js';

export { reportFormats, DEFAULT_NEXT_STEPS, type BinaryFormatter, type FormatName, type FormatOptions, type Formatter } from './report/single/index.js';

export { scoreDelta, withBaseline, modelMismatch } from './core/compare.js';
export { evaluateGates, resolveTarget, type GatePolicy, type ScoreFloor } from './core/gates.js';
export { diffReports, regressions } from './core/diff.js';
export { buildHistory, sparkline, type HistoryEntry, type HistoryProblem } from './core/history.js';
export { loadResult, parseResult, type LoadedResult } from './pipeline/load-result.js';
export { committedVersions, type CommittedVersion } from './read/git-history.js';
export { diffSchema, type Diff } from './schema/diff.js';
export { historySchema, type History } from './schema/history.js';
export { validationSchema, type Validation } from './schema/validation.js';
export { modelListSchema, type ModelList } from './schema/models.js';
export type { BaselineResult, CrossesVersions, GateResult, PlanProgress, PlanSubject, PlanActionResult } from './schema/report.js';
export { diffFormats, type DiffFormatName } from './report/diff/index.js';
export { historyFormats, type HistoryFormatName } from './report/history/index.js';
export { portfolioFormats, type PortfolioFormatName } from './report/portfolio/index.js';
export { benchmarkFormats, type BenchmarkFormatName } from './report/benchmark/index.js';
export { combineAnswers, CONSENSUS_METHODS, type ConsensusMethod, type RespondentAnswers } from './core/consensus.js';
export { disagreementOf, type DisagreementInput } from './core/disagreement.js';
export { disagreementSchema, type Disagreement } from './schema/disagreement.js';
export { disagreementFormats, type DisagreementFormatName } from './report/consensus/index.js';
export type { DisagreementFormatOptions, DisagreementFormatter, BinaryDisagreementFormatter } from './report/consensus/format.js';
