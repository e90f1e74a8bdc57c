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
