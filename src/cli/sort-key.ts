import { didYouMean } from '../core/suggest.js';
import { UserError } from '../errors.js';

/**
 * A usage error when `--sort` names neither score, name nor a competency of the report's model;
 * `keys` are the report's sort keys. Checked against the first report only: a pool may mix models.
 */
export function checkSortKey(key: string, keys: readonly string[]): void {
  if (!keys.includes(key)) throw new UserError(`--sort: unknown key "${key}"${didYouMean(key, keys)}; valid keys: ${keys.join(', ')}`);
}
