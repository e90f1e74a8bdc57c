// Values the core needs from the schemas, kept apart from them: the core (scoring, checks) then
// loads no schema, and a run that reads no model file and no saved report builds none.

/** How a competency's indicators are combined into its score. */
export const AGGREGATES = ['mean', 'min', 'median'] as const;

/** How much work an indicator usually takes to reach, from least to most. */
export const EFFORTS = ['small', 'medium', 'large'] as const;

/** The answer that takes an indicator out of every sum; no scale level may use it as an id. */
export const NOT_APPLICABLE = 'n/a';

/** The version of the JSON report's layout, written into every report. */
export const REPORT_SCHEMA_VERSION = 1;

/** The version of the peer benchmark's JSON layout (`benchmark --format json`). */
export const BENCHMARK_SCHEMA_VERSION = 1;

/** Where a plan's action stands. */
export const ACTION_STATUSES = ['todo', 'in-progress', 'done', 'dropped'] as const;

/** The key of a plan phase's targets that sets the overall score's target. */
export const OVERALL = 'overall';
