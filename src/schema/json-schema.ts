import * as z from 'zod/mini';
import { answersSchema } from './answers.js';
import { text } from './common.js';
import { modelSchema, NOT_APPLICABLE, type Model } from './model.js';

/** A JSON Schema document, as plain data. */
export type JsonSchema = Record<string, unknown>;

/** Draft-07 is what editors' YAML language servers read; `input` describes what a user writes (defaults optional). */
const OPTIONS = { io: 'input', target: 'draft-7' } as const;

/** The JSON Schema of model files, from the zod schema the loader uses. */
export function modelJsonSchema(): JsonSchema {
  return {
    ...(z.toJSONSchema(modelSchema, OPTIONS) as JsonSchema),
    title: 'cm-maturity model',
    description: 'A maturity model: scale, stages and competencies with their indicators.',
  };
}

/**
 * The JSON Schema of answers files. Without a model it checks the shape only (any indicator id,
 * any answer); for a model it names every indicator (its text as the description, for hover
 * text) and allows only the model's scale ids and `n/a` (for completion).
 */
export function answersJsonSchema(model?: Model): JsonSchema {
  if (model === undefined) {
    return {
      ...(z.toJSONSchema(answersSchema, OPTIONS) as JsonSchema),
      title: 'cm-maturity answers',
      description: "An organisation's answers to a maturity model.",
    };
  }
  // A registry of our own, not zod's global one: the shared parts get readable names under
  // `definitions`, and nothing leaks between calls for different models.
  const registry = z.registry<{ id?: string; title?: string; description?: string }>();
  const answer = answerValue(model);
  const entry = z.nullable(z.union([answer, z.strictObject({ answer: z.optional(z.nullable(answer)), note: z.optional(text) })]));
  registry.add(answer, { id: 'answer', description: `${model.scale.map((level) => `${level.id}: ${level.label}`).join('; ')}; ${NOT_APPLICABLE}: does not apply` });
  registry.add(entry, { id: 'entry', description: 'An answer, or { answer, note }; empty while not answered' });
  registry.add(text, { id: 'text' });
  const indicators: Record<string, z.ZodMiniType> = {};
  for (const competency of model.competencies) {
    for (const indicator of competency.indicators) {
      const stage = model.stages.find((candidate) => candidate.id === indicator.stage)?.name ?? indicator.stage;
      const property = z.optional(entry);
      registry.add(property, { title: `${competency.name} · ${stage}`, description: indicator.text });
      indicators[indicator.id] = property;
    }
  }
  const specific = z.extend(answersSchema, { answers: z.optional(z.nullable(z.strictObject(indicators))) });
  return {
    ...(z.toJSONSchema(specific, { ...OPTIONS, metadata: registry, reused: 'ref' }) as JsonSchema),
    title: `cm-maturity answers for ${model.name} (${model.id} ${model.version})`,
    description: `Answers: ${model.scale.map((level) => `${level.id} (${level.label})`).join(', ')}, or ${NOT_APPLICABLE}; empty while not answered.`,
  };
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
