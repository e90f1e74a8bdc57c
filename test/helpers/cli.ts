import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const BIN = fileURLToPath(new URL('../../bin/cm-maturity.cjs', import.meta.url));

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

export interface CliOptions {
  /** Text on standard input; without it, stdin is empty (not a terminal). */
  input?: string | Buffer;
  cwd?: string;
  env?: Record<string, string | undefined>;
  /** Milliseconds before the run is killed; 20 s unless a test scores many files. */
  timeout?: number;
}

/** Runs the built CLI as a user would, without colour unless the test asks for it. */
export function runCli(args: string[], options: CliOptions = {}): CliResult {
  // COLUMNS and the locale are the test's to set: a terminal's own would change the width of
  // every table, and a French machine's locale the language of every message.
  const env: Record<string, string | undefined> = { ...process.env, NO_COLOR: '1', FORCE_COLOR: undefined, COLUMNS: undefined, LC_ALL: undefined, LC_MESSAGES: undefined, LANG: undefined, ...options.env };
  for (const key of Object.keys(env)) if (env[key] === undefined) delete env[key];
  const result = spawnSync(process.env.CM_MATURITY_TEST_NODE || process.execPath, [BIN, ...args], {
    cwd: options.cwd ?? ROOT,
    input: options.input ?? '',
    env: env as NodeJS.ProcessEnv,
    encoding: 'utf8',
    timeout: options.timeout ?? 20_000,
    maxBuffer: 256 * 1024 * 1024,
  });
  if (result.error) throw result.error;
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}
