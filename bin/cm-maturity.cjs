#!/usr/bin/env node
'use strict';
// Runs the bundled CLI. Start-up matters: the tool runs in CI steps and shell loops, and most of
// a run's time is spent compiling the bundle. Node 22.1+ keeps compiled code between runs itself;
// on Node 20 bin/code-cache.cjs does the same with V8's code cache.
const { join } = require('node:path');
const Module = require('node:module');

const bundle = join(__dirname, '..', 'dist', 'cli.cjs');

// V8 lets a heap grow to about four times what is live before it collects it whole. Scoring
// 100,000 answers files, that is over 100 MB of garbage per thread held at once (peak RSS
// 232 MB); letting it grow by 30% keeps memory near what is live (159 MB), at the same speed
// (bench/run.mjs). Worker threads share the setting. It is set before the bundle is compiled,
// as code caches are checked against V8's flags; a value given in NODE_OPTIONS or on the
// command line wins.
if (!/heap[-_]growing[-_]percent/.test(`${process.execArgv.join(' ')} ${process.env.NODE_OPTIONS ?? ''}`)) {
  require('node:v8').setFlagsFromString('--heap-growing-percent=30');
}

if (typeof Module.enableCompileCache === 'function') {
  try {
    Module.enableCompileCache();
  } catch {
    // A cache that cannot be written only costs speed.
  }
  require(bundle);
} else {
  require('./code-cache.cjs').runWithCodeCache(bundle);
}
