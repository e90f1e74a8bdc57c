import { execFileSync } from 'node:child_process';

/** Builds dist/ so that end-to-end tests run exactly what users run. */
export default function setup(): void {
  // The committed schema files are checked against fresh output, not rewritten.
  execFileSync(process.execPath, ['scripts/build.mjs', '--no-schemas'], { stdio: 'inherit' });
}
