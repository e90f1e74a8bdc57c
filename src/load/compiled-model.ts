import { readFileSync } from 'node:fs';
import type { Model } from '../schema/model.js';

/**
 * A built-in model as the build writes it: the YAML text it was made from, a NUL character, and
 * the model that text parses and checks to, as JSON. Parsing the 30 KB built-in model costs more
 * than everything else a single `score` does, so the build does it once; the text is kept to
 * prove the compiled model is that of the file on disk (an edited model is parsed as usual). No
 * model text holds a NUL (read.ts refuses one), and the text is kept outside the JSON so that
 * only the model is parsed: as a JSON string, unescaping it doubled the cost.
 */
export function compiledModelText(source: string, model: Model): string {
  return `${source}\0${JSON.stringify(model)}`;
}

/** Where the build writes the compiled form of a built-in model, beside the bundle. */
export function compiledModelUrl(id: string, bundleUrl: string): URL {
  return new URL(`models/${id}.compiled`, bundleUrl);
}

/** The compiled model for `id` if there is one and it was made from exactly `source`. */
export function readCompiledModel(id: string, source: string, bundleUrl: string): Model | undefined {
  let compiled: string;
  try {
    compiled = readFileSync(compiledModelUrl(id, bundleUrl), 'utf8');
  } catch {
    // No compiled form (running from source, or an installation without one): parse the YAML.
    return undefined;
  }
  if (compiled.charCodeAt(source.length) !== 0 || !compiled.startsWith(source)) return undefined;
  return JSON.parse(compiled.slice(source.length + 1)) as Model;
}
