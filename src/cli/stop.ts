// How a run ends: its exit code, and what a command throws to end it with one.

/** Exit codes, the same for every command; 130 is what shells report for a process stopped by Ctrl-C. */
export const EXIT = { ok: 0, gateFailed: 1, badInput: 2, internal: 3, interrupted: 130 } as const;

/**
 * Thrown by a command after its report is written, when a policy gate failed: the CLI exits 1.
 * The command has already said on standard error which gate failed and by how much.
 */
export class GateFailed extends Error {
  constructor() {
    super('a gate failed');
    this.name = 'GateFailed';
  }
}

/** Thrown by `assess` when the user stops it with Ctrl-C, after saying what was kept: the CLI exits 130, as shells report SIGINT. */
export class Interrupted extends Error {
  constructor() {
    super('interrupted');
    this.name = 'Interrupted';
  }
}

/**
 * Thrown by a command after its output has said what is wrong with the input (`validate --format
 * json` lists every error in its JSON): the CLI exits 2 and prints nothing more.
 */
export class InputRejected extends Error {
  constructor() {
    super('invalid input');
    this.name = 'InputRejected';
  }
}
