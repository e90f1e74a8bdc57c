import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Model } from '../schema/model.js';

/**
 * A built-in model as the build writes it: the YAML text it was made from, a NUL character, and
 * the model that text parses and checks to, as JSON. Parsing the built-in model costs more than
 * everything else a single `score` does, so the build does it once; the text is kept to
 * prove the compiled model is that of the file on disk (an edited model is parsed as usual). No
 * model text holds a NUL (read/text.ts refuses one). The two are compared as bytes, so that a run
 * decodes neither the YAML text nor its copy, only the model's JSON.
 */
export function compiledModelText(source: string, model: Model): string {
  return `${source}\0${JSON.stringify(model)}`;
}

/** Where the build writes the compiled form of a built-in model: models/ in the bundle's folder. */
function compiledModelPath(id: string, bundleDirectory: string): string {
  return join(bundleDirectory, 'models', `${id}.compiled`);
}

/**
 * The compiled model for `id` if there is one and the model file at `path` holds exactly the
 * text it was made from; otherwise undefined, and the file is read and parsed as any model is
 * (which also reports a file that cannot be read).
 */
export function readCompiledModel(id: string, path: string, bundleDirectory: string): Model | undefined {
  let compiled: Buffer;
  let source: Buffer;
  try {
    compiled = readFileSync(compiledModelPath(id, bundleDirectory));
    source = readFileSync(path);
  } catch {
    // No compiled form (running from source, or an installation without one), or no model file.
    return undefined;
  }
  if (compiled.length <= source.length || compiled[source.length] !== 0 || !compiled.subarray(0, source.length).equals(source)) return undefined;
  return JSON.parse(compiled.toString('utf8', source.length + 1)) as Model;
}
