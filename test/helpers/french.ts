/**
 * French typography, as a French reader expects it: a no-break space (U+00A0, or the narrow
 * U+202F) before a colon, semicolon, question mark and exclamation mark, and inside « guillemets »;
 * never a plain space there. A sign glued to what comes before it is fine only where it is not
 * punctuation of a sentence: in a location (`{file}:{line}`), a URL, an option (`--lang=fr`) or
 * a YAML key quoted in the text (`language:` followed by a space is prose and needs the space).
 */
export function frenchTypographyProblems(text: string): string[] {
  const problems: string[] = [];
  for (const match of text.matchAll(/ [:;?!]/g)) problems.push(`plain space before "${match[0][1]}" at ${match.index}`);
  for (const match of text.matchAll(/[\p{L}\p{N})»][;?!](?=\s|$)/gu)) problems.push(`no space before "${match[0].at(-1)}" at ${match.index}`);
  for (const match of text.matchAll(/[\p{L})»]:(?=\s|$)/gu)) {
    // A YAML key named in a sentence (`language:`) is code, not punctuation.
    const word = /[\w-]+:$/u.exec(text.slice(0, (match.index ?? 0) + 2))?.[0] ?? '';
    if (!/^[a-z][a-z0-9-]*:$/.test(word) || /[À-ÿ]/.test(word)) problems.push(`no space before ":" at ${match.index}`);
  }
  for (const match of text.matchAll(/«(?![\u00a0\u202f])/g)) problems.push(`no no-break space after « at ${match.index}`);
  for (const match of text.matchAll(/(?<![\u00a0\u202f])»/g)) problems.push(`no no-break space before » at ${match.index}`);
  return problems;
}
