import * as z from 'zod/mini';
import { isoDate } from './answers.js';
import { slug, text } from './common.js';
import type { MessageKey } from '../locale/keys.js';
import { ACTION_STATUSES } from './constants.js';

/**
 * A target: a stage id (`community`, standing for its level) or a score. Which stage ids and
 * scores the model has is checked against it (core/check-plan.ts).
 */
// The error names a message of the catalogue, said in the run's language (parse/zod-issues.ts).
const targetValue = z.union([slug, z.number()], { error: 'input.schema.target' satisfies MessageKey });

const phaseSchema = z.strictObject({
  id: slug,
  name: z.optional(text),
  /** The day the phase's targets are due, YYYY-MM-DD. */
  by: isoDate,
  /** `overall` or a competency id: the stage id or score it should reach by then. */
  targets: z.optional(z.nullable(z.record(z.string(), targetValue))),
});

const actionSchema = z.strictObject({
  /** The indicator the action raises: the link between the plan and the answers. */
  indicator: slug,
  phase: slug,
  owner: z.optional(z.nullable(text)),
  due: z.optional(z.nullable(isoDate)),
  status: z._default(z.enum(ACTION_STATUSES), 'todo'),
  /** What the model advises for reaching the indicator, copied when the action was proposed. */
  advice: z.optional(z.nullable(text)),
  note: z.optional(z.nullable(text)),
});

/**
 * A plan: where an organisation wants to be by when, and the actions that take it there. Kept
 * beside the answers file; `plan` proposes one, people edit it, `score --plan` tracks it.
 */
export const planSchema = z.strictObject({
  organisation: text,
  /** The model the plan is made for: a built-in model id (with its version) or a model file, relative to the plan. */
  model: text,
  /** The assessment the plan starts from: an answers file or a JSON report, relative to the plan. */
  baseline: text,
  phases: z.array(phaseSchema).check(z.minLength(1)),
  actions: z.optional(z.nullable(z.array(actionSchema))),
});

export type PlanFile = z.infer<typeof planSchema>;
export type PlanInput = z.input<typeof planSchema>;
export type PlanPhase = z.infer<typeof phaseSchema>;
export type PlanAction = z.infer<typeof actionSchema>;
