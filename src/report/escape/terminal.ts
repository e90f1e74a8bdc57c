/** C0 control characters (line breaks and tab included), DEL and the C1 controls. */
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/g;

/** The same, to test for one without replacing. */
// eslint-disable-next-line no-control-regex
const HAS_CONTROL = /[\u0000-\u001f\u007f-\u009f]/;

const NAMED: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

/**
 * Text from a file, or a file's name, made inert for a terminal: every control character is
 * shown as an escape (`\n`, `\r`, `\t`, else `\xHH`: ESC is `\x1b`), so no text can move the
 * cursor, set the window title, clear the screen or start a line of its own. The one function
 * for text that leaves for a terminal; text without control characters is returned as it is.
 */
export function terminalText(text: string): string {
  if (!HAS_CONTROL.test(text)) return text;
  return text.replace(CONTROL, (character) => NAMED[character] ?? `\\x${character.charCodeAt(0).toString(16).padStart(2, '0')}`);
}

/**
 * Plain data (a report, a diff, a history, a benchmark) with every string in it, keys included,
 * passed through terminalText: what a table formatter starts from, so that no cell or line it
 * builds can hold a control character. What holds none is returned as it is, not copied, and is
 * only read: a table of 10,000 reports pays for a walk, not for a copy.
 */
export function terminalSafe<T>(value: T): T {
  if (typeof value === 'string') return terminalText(value) as T;
  if (typeof value !== 'object' || value === null) return value;
  if (Array.isArray(value)) {
    let copy: unknown[] | undefined;
    for (let index = 0; index < value.length; index++) {
      const item: unknown = value[index];
      const safe = terminalSafe(item);
      if (safe !== item) (copy ??= [...value])[index] = safe;
    }
    return (copy ?? value) as T;
  }
  const record = value as Record<string, unknown>;
  const keys = Object.keys(record);
  let copy: Record<string, unknown> | undefined;
  for (let index = 0; index < keys.length; index++) {
    const key = keys[index]!;
    const item = record[key];
    const safeKey = terminalText(key);
    const safe = terminalSafe(item);
    if (copy === undefined && (safeKey !== key || safe !== item)) {
      copy = {};
      for (const earlier of keys.slice(0, index)) copy[earlier] = record[earlier];
    }
    if (copy !== undefined) copy[safeKey] = safe;
  }
  return (copy ?? value) as T;
}
