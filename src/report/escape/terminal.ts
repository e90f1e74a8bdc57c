/** C0 control characters (line breaks and tab included), DEL and the C1 controls. */
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/g;

const NAMED: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

/**
 * Text from a file, or a file's name, made inert for a terminal: every control character is
 * shown as an escape (`\n`, `\r`, `\t`, else `\xHH`: ESC is `\x1b`), so no text can move the
 * cursor, set the window title, clear the screen or start a line of its own. The one function
 * for text that leaves for a terminal; text without control characters is returned as it is.
 */
export function terminalText(text: string): string {
  return text.replace(CONTROL, (character) => NAMED[character] ?? `\\x${character.charCodeAt(0).toString(16).padStart(2, '0')}`);
}

/**
 * Plain data (a report, a diff, a history, a benchmark) with every string in it, keys included,
 * passed through terminalText: what a table formatter starts from, so that no cell or line it
 * builds can hold a control character. What holds none is returned as it is, not copied.
 */
export function terminalSafe<T>(value: T): T {
  if (typeof value === 'string') return terminalText(value) as T;
  if (Array.isArray(value)) {
    const items = value.map((item: unknown) => terminalSafe(item));
    return (items.some((item, index) => item !== value[index]) ? items : value) as T;
  }
  if (value !== null && typeof value === 'object') {
    let changed = false;
    const entries = Object.entries(value).map(([key, item]) => {
      const safe: [string, unknown] = [terminalText(key), terminalSafe(item)];
      if (safe[0] !== key || safe[1] !== item) changed = true;
      return safe;
    });
    return (changed ? Object.fromEntries(entries) : value) as T;
  }
  return value;
}
