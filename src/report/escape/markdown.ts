/** Control characters other than tab and line breaks (C0, DEL, C1): dropped. */
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/g;

/**
 * A zero-width space, written as a character reference so that the markdown stays plain ASCII
 * where the text was. Put after `@`, between `:` and `//`, and inside `www.`, it leaves the text
 * as it reads but breaks the patterns GitHub turns into links and notifications.
 */
const BREAK = '&#8203;';

/** A letter or a digit, in any script: GFM never treats `_` between two of them as emphasis. */
const WORD_CHARACTER = /[\p{L}\p{N}]/u;

/**
 * The characters escaped wherever they are, one alternative each; see `escapeCharacter` for
 * which of them stay as they are where they cannot start anything.
 */
const SPECIAL = /[\\`*~|\]_!#&<>@]|:(?=\/\/)|www(?=\.)/giu;

/** A character of `SPECIAL` at `offset` in `text`, as it must be written to stay text. */
function escapeCharacter(match: string, offset: number, text: string): string {
  const before = text[offset - 1] ?? '';
  const after = text[offset + match.length] ?? '';
  switch (match) {
    case '_':
      // Inside a word (snake_case) `_` neither opens nor closes emphasis.
      return WORD_CHARACTER.test(before) && WORD_CHARACTER.test(after) ? '_' : '\\_';
    case '!':
      // Only `![` starts an image.
      return after === '[' ? '\\!' : '!';
    case '#':
      // `C#` stays; a `#` after a space or at the start could start or close a heading, and
      // before a digit GitHub reads it as an issue reference.
      return WORD_CHARACTER.test(before) && !/\d/.test(after) ? '#' : '\\#';
    case '&':
      // Only `&name;`, `&#123;` and `&#x1F;` are character references (names are at most 31 characters).
      return /^(?:#|[A-Za-z0-9]+;)/.test(text.slice(offset + 1, offset + 34)) ? '&amp;' : '&';
    case '<':
      return '&lt;';
    case '>':
      return '&gt;';
    case '@':
      return `@${BREAK}`;
    case ':':
      return `:${BREAK}`;
    default:
      return /^www$/i.test(match) ? `${match}${BREAK}` : `\\${match}`;
  }
}

/**
 * Text from a model or answers file, made inert in GitHub-flavoured markdown, and escaped only
 * where a character could start something, so that the markdown reads as the text does:
 * - line breaks and tabs become spaces, other control characters are dropped;
 * - `<` and `>` are written as `&lt;` and `&gt;` (no HTML, no autolink, no quote), `&` as `&amp;`
 *   only where it would start a character reference; `]` is always escaped, so that no link,
 *   image, footnote or task-list box can close (`[` and parentheses then stay as they are);
 *   `\`, `` ` ``, `*`, `~` and `|` are always escaped (escapes, code, emphasis, strikethrough,
 *   table cells); `_` unless inside a word, `!` before `[`, `#` unless it follows a letter or
 *   digit and no digit follows it;
 * - bare URLs (`https://…`, `www.…`) and e-mail addresses do not become links (GFM's autolinks),
 *   and `@user` or `@org/team` does not mention anyone: a zero-width space is put after every
 *   `@`, between `:` and `//`, and between `www` and its dot;
 * - the text cannot start a block where it is written at the start of a line or after `- `: its
 *   leading spaces are dropped (no code block), and a leading `-`, `+`, `1.` or `1)` is escaped
 *   (no thematic break, no nested list).
 */
export function inline(text: string): string {
  return text
    .replace(/[\r\n\t]+/g, ' ')
    .replace(CONTROL, '')
    .replace(/^ +/, '')
    .replace(SPECIAL, escapeCharacter)
    .replace(/^[-+]|^(\d{1,9})([.)])/, (start: string, digits?: string, mark?: string) => (digits === undefined ? `\\${start}` : `${digits}\\${mark}`));
}
