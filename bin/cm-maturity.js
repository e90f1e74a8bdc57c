#!/usr/bin/env node
// Cache compiled code between runs where the running Node offers it (22.1+): start-up matters in CI loops.
import module from 'node:module';

if (typeof module.enableCompileCache === 'function') {
  try {
    module.enableCompileCache();
  } catch {
    // A read-only cache directory only costs speed.
  }
}

await import('../dist/cli.js');
