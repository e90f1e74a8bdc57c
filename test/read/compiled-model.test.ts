import { afterAll, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { builtinModel, builtinModelIds } from '../../src/read/builtin-models.js';
import { compiledModelText, readCompiledModel } from '../../src/read/compiled-model.js';
import { parseModel } from '../../src/parse/model.js';
import { ROOT } from '../helpers/cli.js';

/** The bundle's folder: compiled models sit in models/ there. */
const BUNDLE_DIRECTORY = join(ROOT, 'dist');

const modelText = (id: string) => readFileSync(builtinModel(id)!.path, 'utf8');

/** Every temporary folder the tests make, removed when they are done. */
const folders: string[] = [];
afterAll(() => {
  for (const folder of folders) rmSync(folder, { recursive: true, force: true });
});

/** A temporary folder, removed after the tests. */
function tempFolder(prefix: string): string {
  const folder = mkdtempSync(join(tmpdir(), prefix));
  folders.push(folder);
  return folder;
}

/** A model file holding `text`, in a folder of its own. */
function modelFile(text: string): string {
  const path = join(tempFolder('cm-model-'), 'model.yaml');
  writeFileSync(path, text);
  return path;
}

describe('compiled built-in models', () => {
  it.each(builtinModelIds())('the build’s compiled %s is the model its YAML parses to', (id) => {
    const text = modelText(id);
    const compiled = readCompiledModel(id, builtinModel(id)!.path, BUNDLE_DIRECTORY);
    expect(compiled).toBeDefined();
    expect(compiled).toEqual(parseModel({ file: `models/${id}.yaml`, text }));
  });

  it('is not used for a file that differs from the text it was made from, by one character, at the end or by a byte-order mark', () => {
    const [id] = builtinModelIds();
    const text = modelText(id!);
    const edited = text.replace('name:', 'name: ');
    expect(edited).not.toBe(text);
    expect(readCompiledModel(id!, modelFile(text), BUNDLE_DIRECTORY)).toBeDefined();
    expect(readCompiledModel(id!, modelFile(edited), BUNDLE_DIRECTORY)).toBeUndefined();
    expect(readCompiledModel(id!, modelFile(text.slice(0, -1)), BUNDLE_DIRECTORY)).toBeUndefined();
    expect(readCompiledModel(id!, modelFile(`${text}\n# more`), BUNDLE_DIRECTORY)).toBeUndefined();
    expect(readCompiledModel(id!, modelFile(`\uFEFF${text}`), BUNDLE_DIRECTORY)).toBeUndefined();
    expect(readCompiledModel(id!, join(tmpdir(), 'no-such-model.yaml'), BUNDLE_DIRECTORY)).toBeUndefined();
  });

  it('reads what compiledModelText writes, and nothing where there is no compiled file', () => {
    const folder = tempFolder('cm-compiled-');
    mkdirSync(join(folder, 'models'));
    const text = modelText('community');
    const model = parseModel({ file: 'models/community@1.0.yaml', text });
    writeFileSync(join(folder, 'models', 'community.compiled'), compiledModelText(text, model));
    expect(readCompiledModel('community', modelFile(text), folder)).toEqual(model);
    expect(readCompiledModel('other', modelFile(text), folder)).toBeUndefined();
  });
});
