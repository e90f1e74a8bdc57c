// Preloaded with `node --require` into a process whose peak memory is measured: on exit it writes
// the process's peak resident set size (KiB, from getrusage) to the file named by
// CM_BENCH_PEAK_RSS_FILE. 'exit' is emitted on a normal end, after process.exitCode is set and on
// process.exit(), so every way the CLI ends is covered; it works the same on Linux, macOS and Windows.
'use strict';
const { writeFileSync } = require('node:fs');

const file = process.env.CM_BENCH_PEAK_RSS_FILE;
if (file) {
  process.on('exit', () => {
    writeFileSync(file, `${process.resourceUsage().maxRSS}\n`);
  });
}
