import { isAbsolute, relative, sep } from 'node:path';

/**
 * A model file as an answers file's `model:` names it: relative to the answers file's folder,
 * with forward slashes, so the pair can move together; absolute when the two share no folder
 * but the root (a relative path climbing to / says nothing more and breaks on a move).
 */
export function relativeModelRef(modelPath: string, answersFolder: string): string {
  const rel = relative(answersFolder, modelPath);
  const firstUp = rel.split(sep).findIndex((part) => part !== '..');
  const ups = firstUp === -1 ? 0 : firstUp;
  const depth = answersFolder.split(sep).filter((part) => part !== '').length;
  if (isAbsolute(rel) || (ups > 0 && ups >= depth)) return modelPath;
  const path = rel.split(sep).join('/');
  return path.startsWith('.') ? path : `./${path}`;
}
