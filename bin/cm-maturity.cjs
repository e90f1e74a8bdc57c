#!/usr/bin/env node
'use strict';
// Runs the bundled CLI. Start-up matters: the tool runs in CI steps and shell loops, and most of
// a short run is spent compiling; bin/code-cache.cjs keeps the compiled code between runs.
const { join } = require('node:path');
const { run } = require('./code-cache.cjs');

run(join(__dirname, '..', 'dist', 'cli.cjs'));
