import * as z from 'zod/mini';
import { inline } from '../report/escape/markdown.js';
import { answersSchema, isoDate, type AnswersFile } from './answers.js';
import { text } from './common.js';
import { keyAnswers, orList } from '../core/model-facts.js';
import { modelSchema, NOT_APPLICABLE, type Competency, type Indicator, type Model } from './model.js';
import { importMapSchema } from './import-map.js';
import { overlaySchema } from './overlay.js';
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

/**
 * The JSON Schema of a zod schema, with a description for editors at each of `descriptions`'
 * paths, and its own title and description.
 */
function describedJsonSchema(schema: z.ZodMiniType, descriptions: Record<string, string>, title: string, description: string): JsonSchema {
  const jsonSchema = z.toJSONSchema(schema, OPTIONS) as JsonSchema;
  for (const [path, text] of Object.entries(descriptions)) describeAt(jsonSchema, path, text);
  return { ...jsonSchema, title, description };
}

/** The JSON Schema of model files, from the zod schema the loader uses. */
export function modelJsonSchema(): JsonSchema {
  return describedJsonSchema(modelSchema, MODEL_FIELD_DESCRIPTIONS, 'cm-maturity model', 'A maturity model: scale, stages and competencies with their indicators.');
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

/** The JSON Schema of a model's translations (`community@2.0.fr.yaml`): texts only, keyed by the model's ids. */
export function overlayJsonSchema(): JsonSchema {
  return describedJsonSchema(
    overlaySchema,
    OVERLAY_FIELD_DESCRIPTIONS,
    'cm-maturity model translation',
    "A translation of a model's texts, in a file beside the model named after it with the language before .yaml (community@2.0.fr.yaml): texts only, keyed by the model's ids; a text left out is the model's own.",
  );
}

/** The JSON Schema of the mapping files of `cm-maturity import --map`: which column of a survey export holds what. */
export function importMapJsonSchema(): JsonSchema {
  return describedJsonSchema(
    importMapSchema,
    IMPORT_MAP_FIELD_DESCRIPTIONS,
    'cm-maturity import mapping',
    'Which column of a survey export (CSV) holds which indicator, and which the timestamp, name, role, e-mail and organisation: for `cm-maturity import --map`. Columns are named by their title in the header row, as written.',
  );
}

/** What each key of a mapping file is, for hover and completion while writing one. */
const IMPORT_MAP_FIELD_DESCRIPTIONS: Record<string, string> = {
  answers: "Column title -> the id of the indicator whose answer the column holds (the scale's ids or labels, n/a, or empty).",
  notes: 'Column title -> the id of the indicator whose note the column holds (free text).',
  timestamp: "The title of the column of the moment each respondent answered: the answers file's date: (the day as written).",
  name: 'The title of the column of the respondent\'s name: respondent: { name }.',
  role: 'The title of the column of the respondent\'s role: respondent: { role }.',
  email: 'The title of the column of e-mail addresses: recognised so that it is left out; addresses are never written.',
  organisation: 'The title of the column of the organisation each respondent answers for (--organisation fills the rows that leave it empty).',
  ignore: 'Titles of columns to pass over (a score, a consent box, …).',
  dates: 'How dates with the year last (10/8/26) are read: day-first or month-first. Without it, the column\'s dates that can be read only one way decide, else such a date is an error.',
};

/** What each key of a translation is, for hover and completion while translating (see MODEL_FIELD_DESCRIPTIONS). */
const OVERLAY_FIELD_DESCRIPTIONS: Record<string, string> = {
  translates: 'The id of the model translated.',
  version: 'The version of the model the texts were written for, as text ("2.0"); another version gets a warning that the translation may be stale.',
  language: 'The language of the texts: en or fr, as in the file name.',
  name: "The model's name.",
  description: "The model's description.",
  source: "The model's attribution text.",
  scale: 'By scale id: { label, description }.',
  contexts: 'By context id: { name, description }.',
  stages: 'By stage id: { name, description }.',
  competencies: 'By competency id: { name, description, stages (descriptors by stage id), sources (titles by URL) }.',
  indicators: "By indicator id: { text, criteria (as many as the model's, in its order), evidence, advice, owner }.",
  migrations: 'Migration notes, by the version migrated from.',
};

/**
 * What each key of a model file is, for hover and completion while writing a model, by its path
 * in the schema: `.` between keys, `[]` for the items of a list.
 */
const MODEL_FIELD_DESCRIPTIONS: Record<string, string> = {
  id: 'The model id, lower case: letters, digits, ".", "_", "-". Answers files name it as model:.',
  name: "The model's name, shown in the title of every report.",
  version: 'The version, as text: quote numbers ("2.0").',
  description: 'What the model measures, and the unit of assessment.',
  source: 'Attribution: where the model comes from.',
  scale: 'The answers, at least two levels, from the top answer down; "n/a" is reserved.',
  'scale[].id': 'What an answers file writes for this answer.',
  'scale[].label': 'The answer as people read it.',
  'scale[].value': 'What the answer counts for, from 0 to 1.',
  'scale[].description': 'What choosing this answer means, so that two assessors of one organisation answer alike.',
  threshold: 'The attainment at which a stage is met, above 0 and at most 1; default 0.75.',
  aggregate: 'How the overall score combines the competency scores: mean (weighted), min or median; default mean.',
  contexts:
    'The settings the model applies to (an internal community, a customer one, …). An answers file names one as context:; the indicators of other contexts then count as n/a.',
  'contexts[].id': 'What an answers file writes as context:, and indicators list in their contexts:.',
  'contexts[].name': 'The context as people read it.',
  'contexts[].description': 'Which organisations or communities the context is for.',
  stages: 'The stages, lowest first, at least two; a stage\'s level is its place in the list (1, 2, …). The first is the starting point and has no indicators.',
  'stages[].id': 'What indicators write as their stage:.',
  'stages[].name': 'The stage as people read it.',
  'stages[].description': 'What an organisation at this stage looks like.',
  competencies: 'The competencies, each scored on its own.',
  'competencies[].id': 'The competency id, as reports and gates (--require) name it.',
  'competencies[].name': 'The competency as people read it.',
  'competencies[].weight': 'Its weight in the overall mean, above 0; default 1.',
  'competencies[].description': 'What the competency covers.',
  'competencies[].stages': 'What this competency looks like at each stage, by stage id.',
  'competencies[].sources': 'Published references the competency draws on: { title, url }, https: URLs.',
  'competencies[].sources[].title': 'The title of the reference.',
  'competencies[].sources[].url': 'Where to read it: an https: URL.',
  'competencies[].indicators': 'What an assessor checks, each at one stage above the first.',
  'competencies[].indicators[].id': 'Unique across the model: what an answers file answers.',
  'competencies[].indicators[].stage': 'The stage the indicator belongs to: any stage but the first.',
  'competencies[].indicators[].text': 'One observable condition, as a statement that is true or not.',
  'competencies[].indicators[].criteria': 'The conditions that must all hold for the top answer: 2 to 4.',
  'competencies[].indicators[].evidence': 'What an assessor looks at to answer: a document, a log, a count.',
  'competencies[].indicators[].advice': 'How to get there: shown with the next steps of every report.',
  'competencies[].indicators[].weight': "Its weight in its stage's attainment, above 0; default 1.",
  'competencies[].indicators[].contexts': "The ids of the contexts it applies to; every context when left out. In another context it counts as n/a.",
  'competencies[].indicators[].effort': 'How much work reaching it usually takes: small, medium or large.',
  'competencies[].indicators[].owner': 'The role that usually does the work.',
  'competencies[].indicators[].key':
    'true: a must-have. Its stage is not met, whatever the attainment, until it is answered at or above the threshold or n/a; the score then stays below the next whole number.',
  migrations: 'How answers to an earlier version of this model carry over to this one.',
  'migrations[].from': 'The earlier version.',
  'migrations[].note': 'What changed, for the people migrating their answers.',
  'migrations[].indicators': 'Each indicator id of the earlier version: the ids of this version it feeds (none, one or several). A new id fed by several takes the lowest of their answers.',
};

/** Sets the description of the property at `path` (see MODEL_FIELD_DESCRIPTIONS); a path that is not there is a mistake here. */
function describeAt(schema: JsonSchema, path: string, description: string): void {
  let node = schema;
  for (const key of path.split('.')) {
    const items = key.endsWith('[]');
    node = (node.properties as Record<string, JsonSchema> | undefined)?.[items ? key.slice(0, -2) : key] as JsonSchema;
    if (node !== undefined && items) node = node.items as JsonSchema;
    if (node === undefined) throw new Error(`the model schema has no ${path}`);
  }
  node.description = description;
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
  context: "The model's context the organisation works in (one of the model's contexts); indicators of other contexts do not apply. Empty: every indicator applies.",
  language: 'The language of the reports (en or fr), unless --lang says otherwise; empty: the locale of the machine that runs the tool.',
  assessor: 'Who gave the answers; empty: not given.',
  respondent: 'The one person whose answers these are, when several people answer separately: { name, role }, both optional free texts.',
  respondents: 'Written by cm-maturity consensus: how many respondents these combined answers come from.',
  panel: 'Written by cm-maturity consensus: the respondents who gave a name or a role, each { name, role }.',
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
  const evidence = z.optional(z.array(text).check(z.minLength(1)));
  const checked = z.optional(isoDate);
  // Keys are text, so the ids alone: a numeric id written as a number is the same key.
  const answerIds = z.enum([model.scale[0]!.id, ...model.scale.slice(1).map((level) => level.id), NOT_APPLICABLE]);
  const distribution = z.optional(z.partialRecord(answerIds, z.int().check(z.gte(1))));
  const entry = z.xor([answer, z.strictObject({ answer: z.optional(z.xor([answer, z.null()])), note: z.optional(text), evidence, checked, distribution }), z.null()]);
  registry.add(answer, { id: 'answer', ...answerDescriptions(model, answer.def.values) });
  registry.add(entry, { id: 'entry' });
  registry.add(text, { id: 'text' });
  registry.add(evidence, { description: ENTRY_EVIDENCE });
  registry.add(checked, { description: ENTRY_CHECKED });
  registry.add(distribution, { description: ENTRY_DISTRIBUTION });
  const indicators: Record<string, z.ZodMiniType> = {};
  for (const competency of model.competencies) {
    for (const indicator of competency.indicators) {
      const property = z.optional(entry);
      registry.add(property, indicatorHover(model, competency, indicator));
      indicators[indicator.id] = property;
    }
  }
  const shape: Record<string, z.ZodMiniType> = { answers: z.optional(z.nullable(z.strictObject(indicators))) };
  if (model.contexts !== undefined) {
    // Only the model's contexts, each with its name and description for completion and hover.
    const context = z.enum(model.contexts.map((candidate) => candidate.id) as [string, ...string[]]);
    const enumDescriptions = model.contexts.map((candidate) => (candidate.description === undefined ? candidate.name : `${candidate.name} — ${candidate.description}`));
    registry.add(context, { enumDescriptions, markdownEnumDescriptions: enumDescriptions.map(inline) });
    shape.context = z.optional(z.nullable(context));
  }
  const specific = z.extend(answersSchema, shape);
  return {
    ...describeFields(z.toJSONSchema(specific, { ...OPTIONS, metadata: registry, reused: 'ref' }) as JsonSchema),
    title: `cm-maturity answers for ${model.name} (${model.id} ${model.version})`,
    description: `Answers: ${model.scale.map((level) => `${level.id} (${level.label})`).join(', ')}, or ${NOT_APPLICABLE}; empty while not answered.`,
  };
}

const ENTRY_EVIDENCE = 'What the answer rests on: links or short texts, one item each.';
const ENTRY_DISTRIBUTION = 'Written by cm-maturity consensus: how many respondents gave each answer.';
const ENTRY_CHECKED = 'The day the answer was last checked against its evidence, YYYY-MM-DD.';

/**
 * What an editor shows for an indicator: its competency and stage (and whether it is a key
 * indicator) as the title; its text, then what the model says about it, one paragraph each.
 */
function indicatorHover(model: Model, competency: Competency, indicator: Indicator): Pick<EditorMetadata, 'title' | 'description' | 'markdownDescription'> {
  const stage = model.stages.find((candidate) => candidate.id === indicator.stage)?.name ?? indicator.stage;
  const top = model.scale.reduce((best, level) => (level.value > best.value ? level : best));
  const contextName = (id: string) => model.contexts?.find((context) => context.id === id)?.name ?? id;
  // Each part as [plain text, markdown], in the order an assessor needs them.
  const parts: [string, string][] = [[indicator.text, inline(indicator.text)]];
  if (indicator.criteria !== undefined) {
    parts.push([
      [`Criteria (all must hold for "${top.id}"):`, ...indicator.criteria.map((criterion) => `- ${criterion}`)].join('\n'),
      [`**Criteria** (all must hold for "${inline(top.id)}"):`, ...indicator.criteria.map((criterion) => `- ${inline(criterion)}`)].join('\n'),
    ]);
  }
  if (indicator.evidence !== undefined) parts.push([`Evidence: ${indicator.evidence}`, `**Evidence:** ${inline(indicator.evidence)}`]);
  if (indicator.advice !== undefined) parts.push([`Advice: ${indicator.advice}`, `**Advice:** ${inline(indicator.advice)}`]);
  const work = [
    ...(indicator.effort === undefined ? [] : [[`Effort: ${indicator.effort}`, `**Effort:** ${indicator.effort}`]]),
    ...(indicator.owner === undefined ? [] : [[`Owner: ${indicator.owner}`, `**Owner:** ${inline(indicator.owner)}`]]),
  ];
  if (work.length > 0) parts.push([work.map(([plain]) => plain).join(' · '), work.map(([, markdown]) => markdown).join(' · ')]);
  if (indicator.key === true) {
    const answers = keyAnswers(model);
    parts.push([
      `Key indicator: ${stage} is not met until this one is answered ${orList(answers)}.`,
      `**Key indicator:** ${inline(stage)} is not met until this one is answered ${orList(answers.map(inline))}.`,
    ]);
  }
  if (model.contexts !== undefined) {
    const names = indicator.contexts?.map(contextName);
    parts.push(
      names === undefined
        ? ['Applies in every context.', 'Applies in every context.']
        : [`Applies only in: ${names.join(', ')}.`, `**Applies only in:** ${names.map(inline).join(', ')}.`],
    );
  }
  return {
    title: `${competency.name} · stage: ${stage}${indicator.key === true ? ' · key indicator' : ''}`,
    description: parts.map(([plain]) => plain).join('\n\n'),
    markdownDescription: parts.map(([, markdown]) => markdown).join('\n\n'),
  };
}

/** What each allowed answer means, in the order of the enum (a numeric scale id is there twice: as text and as a number). */
function answerDescriptions(model: Model, values: readonly unknown[]): Pick<EditorMetadata, 'enumDescriptions' | 'markdownEnumDescriptions'> {
  const meaning = (value: unknown) => {
    const level = model.scale.find((candidate) => candidate.id === String(value));
    if (level === undefined) return 'does not apply';
    return level.description === undefined ? level.label : `${level.label} — ${level.description}`;
  };
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
