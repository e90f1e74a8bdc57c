import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // The end-to-end tests run the bundled CLI, so it is built once before any test starts.
    globalSetup: ['test/helpers/build.ts'],
    // One test file per core: vitest keeps a core for itself by default, which on two cores runs
    // one file at a time, while much of a test's time is spent waiting for a CLI it started.
    maxWorkers: availableParallelism(),
    // The files run by one worker share the modules they import (the sources, vitest, the test
    // helpers), instead of each importing them anew; no test changes a module's state for another.
    isolate: false,
    testTimeout: 30_000,
    hookTimeout: 120_000,
  },
});
