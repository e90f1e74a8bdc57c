'use strict';
// Runs the CLI bundle with V8's code cache of what its last run of the same command compiled.
//
// What it buys: Node's own compile cache (module.enableCompileCache) saves a module's code as it
// is right after compiling, before it runs, which holds only its top level: every function a run
// calls (the YAML parser, the schemas, the command) is compiled again on every run, and that is
// most of a short run. This saves the code as it is when a run ends, with those functions, and the
// next run of the command loads them instead of compiling. BENCHMARKS.md measures both ways side by
// side ("start-up: score, Node's compile cache only").
//
// What it guards against: V8 checks a cache against its source's length only, and its bytecode
// runs with the user's rights. So a cache is only read from a folder of this user's that nobody
// else can write to, one folder per installation (the bundle's path), one file per build (the
// content hash the build writes on the bundle's first line), Node version, architecture, flags and
// command. Anything odd (no home folder, a folder shared with others, a cache V8 rejects, a disk
// that cannot be written) costs speed only: the bundle then runs with Node's compile cache.
//
// It follows Node's switches: NODE_DISABLE_COMPILE_CACHE turns every cache off, and
// NODE_COMPILE_CACHE names the folder to keep it in.
const { closeSync, fstatSync, lstatSync, mkdirSync, openSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } = require('node:fs');
const Module = require('node:module');
const { dirname, join } = require('node:path');
const vm = require('node:vm');

const BUILD_LINE = /^\/\/ build ([0-9a-f]{16,64})\n/;

/** FNV-1a of a text, as 8 hex digits: a short name for a path or a set of flags, not a secret. */
function shortHash(text) {
  let hash = 0x811c9dc5;
  for (let index = 0; index < text.length; index++) hash = Math.imul(hash ^ text.charCodeAt(index), 0x01000193) >>> 0;
  return hash.toString(16).padStart(8, '0');
}

/** This user's cache folder for the tool, or undefined when there is none to use. */
function userCacheFolder(env) {
  if (env.NODE_COMPILE_CACHE) return join(env.NODE_COMPILE_CACHE, 'cm-maturity');
  if (process.platform === 'win32') return env.LOCALAPPDATA ? join(env.LOCALAPPDATA, 'cm-maturity', 'Cache') : undefined;
  const home = env.HOME;
  if (process.platform === 'darwin') return home ? join(home, 'Library', 'Caches', 'cm-maturity') : undefined;
  const base = env.XDG_CACHE_HOME || (home ? join(home, '.cache') : undefined);
  return base === undefined ? undefined : join(base, 'cm-maturity');
}

/**
 * Makes `folder` (mode 0700) and says whether it may hold code this process runs: a real folder,
 * not a link, owned by this user and writable by nobody else. Windows keeps a user's local
 * application data private already.
 */
function privateFolder(folder) {
  mkdirSync(folder, { recursive: true, mode: 0o700 });
  const stat = lstatSync(folder);
  if (!stat.isDirectory()) return false;
  if (process.platform === 'win32') return true;
  return stat.uid === process.getuid() && (stat.mode & 0o022) === 0;
}

/** The command named on the command line (the first word that is not an option), else "main". */
function commandName(argv) {
  const word = argv.slice(2).find((argument) => !argument.startsWith('-'));
  return word !== undefined && /^[a-z]{1,20}$/.test(word) ? word : 'main';
}

/**
 * Commands run without this cache: `assess` asks questions, so its start-up is not felt, and it
 * loads its prompts (an ES module outside the bundle) with import(), which code restored from a
 * cache cannot do on Node 20.
 */
const UNCACHED_COMMANDS = new Set(['assess']);

/** Where this run's cache is, or undefined when this run must not use one. */
function cacheFile(bundle, build) {
  const env = process.env;
  const command = commandName(process.argv);
  const base = build === undefined || env.NODE_DISABLE_COMPILE_CACHE || UNCACHED_COMMANDS.has(command) ? undefined : userCacheFolder(env);
  if (base === undefined) return undefined;
  // One folder per installation: two copies of the tool never read each other's code.
  const folder = join(base, shortHash(bundle));
  try {
    if (!privateFolder(base) || !privateFolder(folder)) return undefined;
  } catch {
    return undefined;
  }
  // V8 refuses a cache made under other flags: runs with other flags keep their own.
  const flags = shortHash(`${process.execArgv.join(' ')} ${env.NODE_OPTIONS ?? ''}`);
  return join(folder, `${build}-${process.version}-${process.arch}-${flags}-${command}.bin`);
}

/** The cache's bytes, when it is a regular file of this user's. */
function readCache(file) {
  let fd;
  try {
    fd = openSync(file, 'r');
    const stat = fstatSync(fd);
    if (!stat.isFile() || (process.platform !== 'win32' && stat.uid !== process.getuid())) return undefined;
    return readFileSync(fd);
  } catch {
    return undefined;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/** Writes the cache whole under a temporary name, then renames it; removes the caches of older builds. */
function saveCache(script, file, build) {
  const temporary = `${file}.${process.pid}.tmp`;
  try {
    writeFileSync(temporary, script.createCachedData(), { mode: 0o600 });
    renameSync(temporary, file);
    const folder = dirname(file);
    for (const name of readdirSync(folder)) if (!name.startsWith(`${build}-`)) rmSync(join(folder, name), { force: true });
  } catch {
    rmSync(temporary, { force: true });
  }
}

/** Runs the CommonJS bundle at `bundle` (an absolute path) as `require` would, through the code cache. */
function run(bundle) {
  const source = readFileSync(bundle, 'utf8');
  const build = BUILD_LINE.exec(source)?.[1];
  const file = cacheFile(bundle, build);
  if (file === undefined) {
    Module.enableCompileCache?.();
    require(bundle);
    return;
  }
  const cachedData = readCache(file);
  const script = new vm.Script(Module.wrap(source), {
    filename: bundle,
    cachedData,
  });
  if (cachedData === undefined || script.cachedDataRejected) {
    // Saved only after a run that did its work: help or a usage error stops early, and a cache
    // made then would lack what the command's real runs need.
    process.once('exit', (code) => {
      if (code === 0 && !process.argv.includes('--help') && !process.argv.includes('-h')) saveCache(script, file, build);
    });
  }
  const module = new Module(bundle, null);
  module.filename = bundle;
  const moduleRequire = Module.createRequire(bundle);
  script.runInThisContext()(module.exports, moduleRequire, module, bundle, dirname(bundle));
  module.loaded = true;
}

module.exports = { run };
