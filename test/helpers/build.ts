import { execFileSync } from 'node:child_process';

/** Builds dist/ so that end-to-end tests run exactly what users run. */
export default function setup(): void {
  execFileSync(process.execPath, ['scripts/build.mjs'], { stdio: 'inherit' });
}
