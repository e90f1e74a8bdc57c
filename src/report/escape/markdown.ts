/**
 * Text from a model or answers file, made inert: markdown and HTML characters are escaped so an
 * organisation name cannot inject links, images or raw HTML into a pull-request comment,
 * and `|` cannot break a table row.
 */
export function inline(text: string): string {
  return text
    .replace(/[\r\n]+/g, ' ')
    .replace(/[\\`*_{}[\]()#+!|~]/g, (character) => `\\${character}`)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;');
}
