#!/usr/bin/env node
'use strict';
// Runs the bundled CLI. Start-up matters: the tool runs in CI steps and shell loops, and most of
// a run's time is spent compiling the bundle. Node 22.1+ keeps compiled code between runs itself;
// on Node 20 bin/code-cache.cjs does the same with V8's code cache.
const { join } = require('node:path');

const bundle = join(__dirname, '..', 'dist', 'cli.cjs');

// node:module is loaded only where it has a compile cache to enable: loading it costs Node 20
// half a millisecond of every start-up, for nothing.
const enableCompileCache = Number(process.versions.node.split('.')[0]) >= 22 ? require('node:module').enableCompileCache : undefined;

if (typeof enableCompileCache === 'function') {
  try {
    enableCompileCache();
  } catch {
    // A cache that cannot be written only costs speed.
  }
  require(bundle);
} else {
  require('./code-cache.cjs').runWithCodeCache(bundle);
}
