/**
 * A problem found by a check in the core. The core knows nothing of files or positions: it
 * names the place by its path in the parsed data, and the loader turns that into `file:line:col`.
 */
export interface InputIssue {
  path: (string | number)[];
  /** Point at the mapping key at `path` rather than at its value (unknown ids, say). */
  at?: 'key' | 'value';
  code: string;
  message: string;
  /** Another place the message refers to, such as the first definition of a duplicate id. */
  related?: (string | number)[];
}
