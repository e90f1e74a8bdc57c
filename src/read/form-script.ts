import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The questionnaire page's script, as the build bundled it (`dist/form-page.js`): beside the CLI
 * bundle, or in `dist/` two levels above this file in the sources.
 */
export function readFormScript(): string {
  for (const candidate of ['form-page.js', '../../dist/form-page.js']) {
    const path = join(import.meta.dirname, candidate);
    if (existsSync(path)) return readFileSync(path, 'utf8').trimEnd();
  }
  throw new Error('the questionnaire script (dist/form-page.js) is missing from this installation: run npm run build');
}
