// The long fuzz run: test/hostile/input-fuzz.test.ts with many more cases than `npm test` runs.
//   npm run fuzz                  12,000 cases, a random seed (printed by fast-check on a failure)
//   npm run fuzz -- 50000 1234    50,000 cases from seed 1234
// It ends with the test's summary line: how many cases ran, how many stayed valid, and what the
// others were refused for. The exit status is vitest's: 0 when every case kept the contract.
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const [runs = '12000', seed] = process.argv.slice(2);
if (!/^\d+$/.test(runs) || (seed !== undefined && !/^-?\d+$/.test(seed))) {
  process.stderr.write('usage: npm run fuzz [-- <cases> [<seed>]]\n');
  process.exit(2);
}
const vitest = join(dirname(createRequire(import.meta.url).resolve('vitest/package.json')), 'vitest.mjs');
const started = Date.now();
const result = spawnSync(process.execPath, [vitest, 'run', 'test/hostile/input-fuzz.test.ts'], {
  stdio: 'inherit',
  env: { ...process.env, CM_MATURITY_FUZZ_RUNS: runs, ...(seed === undefined ? {} : { CM_MATURITY_FUZZ_SEED: seed }) },
});
process.stderr.write(`fuzz: ${runs} cases in ${((Date.now() - started) / 1000).toFixed(0)} s\n`);
process.exit(result.status ?? 1);
