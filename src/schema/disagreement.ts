import * as z from 'zod/mini';

/** Where several respondents of one organisation disagree, as `consensus --report --format json` writes it; types are inferred from here. */
export const DISAGREEMENT_SCHEMA_VERSION = 1;

const respondentSchema = z.strictObject({
  /** The answers file. */
  file: z.string(),
  name: z.nullable(z.string()),
  role: z.nullable(z.string()),
});

const indicatorSpreadSchema = z.strictObject({
  id: z.string(),
  stage: z.string(),
  text: z.string(),
  /**
   * Scale steps between the highest and the lowest answer on the scale (`n/a` and unanswered left
   * out); null when fewer than two respondents answered on the scale.
   */
  spread: z.nullable(z.int()),
  /** How many respondents gave each answer, in scale order then `n/a`. */
  distribution: z.record(z.string(), z.int()),
  /** Each respondent's answer, in the order of `respondents`: a scale id, `n/a`, or null when not answered. */
  answers: z.array(z.nullable(z.string())),
  /** Some respondents said `n/a` and others answered on the scale: whether it applies is itself in question. */
  applicabilityDisputed: z.boolean(),
});

const competencySpreadSchema = z.strictObject({
  id: z.string(),
  name: z.string(),
  /**
   * 1 − (mean spread ÷ widest spread the scale allows) over the indicators at least two respondents
   * answered on the scale: 1 when everyone gave the same answers, 0 when every such indicator
   * spans the whole scale; null when no indicator was answered on the scale by two respondents.
   */
  agreement: z.nullable(z.number()),
  /** The mean spread over those indicators, in scale steps; null as above. */
  meanSpread: z.nullable(z.number()),
  /** How many indicators the figures are over. */
  compared: z.int(),
  /** Every indicator that applies, the widest spread first (then model order; no spread last). */
  indicators: z.array(indicatorSpreadSchema),
});

const calibrationSchema = z.strictObject({
  /** The respondent's place in `respondents`. */
  respondent: z.int(),
  /**
   * The mean, over the indicators this respondent and at least one other answered on the scale, of
   * the distance in scale steps between this respondent's answer and the median of the others'
   * answers (the mean of the two middle ones for an even count); null when there is none.
   */
  deviation: z.nullable(z.number()),
  /** How many indicators the deviation is over. */
  compared: z.int(),
});

export const disagreementSchema = z.strictObject({
  schemaVersion: z.literal(DISAGREEMENT_SCHEMA_VERSION),
  model: z.strictObject({ id: z.string(), name: z.string(), version: z.string() }),
  organisation: z.string(),
  /** The model's scale from the lowest value to the highest: a level's place in it is its step. */
  scale: z.array(z.strictObject({ id: z.string(), label: z.string() })),
  /** Every respondent, in a fixed order (by file). */
  respondents: z.array(respondentSchema),
  /** Agreement over every competency's compared indicators, defined as for one competency. */
  agreement: z.nullable(z.number()),
  /** The competencies, the least agreement first (then model order). */
  competencies: z.array(competencySpreadSchema),
  /**
   * What to discuss first: the indicators whose spread is at least half the scale's width (two steps
   * on a four-level scale) or whose applicability is disputed, the widest spread first (then model order).
   */
  discussFirst: z.array(z.strictObject({ id: z.string(), competency: z.string(), spread: z.nullable(z.int()) })),
  /** How far each respondent's answers sit from the others': a calibration hint, the largest first. */
  calibration: z.array(calibrationSchema),
});

export type Disagreement = z.infer<typeof disagreementSchema>;
export type IndicatorSpread = z.infer<typeof indicatorSpreadSchema>;
export type CompetencySpread = z.infer<typeof competencySpreadSchema>;
