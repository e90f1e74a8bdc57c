#!/usr/bin/env node
'use strict';
// Runs the bundled CLI, with Node's own compile cache (Node 22.1 and later) keeping the bundle
// compiled between runs.
require('node:module').enableCompileCache?.();
require('../dist/cli.cjs');
