import { readFileSync } from 'node:fs';
import type { Model } from '../schema/model.js';

/**
 * A built-in model as the build wrote it: the YAML text it was made from and the model that
 * text parses and checks to. Parsing the 30 KB built-in model costs more than everything else
 * a single `score` does, so the build does it once; the text is kept to prove the cache is for
 * the file on disk (an edited model is parsed as usual).
 */
export interface CompiledModel {
  source: string;
  model: Model;
}

/** Where the build writes the compiled form of a built-in model, beside the bundle. */
export function compiledModelUrl(id: string, bundleUrl: string): URL {
  return new URL(`models/${id}.json`, bundleUrl);
}

/** The compiled model for `id` if there is one and it was made from exactly `source`. */
export function readCompiledModel(id: string, source: string, bundleUrl: string): Model | undefined {
  let compiled: CompiledModel;
  try {
    compiled = JSON.parse(readFileSync(compiledModelUrl(id, bundleUrl), 'utf8')) as CompiledModel;
  } catch {
    // No compiled form (running from source, or an installation without one): parse the YAML.
    return undefined;
  }
  return compiled.source === source ? compiled.model : undefined;
}
