// The widths a table or text report is laid out for; a module of its own, so that the command
// line reads the rule without loading the layout code.

/** The width reports are laid out for when nothing says otherwise: not a terminal, no COLUMNS. */
export const DEFAULT_WIDTH = 80;

/** Narrower, a table would wrap nearly every word: a narrower terminal gets this width and wraps the lines itself. */
export const MIN_WIDTH = 60;
