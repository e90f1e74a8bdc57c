// Writes the JSON Schemas that ship in schema/: model files, translations of models, mapping files of survey imports, answers files in general, and the
// answers files of each built-in model. Generated from the built library (dist/index.js), so
// run after the build; `npm run build` runs it.
import { mkdirSync, writeFileSync } from 'node:fs';

const { answersJsonSchema, builtinModelIds, importMapJsonSchema, jsonSchemaText, loadModel, modelJsonSchema, overlayJsonSchema, planJsonSchema } = await import('../dist/index.js');

const folder = new URL('../schema/', import.meta.url);
mkdirSync(folder, { recursive: true });
const write = (name, schema) => writeFileSync(new URL(name, folder), jsonSchemaText(schema));


write('model.schema.json', modelJsonSchema());
write('answers.schema.json', answersJsonSchema());
write('plan.schema.json', planJsonSchema());
write('overlay.schema.json', overlayJsonSchema());
write('import-map.schema.json', importMapJsonSchema());
// One schema per built-in version (`answers.community@1.0.schema.json`), and one per model id
// for its newest version (`answers.community.schema.json`), which editors set up before
// versions existed still name.
for (const reference of builtinModelIds()) {
  const { model } = await loadModel(reference);
  const schema = jsonSchemaText(answersJsonSchema(model));
  writeFileSync(new URL(`answers.${reference}.schema.json`, folder), schema);
  const newest = await loadModel(model.id);
  if (newest.model.version === model.version) writeFileSync(new URL(`answers.${model.id}.schema.json`, folder), schema);
}
