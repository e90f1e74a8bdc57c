import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

// The in-process benchmarks of the core, run by bench/run.mjs (npm run bench); unlike the test
// suite they need no build: they import the sources.
export default defineConfig({
  root: fileURLToPath(new URL('..', import.meta.url)),
  test: {
    benchmark: { include: ['bench/**/*.bench.ts'] },
  },
});
