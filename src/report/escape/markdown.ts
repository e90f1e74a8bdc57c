/** Control characters other than tab and line breaks (C0, DEL, C1): dropped. */
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/g;

/**
 * A zero-width space, written as a character reference so that the markdown stays plain ASCII
 * where the text was. Put after `@`, between `:` and `//`, and inside `www.`, it leaves the text
 * as it reads but breaks the patterns GitHub turns into links and notifications.
 */
const BREAK = '&#8203;';

/**
 * Text from a model or answers file, made inert in GitHub-flavoured markdown:
 * - line breaks and tabs become spaces, other control characters are dropped;
 * - markdown and HTML characters are escaped, so that an organisation name cannot inject links,
 *   images or raw HTML into a pull-request comment, and `|` cannot break a table row;
 * - bare URLs (`https://…`, `www.…`) and e-mail addresses do not become links (GFM's autolinks),
 *   and `@user` or `@org/team` does not mention anyone: a zero-width space is put after every
 *   `@`, between `:` and `//`, and between `www` and its dot;
 * - the text cannot start a block where it is written at the start of a line or after `- `: its
 *   leading spaces are dropped (no code block), and a leading `-` or `1.` is escaped (no thematic
 *   break, no nested list).
 */
export function inline(text: string): string {
  return text
    .replace(/[\r\n\t]+/g, ' ')
    .replace(CONTROL, '')
    .replace(/^ +/, '')
    .replace(/[\\`*_{}[\]()#+!|~]/g, (character) => `\\${character}`)
    .replace(/^-|^(\d{1,9})\./, (_, digits?: string) => (digits === undefined ? '\\-' : `${digits}\\.`))
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/@/g, `@${BREAK}`)
    .replace(/:\/\//g, `:${BREAK}//`)
    .replace(/(www)\./gi, `$1${BREAK}.`);
}
