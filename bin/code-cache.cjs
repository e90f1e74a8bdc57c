'use strict';
// Runs a CommonJS bundle through V8's code cache, for Node versions without
// module.enableCompileCache (Node 20). The first run of a command compiles as usual and, on exit,
// saves the bytecode of every function it ran; later runs load that instead of compiling.
//
// It follows Node's own compile cache where it can: the folder is NODE_COMPILE_CACHE or
// <tmp>/node-compile-cache, NODE_DISABLE_COMPILE_CACHE turns it off, and a cache that cannot be
// read or written is ignored.
//
// V8 checks a cache against the source's length only, so each cache file is named after the
// content hash the build writes on the bundle's first line, the Node version, architecture and flags;
// a rebuilt bundle gets a new file and never runs code compiled from another. One cache per
// command and bundle file, since each command runs different functions: dist/cli.cjs, which every
// run loads, and dist/cold.cjs, which it requires when a run needs more (scripts/split-bundle.mjs).
const { isAscii } = require('node:buffer');
const { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } = require('node:fs');
// The module system's own class (what node:module exports), without loading node:module: that
// costs half a millisecond of start-up, and all this needs is Module.wrap and createRequire.
const Module = module.constructor;
const { basename, dirname, join } = require('node:path');
const vm = require('node:vm');

const BUILD_LINE = /^\/\/ build ([0-9a-f]{16,64})\n/;
const HELP_OPTIONS = new Set(['--help', '-h']);

function cacheFolder() {
  if (process.env.NODE_DISABLE_COMPILE_CACHE) return undefined;
  return join(process.env.NODE_COMPILE_CACHE || join(temporaryFolder(), 'node-compile-cache'), 'cm-maturity');
}

/** os.tmpdir(), without loading node:os (a third of a millisecond) where it is this simple. */
function temporaryFolder() {
  if (process.platform === 'win32') return require('node:os').tmpdir();
  const folder = process.env.TMPDIR || process.env.TMP || process.env.TEMP || '/tmp';
  return folder.length > 1 && folder.endsWith('/') ? folder.slice(0, -1) : folder;
}

/** The command named on the command line (the first word that is not an option), else "main". */
function commandName(argv) {
  const word = argv.slice(2).find((argument) => !argument.startsWith('-'));
  return word !== undefined && /^[a-z]{1,20}$/.test(word) ? word : 'main';
}

/**
 * V8 refuses a cache made under other flags; runs with different flags (--max-old-space-size in
 * NODE_OPTIONS, say) keep caches of their own instead of replacing each other's on every run.
 */
function flagsKey() {
  const flags = `${process.execArgv.join(' ')} ${process.env.NODE_OPTIONS ?? ''}`.trim();
  let hash = 0x811c9dc5; // FNV-1a
  for (let index = 0; index < flags.length; index++) hash = Math.imul(hash ^ flags.charCodeAt(index), 0x01000193) >>> 0;
  return hash.toString(16).padStart(8, '0');
}

/** The bundle's text: ASCII as the build writes it, read as Latin-1 to skip decoding UTF-8. */
function readSource(file) {
  const bytes = readFileSync(file);
  return bytes.toString(isAscii(bytes) ? 'latin1' : 'utf8');
}

/**
 * Runs `file` and, from there, the sibling bundle files it requires (`./cold.cjs`), each through
 * the code cache the first time it is required; anything else is required as usual.
 */
function runWithCodeCache(file) {
  const folder = cacheFolder();
  const command = commandName(process.argv);
  const loaded = new Map();
  const load = (path) => {
    let module = loaded.get(path);
    if (module !== undefined) return module.exports;
    module = { exports: {}, filename: path, id: path, loaded: false };
    loaded.set(path, module);
    const nodeRequire = Module.createRequire(path);
    const bundleRequire = Object.assign(
      (id) => (/^\.\/[\w-]+\.cjs$/.test(id) ? load(join(dirname(path), id)) : nodeRequire(id)),
      { resolve: nodeRequire.resolve, cache: nodeRequire.cache },
    );
    // The entry file's cache has the plain name, the others add theirs (…-score.cold.bin).
    const part = path === file ? '' : `.${basename(path, '.cjs')}`;
    compile(path, folder, `${command}${part}`)(module.exports, bundleRequire, module, path, dirname(path));
    module.loaded = true;
    return module.exports;
  };
  load(file);
}

/** The bundle file's module function, from the code cache named `name` when there is one for this build. */
function compile(file, folder, name) {
  const source = readSource(file);
  const build = BUILD_LINE.exec(source)?.[1];
  const cacheFile = folder === undefined || build === undefined ? undefined : join(folder, `${build}-${process.version}-${process.arch}-${flagsKey()}-${name}.bin`);

  let cachedData;
  if (cacheFile !== undefined) {
    try {
      cachedData = readFileSync(cacheFile);
    } catch {
      // No cache yet: this run writes one.
    }
  }
  const script = new vm.Script(Module.wrap(source), {
    filename: file,
    cachedData,
    // No importModuleDynamically: Node 20 drops it from code restored from a cache, so the bundle
    // must not use import(); it requires ES modules instead (src/cli/commands/assess.ts).
  });
  if (cacheFile !== undefined && (cachedData === undefined || script.cachedDataRejected)) {
    // Made only by a run that did its work: help, a usage error or a bad file stops early, and
    // its cache would lack what later runs of the command need (they would compile it every time).
    process.once('exit', (code) => {
      if (code === 0 && !process.argv.some((argument) => HELP_OPTIONS.has(argument))) saveCache(script, folder, cacheFile, build);
    });
  }
  return script.runInThisContext();
}

/** Caches of other builds (and leftovers of interrupted writes) older than this are removed. */
const STALE_MS = 7 * 24 * 60 * 60 * 1000;

function saveCache(script, folder, cacheFile, build) {
  const temporary = `${cacheFile}.${process.pid}.tmp`;
  try {
    mkdirSync(folder, { recursive: true });
    // Written whole under a temporary name, then renamed: a run starting meanwhile never reads half a cache.
    writeFileSync(temporary, script.createCachedData());
    renameSync(temporary, cacheFile);
    removeStale(folder, build);
  } catch {
    // A read-only or full disk only costs speed; a half-written cache is not left behind.
    try {
      rmSync(temporary, { force: true });
    } catch {
      // There was no folder to write it in.
    }
  }
}

/**
 * Removes what earlier versions left: caches of other builds not used for a week. Another
 * installation sharing the folder keeps its caches as long as it runs now and then.
 */
function removeStale(folder, build) {
  const now = Date.now();
  for (const name of readdirSync(folder)) {
    if (name.startsWith(`${build}-`) && name.endsWith('.bin')) continue;
    const path = join(folder, name);
    try {
      if (now - statSync(path).mtimeMs > STALE_MS) rmSync(path, { force: true });
    } catch {
      // Removed by another run meanwhile.
    }
  }
}

module.exports = { runWithCodeCache };
