/** A file's text as read, before it is parsed: what the reading layer hands to the parsing layer. */
export interface TextSource {
  /** The name shown in errors: the path as the user gave it, or `<stdin>`. */
  file: string;
  /** The decoded text, without a byte-order mark. */
  text: string;
}

/** The name errors use for standard input. */
export const STDIN_NAME = '<stdin>';
