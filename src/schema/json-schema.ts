import * as z from 'zod/mini';
import { inline } from '../report/escape/markdown.js';
import { answersSchema, isoDate, type AnswersFile } from './answers.js';
import { text } from './common.js';
import { modelSchema, NOT_APPLICABLE, type Model } from './model.js';
import { planSchema } from './plan.js';

/** A JSON Schema document, as plain data. */
export type JsonSchema = Record<string, unknown>;

type Override = NonNullable<NonNullable<Parameters<typeof z.toJSONSchema>[1]>['override']>;

/**
 * A nullable value is "the value, or empty": zod writes it as an `anyOf`. Where the value itself
 * is never null the two branches exclude each other, and a `oneOf` validates the same. The YAML
 * language server's hover repeats the title once per branch of an `anyOf` whose branches all
 * match (`title || title`); of a `oneOf` it shows it once.
 */
const exclusiveNullable: Override = ({ zodSchema, jsonSchema }) => {
  if (zodSchema._zod.def.type !== 'nullable' || jsonSchema.anyOf === undefined) return;
  if (z.safeParse(zodSchema._zod.def.innerType, null).success) return;
  jsonSchema.oneOf = jsonSchema.anyOf;
  delete jsonSchema.anyOf;
};

/**
 * Draft-07 is what editors' YAML language servers read; `input` describes what a user writes
 * (defaults optional).
 */
const OPTIONS = { io: 'input', target: 'draft-7', override: exclusiveNullable } as const;

/** The JSON Schema of model files, from the zod schema the loader uses. */
export function modelJsonSchema(): JsonSchema {
  return {
    ...(z.toJSONSchema(modelSchema, OPTIONS) as JsonSchema),
    title: 'cm-maturity model',
    description: 'A maturity model: scale, stages and competencies with their indicators.',
  };
}

/** The JSON Schema of plan files: phases with targets, and actions with owners and statuses. */
export function planJsonSchema(): JsonSchema {
  const registry = z.registry<EditorMetadata>();
  registry.add(isoDate, { patternErrorMessage: DATE_MESSAGE });
  return {
    ...(z.toJSONSchema(planSchema, { ...OPTIONS, metadata: registry }) as JsonSchema),
    title: 'cm-maturity plan',
    description: 'Targets by phase, and the actions that reach them: made by `cm-maturity plan`, edited by people, tracked by `score --plan`.',
  };
}

/**
 * Keywords beside standard JSON Schema that the YAML language server (VS Code, Neovim, Helix, …)
 * reads: hover and completion text in markdown, one text per enum value, and the message of a
 * failed pattern. They constrain nothing; a strict validator is told so, e.g. with ajv:
 * `ajv.addVocabulary(EDITOR_KEYWORDS)`.
 */
export const EDITOR_KEYWORDS = ['markdownDescription', 'enumDescriptions', 'markdownEnumDescriptions', 'patternErrorMessage'];

/** The annotations our schemas carry: zod's, and the editor keywords above. */
interface EditorMetadata {
  id?: string;
  title?: string;
  description?: string;
  markdownDescription?: string;
  enumDescriptions?: string[];
  markdownEnumDescriptions?: string[];
  patternErrorMessage?: string;
}

/** What each key of an answers file is, for hover and completion. */
const FIELD_DESCRIPTIONS: Record<keyof AnswersFile, string> = {
  organisation: 'The organisation the answers are about.',
  date: 'The day the answers describe, YYYY-MM-DD; empty: not given.',
  model: 'The model answered: a built-in model id, or a path to a model file relative to this file. Without it: community, or --model.',
  context: "The model's context the organisation works in (one of the model's contexts); indicators of other contexts do not apply.",
  assessor: 'Who gave the answers; empty: not given.',
  answers: 'Indicator id: answer (a scale id or n/a), or { answer, note, evidence, checked }; empty: not answered yet.',
};

/**
 * The keys of an answers file with their descriptions. A `$ref` is wrapped in an `allOf`, so that
 * the description stands beside it, not as a sibling of the `$ref` that draft-07 ignores.
 */
function describeFields(schema: JsonSchema): JsonSchema {
  const properties = { ...(schema.properties as Record<string, JsonSchema>) };
  for (const [key, description] of Object.entries(FIELD_DESCRIPTIONS)) {
    const property = properties[key]!;
    properties[key] = property.$ref === undefined ? { description, ...property } : { description, allOf: [property] };
  }
  return { ...schema, properties };
}

/** The date's pattern is a long regular expression; an editor shows this instead. */
const DATE_MESSAGE = 'must be a date that exists, written YYYY-MM-DD (e.g. 2026-10-01)';

/**
 * The JSON Schema of answers files. Without a model it checks the shape only (any indicator id,
 * any answer); for a model it names every indicator and allows only the model's scale ids and
 * `n/a` (for completion, each with its label).
 *
 * What an editor shows on hover over an indicator id is the indicator's own text, its competency
 * and stage (the title) and its advice. The YAML language server takes the first title and
 * description among the schemas an answer matches, the innermost first, and joins the titles of
 * an `anyOf` whose branches all match; so the shared parts under `definitions` carry no title or
 * description, and the alternatives of an answer are a `oneOf` (they are exclusive: a scale id or
 * `n/a`, a mapping, or empty), which validates the same.
 */
export function answersJsonSchema(model?: Model): JsonSchema {
  // A registry of our own, not zod's global one: the shared parts get readable names under
  // `definitions`, and nothing leaks between calls for different models.
  const registry = z.registry<EditorMetadata>();
  registry.add(isoDate, { patternErrorMessage: DATE_MESSAGE });
  if (model === undefined) {
    return {
      ...describeFields(z.toJSONSchema(answersSchema, { ...OPTIONS, metadata: registry }) as JsonSchema),
      title: 'cm-maturity answers',
      description: "An organisation's answers to a maturity model.",
    };
  }
  const answer = answerValue(model);
  const entry = z.xor([
    answer,
    z.strictObject({ answer: z.optional(z.xor([answer, z.null()])), note: z.optional(text), evidence: z.optional(z.array(text).check(z.minLength(1))), checked: z.optional(isoDate) }),
    z.null(),
  ]);
  registry.add(answer, { id: 'answer', ...answerDescriptions(model, answer.def.values) });
  registry.add(entry, { id: 'entry' });
  registry.add(text, { id: 'text' });
  const indicators: Record<string, z.ZodMiniType> = {};
  for (const competency of model.competencies) {
    for (const indicator of competency.indicators) {
      const stage = model.stages.find((candidate) => candidate.id === indicator.stage)?.name ?? indicator.stage;
      const property = z.optional(entry);
      registry.add(property, {
        title: `${competency.name} · stage: ${stage}`,
        description: indicator.advice === undefined ? indicator.text : `${indicator.text}\n\nAdvice: ${indicator.advice}`,
        markdownDescription: indicator.advice === undefined ? inline(indicator.text) : `${inline(indicator.text)}\n\n**Advice:** ${inline(indicator.advice)}`,
      });
      indicators[indicator.id] = property;
    }
  }
  const specific = z.extend(answersSchema, { answers: z.optional(z.nullable(z.strictObject(indicators))) });
  return {
    ...describeFields(z.toJSONSchema(specific, { ...OPTIONS, metadata: registry, reused: 'ref' }) as JsonSchema),
    title: `cm-maturity answers for ${model.name} (${model.id} ${model.version})`,
    description: `Answers: ${model.scale.map((level) => `${level.id} (${level.label})`).join(', ')}, or ${NOT_APPLICABLE}; empty while not answered.`,
  };
}

/** What each allowed answer means, in the order of the enum (a numeric scale id is there twice: as text and as a number). */
function answerDescriptions(model: Model, values: readonly unknown[]): Pick<EditorMetadata, 'enumDescriptions' | 'markdownEnumDescriptions'> {
  const meaning = (value: unknown) => model.scale.find((level) => level.id === String(value))?.label ?? 'does not apply';
  const enumDescriptions = values.map(meaning);
  return { enumDescriptions, markdownEnumDescriptions: enumDescriptions.map(inline) };
}

/**
 * The scale ids and `n/a`. A scale id that reads as a number in YAML (`0`, `1`) may be written
 * unquoted, as the loader accepts, so its number is allowed too.
 */
function answerValue(model: Model) {
  const values: (string | number)[] = [...model.scale.map((level) => level.id), NOT_APPLICABLE];
  for (const level of model.scale) {
    const number = Number(level.id);
    if (level.id.trim() !== '' && Number.isFinite(number) && String(number) === level.id) values.push(number);
  }
  return z.literal(values);
}

/** A schema as the text of its file: stable key order, two-space indent, final newline. */
export function jsonSchemaText(schema: JsonSchema): string {
  return `${JSON.stringify(schema, null, 2)}\n`;
}
