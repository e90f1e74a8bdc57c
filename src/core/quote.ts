/**
 * At most this many characters of a file's text are quoted in a message: enough to recognise a
 * value, too few to copy a file out through error messages (which end up in CI logs).
 */
export const MAX_QUOTED_CHARACTERS = 60;

/** `text` as a message quotes it: whole when short, else its first characters and "…". */
function shortText(text: string): string {
  if (text.length <= MAX_QUOTED_CHARACTERS) return text;
  const characters = [...text];
  return characters.length <= MAX_QUOTED_CHARACTERS ? text : `${characters.slice(0, MAX_QUOTED_CHARACTERS - 1).join('')}…`;
}

/**
 * Characters a message never holds as they are: control characters (a line break would start a
 * forged `file:line:col:` line, ESC a terminal sequence), line separators and the bidirectional
 * controls that reorder what a terminal shows. A YAML file can hold any of them written as an
 * escape in double quotes ("\e", "\n"), or in a key made of a list or mapping.
 */
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

const ESCAPES: Record<string, string> = { '\b': '\\b', '\f': '\\f', '\n': '\\n', '\r': '\\r', '\t': '\\t' };

function escapeUnsafe(text: string): string {
  return text.replace(UNSAFE, (character) => ESCAPES[character] ?? `\\u${character.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** Text from a file as a message shows it without quotes (a key in a path): short, on one line, inert. */
export function inlineText(text: string): string {
  return escapeUnsafe(shortText(text));
}

/** Text from a file in double quotes, as JSON writes a string: short, on one line, inert. */
export function quoted(text: string): string {
  return `"${escapeUnsafe(shortText(text).replace(/["\\]/g, '\\$&'))}"`;
}
