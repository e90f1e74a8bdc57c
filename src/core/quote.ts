/**
 * At most this many characters of a file's text are quoted in a message: enough to recognise a
 * value, too few to copy a file out through error messages (which end up in CI logs).
 */
export const MAX_QUOTED_CHARACTERS = 60;

/** `text` as a message quotes it: whole when short, else its first characters and "…". */
export function shortText(text: string): string {
  if (text.length <= MAX_QUOTED_CHARACTERS) return text;
  const characters = [...text];
  return characters.length <= MAX_QUOTED_CHARACTERS ? text : `${characters.slice(0, MAX_QUOTED_CHARACTERS - 1).join('')}…`;
}
