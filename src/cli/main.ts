// The program bin/cm-maturity.cjs runs: the command line of this process, with its own streams.
import { processIo } from './io.js';
import { run } from './run.js';

void run(process.argv, processIo()).then((code) => {
  process.exitCode = code;
});
