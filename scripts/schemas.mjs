// Writes the JSON Schemas that ship in schema/: model files, answers files in general, and the
// answers files of each built-in model. Generated from the built library (dist/index.js), so
// run after the build; `npm run build` runs it.
import { mkdirSync, writeFileSync } from 'node:fs';

const { answersJsonSchema, builtinModelIds, jsonSchemaText, loadModel, modelJsonSchema } = await import('../dist/index.js');

const folder = new URL('../schema/', import.meta.url);
mkdirSync(folder, { recursive: true });
const write = (name, schema) => writeFileSync(new URL(name, folder), jsonSchemaText(schema));

write('model.schema.json', modelJsonSchema());
write('answers.schema.json', answersJsonSchema());
for (const id of builtinModelIds()) {
  const { model } = await loadModel(id);
  write(`answers.${id}.schema.json`, answersJsonSchema(model));
}
