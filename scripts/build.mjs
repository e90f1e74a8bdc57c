// Builds the two shipped entry points:
// - dist/cli.cjs and dist/cold.cjs: the CLI bundled, run by bin/cm-maturity.cjs; what every run
//   needs is in the first, the rest in the second (scripts/split-bundle.mjs);
// - dist/score-worker.cjs: the worker threads that score many files at once;
// - dist/index.js: the library API, with its dependencies left to the consumer's node_modules;
// - dist/models/*.compiled: the built-in models, parsed and checked;
// - dist/types: declarations for the library API;
// - schema/*.json: the JSON Schemas of model and answers files (scripts/schemas.mjs).
import { build } from 'esbuild';
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { buildSplitProgram } from './split-bundle.mjs';

const require = createRequire(import.meta.url);
const { version } = require('../package.json');

rmSync(new URL('../dist', import.meta.url), { recursive: true, force: true });

/**
 * commander loads node:child_process when it is first evaluated, for subcommands that are separate
 * programs, which this tool does not have; loading it costs milliseconds of every start-up. The
 * bundle gets a stand-in that loads the module on first use instead.
 */
const lazyChildProcess = {
  name: 'lazy-child-process',
  setup(build) {
    build.onResolve({ filter: /^(node:)?child_process$/ }, (args) =>
      args.importer.includes('/node_modules/commander/') ? { path: 'child_process', namespace: 'lazy-builtin' } : undefined,
    );
    build.onLoad({ filter: /.*/, namespace: 'lazy-builtin' }, () => ({
      contents: "let real; module.exports = new Proxy({}, { get: (_, key) => (real ??= require('node:child_process'))[key] });",
      loader: 'js',
    }));
  },
};

/**
 * chalk detects the terminal's colour support when it is first evaluated (loading node:tty and
 * node:os, about 6 ms of every start-up). The tool never uses that answer: every `new Chalk()`
 * is given its level by src/cli/output.ts useColor (--no-color, NO_COLOR, FORCE_COLOR, a TTY).
 * The bundle gets a detection that finds nothing, so a Chalk made without a level has no colour.
 */
const noColorDetection = {
  name: 'no-color-detection',
  setup(build) {
    build.onResolve({ filter: /^#supports-color$/ }, (args) =>
      args.importer.includes('/node_modules/chalk/') ? { path: 'supports-color', namespace: 'no-color-detection' } : undefined,
    );
    build.onLoad({ filter: /.*/, namespace: 'no-color-detection' }, () => ({
      contents: 'export default { stdout: false, stderr: false };',
      loader: 'js',
    }));
  },
};

const shared = {
  platform: 'node',
  format: 'esm',
  target: 'node20',
  sourcemap: false,
  legalComments: 'none',
  define: { __VERSION__: JSON.stringify(version) },
  logLevel: 'warning',
};

/**
 * A bundled CommonJS program. CommonJS, so that bin/cm-maturity.cjs can run the CLI through V8's
 * code cache on Node 20, which has no compile cache of its own (bin/code-cache.cjs); the worker
 * threads are bundled the same way, so that they share its loading of built-in models.
 */
const program = (entry, outfile) => ({
  ...shared,
  entryPoints: [entry],
  outfile,
  bundle: true,
  format: 'cjs',
  minifySyntax: true,
  // Loaded from node_modules only by `assess`, so other commands do not parse it at start-up.
  external: ['@inquirer/prompts'],
  plugins: [lazyChildProcess, noColorDetection],
  define: { ...shared.define, 'import.meta.url': 'importMeta.url', 'import.meta.dirname': '__dirname', 'import.meta.filename': '__filename' },
  inject: ['scripts/import-meta-url.js'],
});

/**
 * What every start-up pays for: the modules `score <file> --format json` runs, and everything
 * they import statically, go into dist/cli.cjs; the rest into dist/cold.cjs, read only by runs
 * that need it (scripts/split-bundle.mjs).
 */
const HOT_ROOTS = ['src/cli/main.ts', 'src/cli/commands/score.ts', 'src/report/json.ts'];

await Promise.all([
  buildSplitProgram(program('src/cli/main.ts', 'dist/cli.cjs'), { hotRoots: HOT_ROOTS, hotFile: 'dist/cli.cjs', coldFile: 'dist/cold.cjs' }),
  // The worker threads of `score` with many files (src/cli/score-files.ts).
  build(program('src/cli/score-worker.ts', 'dist/score-worker.cjs')),
  build({
    ...shared,
    entryPoints: ['src/index.ts'],
    outfile: 'dist/index.js',
    bundle: true,
    packages: 'external',
  }),
]);

/** A source module bundled in memory and imported, for what the build shares with the tool. */
async function importBundled(entry) {
  const { outputFiles } = await build({ ...shared, entryPoints: [entry], bundle: true, write: false, packages: 'external' });
  return import(`data:text/javascript;base64,${Buffer.from(outputFiles[0].text).toString('base64')}`);
}

// The bundle's files start with a line naming the build, so that a code cache made from another
// build is never used for them (bin/code-cache.cjs). They are kept to ASCII, which Node reads as
// Latin-1 without decoding UTF-8 (3 ms of every start-up for a megabyte): esbuild escapes
// non-ASCII characters in code, and the few left in comments are escaped here too.
const bundleUrls = ['../dist/cli.cjs', '../dist/cold.cjs'].map((path) => new URL(path, import.meta.url));
const bundled = bundleUrls.map((url) => readFileSync(url, 'utf8').replace(/[^\0-\x7f]/g, (character) => `\\u${character.charCodeAt(0).toString(16).padStart(4, '0')}`));
const buildId = createHash('sha256').update(bundled.join('\0')).digest('hex').slice(0, 32);
bundleUrls.forEach((url, index) => writeFileSync(url, `// build ${buildId}\n${bundled[index]}`));

// Each built-in model is parsed and checked once here, so that commands using it skip the YAML
// parser and the schema at start-up (src/load/compiled-model.ts; used only while the text matches).
const library = await import(new URL('../dist/index.js', import.meta.url).href);
const { compiledModelText } = await importBundled('src/load/compiled-model.ts');
mkdirSync(new URL('../dist/models/', import.meta.url), { recursive: true });
for (const id of library.builtinModelIds()) {
  const { model, file } = await library.loadModel(id);
  const source = await library.readTextFile(file);
  writeFileSync(new URL(`../dist/models/${id}.compiled`, import.meta.url), compiledModelText(source.text, model));
}

execFileSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', 'tsconfig.build.json'], { stdio: 'inherit' });

// The shipped schemas follow the code and the built-in models. The test suite builds with
// --no-schemas so that it checks the committed schema files instead of rewriting them.
if (!process.argv.includes('--no-schemas')) await import('./schemas.mjs');
