import { describe, expect, it } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { parse } from 'yaml';
import { loadModel } from '../../src/pipeline/load-model.js';
import { answersJsonSchema, EDITOR_KEYWORDS, jsonSchemaText, modelJsonSchema } from '../../src/schema/json-schema.js';
import { ROOT } from '../helpers/cli.js';
import { runInProcess } from '../helpers/in-process.js';

// The JSON Schemas are checked with a real JSON Schema validator (ajv, draft-07), as an editor
// would use them: what the tool accepts passes, and the shape errors a schema can catch fail.

const SCHEMA_DIR = join(ROOT, 'schema');
const readSchema = (name: string) => JSON.parse(readFileSync(join(SCHEMA_DIR, name), 'utf8')) as Record<string, unknown>;
const readYamlFile = (path: string) => parse(readFileSync(join(ROOT, path), 'utf8'), { version: '1.2' }) as unknown;

function compile(schema: Record<string, unknown>): ValidateFunction {
  const ajv = new Ajv({ allErrors: true, strict: true });
  addFormats.default(ajv);
  ajv.addVocabulary(EDITOR_KEYWORDS);
  return ajv.compile(schema);
}

const EXAMPLES = readdirSync(join(ROOT, 'examples', 'community@1.0')).filter((name) => name.endsWith('.yaml')).map((name) => `examples/community@1.0/${name}`);

/** Answers fixtures whose error is one of shape: unknown keys, wrong types, values outside the scale, a bad date. */
const BAD_ANSWERS = [
  'unknown-indicator', // an indicator id the model does not have
  'wrong-type', // organisation a number, answers a list
  'invalid-date', // 2026-02-30
  'answer-outside-scale', // "maybe"
  'answer-unknown-key', // notes: instead of note:
  'missing-organisation',
  'answer-wrong-type', // answer: [list], note: []
  'unknown-top-level-key', // asessor:
];

/** Model fixtures whose error is one of shape. Cross-reference errors (duplicate ids, unknown stages) are the loader's alone. */
const BAD_MODELS = [
  'scale-value-too-high', // value 2
  'missing-name',
  'unknown-key', // weigth:
  'negative-weight',
  'threshold-text', // "high"
  'threshold-too-high',
  'threshold-zero',
  'bad-slug', // "Strategy Goals"
  'version-number', // 1.0
  'top-level-list',
];

describe('shipped JSON Schemas', () => {
  it('are the committed files, equal to fresh output (run `npm run schemas` after changing a schema or a built-in model)', async () => {
    const { model } = await loadModel('community');
    expect(readFileSync(join(SCHEMA_DIR, 'model.schema.json'), 'utf8')).toBe(jsonSchemaText(modelJsonSchema()));
    expect(readFileSync(join(SCHEMA_DIR, 'answers.schema.json'), 'utf8')).toBe(jsonSchemaText(answersJsonSchema()));
    expect(readFileSync(join(SCHEMA_DIR, 'answers.community.schema.json'), 'utf8')).toBe(jsonSchemaText(answersJsonSchema(model)));
    expect(readdirSync(SCHEMA_DIR).sort()).toEqual(['answers.community.schema.json', 'answers.community@1.0.schema.json', 'answers.community@2.0.schema.json', 'answers.schema.json', 'import-map.schema.json', 'model.schema.json', 'overlay.schema.json', 'plan.schema.json']);
  });

  it('are draft-07 and compile in strict mode', () => {
    for (const name of readdirSync(SCHEMA_DIR)) {
      const schema = readSchema(name);
      expect(schema.$schema).toBe('http://json-schema.org/draft-07/schema#');
      expect(() => compile(schema), name).not.toThrow();
    }
  });

  it('the model schema accepts the built-in model and rejects every shape error among the bad models', () => {
    const validate = compile(readSchema('model.schema.json'));
    expect(validate(readYamlFile('models/community@1.0.yaml')), JSON.stringify(validate.errors)).toBe(true);
    expect(validate(readYamlFile('test/fixtures/weak-models/weak.yaml'))).toBe(true);
    for (const name of BAD_MODELS) expect(validate(readYamlFile(`test/fixtures/bad-models/${name}.yaml`)), name).toBe(false);
  });

  it('the answers schemas accept every example; the community one rejects every shape error among the bad answers', () => {
    const specific = compile(readSchema('answers.community@1.0.schema.json'));
    const generic = compile(readSchema('answers.schema.json'));
    for (const file of EXAMPLES) {
      expect(specific(readYamlFile(file)), `${file}: ${JSON.stringify(specific.errors)}`).toBe(true);
      expect(generic(readYamlFile(file)), file).toBe(true);
    }
    for (const name of BAD_ANSWERS) expect(specific(readYamlFile(`test/fixtures/bad/${name}.yaml`)), name).toBe(false);
    // The generic schema knows no indicator ids or scale: only the shape errors.
    expect(generic(readYamlFile('test/fixtures/bad/unknown-indicator.yaml'))).toBe(true);
    expect(generic(readYamlFile('test/fixtures/bad/answer-unknown-key.yaml'))).toBe(false);
  });

  it("the community answers schema lists every indicator with its text and advice, and the scale ids and n/a as answers with their labels", () => {
    type Property = { description: string; markdownDescription: string; title: string };
    const schema = readSchema('answers.community@1.0.schema.json') as { properties: { answers: { oneOf: { properties?: Record<string, Property> }[] } }; definitions: Record<string, Record<string, unknown>> };
    const properties = schema.properties.answers.oneOf[0]!.properties!;
    const model = readYamlFile('models/community@1.0.yaml') as { competencies: { name: string; indicators: { id: string; text: string; advice: string }[] }[] };
    const indicators = model.competencies.flatMap((competency) => competency.indicators);
    expect(Object.keys(properties)).toEqual(indicators.map((indicator) => indicator.id));
    for (const indicator of indicators) expect(properties[indicator.id]!.description).toBe(`${indicator.text}\n\nAdvice: ${indicator.advice}`);
    expect(properties['strategy.purpose']!.title).toBe('Strategy · stage: Emergent Community');
    expect(properties['tools.platform']!.markdownDescription).toBe(
      "One designated community platform or space exists, and it is where most of the community's activity takes place.\n\n**Advice:** Choose one primary space, even a channel in a tool you already have, and point people to it consistently instead of spreading conversations around.",
    );
    expect(schema.definitions.answer).toEqual({
      type: 'string',
      enum: ['yes', 'mostly', 'partly', 'no', 'n/a'],
      enumDescriptions: ['Yes, fully in place', 'Mostly', 'Partly', 'No', 'does not apply'],
      markdownEnumDescriptions: ['Yes, fully in place', 'Mostly', 'Partly', 'No', 'does not apply'],
    });
    // The shared parts carry no text of their own: an editor would show it instead of the indicator's.
    for (const name of ['entry', 'answer', 'text']) for (const key of ['title', 'description', 'markdownDescription']) expect(schema.definitions[name], `${name}.${key}`).not.toHaveProperty(key);
  });

  it("an indicator without advice has its text alone; the markdown for editors is the model's text made inert", async () => {
    // Version 1.0: an indicator with nothing but its text and advice.
    const { model } = await loadModel('community@1.0');
    const competency = model.competencies[0]!;
    competency.name = 'Plan <b>';
    competency.indicators[0] = { ...competency.indicators[0]!, text: 'Has a **plan** <img src=x> [link](https://example.com)', advice: undefined };
    const schema = answersJsonSchema(model) as { properties: { answers: { oneOf: { properties: Record<string, Record<string, unknown>> }[] } } };
    expect(schema.properties.answers.oneOf[0]!.properties['strategy.purpose']).toEqual({
      title: 'Plan <b> · stage: Emergent Community',
      description: 'Has a **plan** <img src=x> [link](https://example.com)',
      markdownDescription: 'Has a \\*\\*plan\\*\\* &lt;img src=x&gt; [link\\](https:&#8203;//example.com)',
      allOf: [{ $ref: '#/definitions/entry' }],
    });
  });

  it('the model schema describes every key, for hover while writing a model, the 2.0 fields too', () => {
    const schema = readSchema('model.schema.json');
    const undescribed: string[] = [];
    const walk = (node: Record<string, unknown>, path: string) => {
      for (const [key, property] of Object.entries((node.properties ?? {}) as Record<string, Record<string, unknown>>)) {
        if (typeof property.description !== 'string' || property.description === '') undescribed.push(`${path}${key}`);
        walk(property, `${path}${key}.`);
        if (property.items !== undefined) walk(property.items as Record<string, unknown>, `${path}${key}[].`);
      }
    };
    walk(schema, '');
    expect(undescribed).toEqual([]);
    const indicator = ((((schema.properties as Record<string, Record<string, unknown>>).competencies!.items as Record<string, unknown>).properties as Record<string, Record<string, unknown>>).indicators!.items as { properties: Record<string, { description: string }> }).properties;
    expect(indicator.criteria!.description).toBe('The conditions that must all hold for the top answer: 2 to 4.');
    expect(indicator.key!.description).toMatch(/^true: a must-have\. Its stage is not met, whatever the attainment, until it is answered at or above the threshold or n\/a/);
    expect(Object.keys(indicator)).toEqual(['id', 'stage', 'text', 'criteria', 'evidence', 'advice', 'weight', 'contexts', 'effort', 'owner', 'key']);
  });

  it('a model with the 2.0 fields: the model schema accepts it, its answers schema takes only its contexts and carries the new texts', async () => {
    const file = 'test/fixtures/small-models/format-2.model.yaml';
    expect(compile(readSchema('model.schema.json'))(readYamlFile(file))).toBe(true);
    const { model } = await loadModel(file);
    const schema = answersJsonSchema(model) as { properties: { context: Record<string, unknown>; answers: { oneOf: { properties: Record<string, Record<string, unknown>> }[] } }; definitions: Record<string, Record<string, unknown>> };
    // One of the model's contexts, or empty (every indicator applies), as init leaves it.
    expect(schema.properties.context).toEqual({
      description: "The model's context the organisation works in (one of the model's contexts); indicators of other contexts do not apply. Empty: every indicator applies.",
      oneOf: [
        {
          type: 'string',
          enum: ['staff', 'members'],
          enumDescriptions: ['Staff network — Employees of the organisation working together.', 'Member community'],
          markdownEnumDescriptions: ['Staff network — Employees of the organisation working together.', 'Member community'],
        },
        { type: 'null' },
      ],
    });
    expect(schema.definitions.answer!.enumDescriptions).toEqual(['Yes — Every criterion holds, and you can show it.', 'Partly — Some criteria hold, or only informally.', 'No — It does not happen.', 'does not apply']);
    const indicators = schema.properties.answers.oneOf[0]!.properties;
    expect(indicators['goals.approved']).toMatchObject({
      title: 'Goals · stage: Shared · key indicator',
      description: [
        'The sponsor approved the goals.',
        'Criteria (all must hold for "yes"):\n- The sponsor signed them.\n- The approval is dated.\n- It is less than a year old.',
        'Evidence: The signed goals.',
        'Advice: Ask the sponsor to sign them.',
        'Effort: medium · Owner: sponsor',
        'Key indicator: Shared is not met until this one is answered yes or n/a.',
        'Applies in every context.',
      ].join('\n\n'),
    });
    expect(indicators['goals.members']!.description).toMatch(/\n\nApplies only in: Member community\.$/);
    expect(indicators['goals.written']!.title).toBe('Goals · stage: Grown');

    const validate = compile(schema);
    const answers = { organisation: 'Acme', context: 'staff', answers: { 'goals.written': { answer: 'yes', evidence: ['https://example.org/goals.pdf', 'the minutes of 3 May'], checked: '2026-09-30' } } };
    expect(validate(answers), JSON.stringify(validate.errors)).toBe(true);
    expect(validate({ ...answers, context: 'customer' })).toBe(false);
    expect(validate({ ...answers, answers: { 'goals.written': { answer: 'yes', evidence: [] } } })).toBe(false);
    expect(validate({ ...answers, answers: { 'goals.written': { answer: 'yes', checked: '2026-02-30' } } })).toBe(false);
  });

  it('a key indicator names every answer that meets the threshold; model texts in the markdown are made inert', async () => {
    const { model } = await loadModel('test/fixtures/small-models/format-2.model.yaml');
    model.threshold = 0.5;
    model.contexts![0]!.name = '<b>Staff</b>';
    const indicator = model.competencies[0]!.indicators.find((candidate) => candidate.id === 'goals.approved')!;
    indicator.criteria = ['Signed by **the** sponsor', '[link](https://example.com)'];
    indicator.owner = '@team';
    indicator.contexts = ['staff'];
    const property = (answersJsonSchema(model) as { properties: { answers: { oneOf: { properties: Record<string, { description: string; markdownDescription: string }> }[] } } }).properties.answers.oneOf[0]!.properties['goals.approved']!;
    expect(property.description).toContain('Key indicator: Shared is not met until this one is answered yes, partly or n/a.');
    expect(property.description).toContain('Applies only in: <b>Staff</b>.');
    expect(property.markdownDescription).toContain('**Criteria** (all must hold for "yes"):\n- Signed by \\*\\*the\\*\\* sponsor\n- [link\\](https:&#8203;//example.com)');
    expect(property.markdownDescription).toContain('**Owner:** @&#8203;team');
    expect(property.markdownDescription).toContain('**Applies only in:** &lt;b&gt;Staff&lt;/b&gt;.');
  });

  it('a model without contexts keeps context: as any id, which validate then refuses', () => {
    const schema = readSchema('answers.community@1.0.schema.json') as { properties: { context: Record<string, unknown> } };
    expect(schema.properties.context).not.toHaveProperty('enum');
  });

  it('numeric scale ids may be written as numbers, as the loader accepts', async () => {
    const { model } = await loadModel('community');
    model.scale = [{ id: '1', label: 'One', value: 1 }, { id: '0', label: 'Zero', value: 0 }];
    const schema = answersJsonSchema(model);
    // Each value of the enum, the numbers too, has its label for completion.
    expect((schema.definitions as Record<string, unknown>).answer).toMatchObject({ enum: ['1', '0', 'n/a', 1, 0], enumDescriptions: ['One', 'Zero', 'does not apply', 'One', 'Zero'] });
    const validate = compile(schema);
    expect(validate({ organisation: 'X', answers: { 'strategy.purpose': 1, 'strategy.sponsor': '0', 'strategy.audience': 'n/a' } })).toBe(true);
    expect(validate({ organisation: 'X', answers: { 'strategy.purpose': 2 } })).toBe(false);
  });
});

// The schema command runs in this process (runInProcess): what it prints is the work of the code.
describe('schema command', () => {
  it('prints the shipped schemas', async () => {
    for (const [args, file] of [[['schema', 'model'], 'model.schema.json'], [['schema', 'answers'], 'answers.community.schema.json'], [['schema', 'answers', '--model', 'community'], 'answers.community.schema.json']] as const) {
      const result = await runInProcess([...args]);
      expect(result, args.join(' ')).toEqual({ code: 0, stdout: readFileSync(join(SCHEMA_DIR, file), 'utf8'), stderr: '' });
    }
  });

  it("writes a custom model's answers schema, with its indicator ids, to a file", async () => {
    const result = await runInProcess(['schema', 'answers', '--model', 'test/fixtures/weak-models/weak.yaml']);
    expect(result.code).toBe(0);
    const schema = JSON.parse(result.stdout) as { properties: { answers: { oneOf: { properties?: Record<string, unknown> }[] } } };
    expect(Object.keys(schema.properties.answers.oneOf[0]!.properties!)).toEqual([
      'goals.written', 'goals.shared', 'goals.reviewed', 'goals.measured', 'people.owner', 'people.team', 'people.roles', 'people.hiring', 'tools.space',
    ]);
  });

  it('--help has examples, and the root help lists the new commands', async () => {
    expect((await runInProcess(['schema', '--help'])).stdout).toContain('$ cm-maturity schema answers --model ./my-model.yaml -o my-model.answers.schema.json');
    const root = (await runInProcess(['--help'])).stdout;
    for (const command of ['init', 'assess', 'schema']) expect(root).toMatch(new RegExp(`^  ${command} `, 'm'));
    expect((await runInProcess(['validate', '--help'])).stdout).toContain('--strict');
  });

  it('refuses an unknown kind and a bad model with exit 2', async () => {
    const kind = await runInProcess(['schema', 'report']);
    expect(kind.code).toBe(2);
    expect(kind.stderr).toContain("'report' is invalid for argument 'kind'. Allowed choices are model, answers");
    const model = await runInProcess(['schema', 'answers', '--model', 'test/fixtures/bad-models/unknown-key.yaml']);
    expect(model.code).toBe(2);
    expect(model.stderr).toMatch(/^test\/fixtures\/bad-models\/unknown-key\.yaml:13:5: /);
    expect(model.stdout).toBe('');
  });
});
