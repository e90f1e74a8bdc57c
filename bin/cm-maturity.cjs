#!/usr/bin/env node
'use strict';
// Runs the bundled CLI, with Node's compile cache where Node has one (22.1+): most of a short
// run is spent compiling the bundle, and the cache keeps that work between runs.
require('node:module').enableCompileCache?.();
require('../dist/cli.cjs');
