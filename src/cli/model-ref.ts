import { relative, sep } from 'node:path';

/** A model file as an answers file's `model:` names it: relative to the answers file's folder, with forward slashes. */
export function relativeModelRef(modelPath: string, answersFolder: string): string {
  const path = relative(answersFolder, modelPath).split(sep).join('/');
  return path.startsWith('.') || path.startsWith('/') ? path : `./${path}`;
}
