import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * Builds dist/ so that end-to-end tests run exactly what users run, and gives the CLIs the tests
 * start a compile cache of their own: Node keeps it in os.tmpdir()/node-compile-cache unless
 * NODE_COMPILE_CACHE names a folder, and a test run must leave nothing behind. The variable is set
 * here, before any test file runs, so
 * that every process started from a test (runCli, a pseudo-terminal, a shell) inherits it; the
 * folder is removed, and the variable restored, when the run ends.
 */
export default function setup(): () => void {
  // The committed schema files are checked against fresh output, not rewritten; the declarations
  // are left out (npm test type-checks the sources before).
  execFileSync(process.execPath, ['scripts/build.mjs', '--no-schemas', '--no-types'], { stdio: 'inherit' });
  const previous = process.env.NODE_COMPILE_CACHE;
  const cache = mkdtempSync(join(tmpdir(), 'cm-maturity-compile-cache-'));
  process.env.NODE_COMPILE_CACHE = cache;
  return () => {
    rmSync(cache, { recursive: true, force: true });
    if (previous === undefined) delete process.env.NODE_COMPILE_CACHE;
    else process.env.NODE_COMPILE_CACHE = previous;
  };
}
