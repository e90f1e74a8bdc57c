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
