// Builds what the package ships:
// - dist/cli.cjs: the CLI, one bundle, run by bin/cm-maturity.cjs; what the sources load with
//   import() (a command, a format, a library few runs need) is evaluated only when it is loaded;
// - dist/score-worker.cjs: the worker threads that score many files at once;
// - dist/list-worker.cjs: the worker thread that lists folders and patterns for a run over many files;
// - dist/form-page.js: the script of the questionnaire page `cm-maturity form` writes, for browsers;
// - dist/index.js: the library API, with its dependencies left to the consumer's node_modules;
// - dist/models/*.compiled: the built-in models, parsed and checked, and their translations applied;
// - dist/types: declarations for the library API (not with --no-types);
// - schema/*.json: the JSON Schemas of model and answers files (scripts/schemas.mjs).
import { build } from 'esbuild';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const { version } = require('../package.json');

rmSync(new URL('../dist', import.meta.url), { recursive: true, force: true });

const shared = {
  platform: 'node',
  format: 'esm',
  target: 'node20',
  sourcemap: false,
  legalComments: 'none',
  define: { __VERSION__: JSON.stringify(version) },
  logLevel: 'warning',
};

await Promise.all([
  build({
    ...shared,
    entryPoints: { cli: 'src/cli/main.ts', 'score-worker': 'src/pipeline/score-worker.ts', 'list-worker': 'src/read/list-worker.ts' },
    outdir: 'dist',
    outExtension: { '.js': '.cjs' },
    format: 'cjs',
    bundle: true,
    // Minified: most of a short run is spent compiling the functions it calls, and V8 compiles
    // smaller source faster. The source map beside it serves `node --enable-source-maps`.
    minify: true,
    sourcemap: 'linked',
    // Loaded from node_modules only by `assess`.
    external: ['@inquirer/prompts'],
    // yaml's ES module build: the same code as the CommonJS build Node would pick, but one that the
    // bundler can tree-shake and hoist, so a run sets up less of it before parsing a file.
    alias: { yaml: './node_modules/yaml/browser/dist/index.js' },
    // CommonJS, which Node loads with fewer steps than an ES module; import.meta, which bundled
    // libraries use too, is given its CommonJS values.
    define: { ...shared.define, 'import.meta.dirname': '__dirname', 'import.meta.url': 'importMetaUrl' },
    banner: { js: "const importMetaUrl = require('node:url').pathToFileURL(__filename).href;" },
  }),
  // The questionnaire page's script, written inline into every page `form` makes: one file for
  // browsers, with the scoring, the answers file layout and the YAML parser of the tool itself.
  build({
    entryPoints: ['src/form-page/main.ts'],
    outfile: 'dist/form-page.js',
    bundle: true,
    platform: 'browser',
    format: 'iife',
    target: 'es2020',
    minify: true,
    legalComments: 'none',
    logLevel: 'warning',
    alias: { yaml: './node_modules/yaml/browser/dist/index.js' },
  }),
  build({
    ...shared,
    entryPoints: ['src/index.ts'],
    outfile: 'dist/index.js',
    bundle: true,
    packages: 'external',
  }),
]);

// The page's script is written inline into an HTML page: control characters the minifier leaves
// raw in string literals (the YAML parser has some) are written as escapes, which mean the same
// there, so that the page holds none. Vertical tab and form feed, which JavaScript also reads as
// spaces between tokens, are never left raw by the minifier.
const formPageUrl = new URL('../dist/form-page.js', import.meta.url);
const formPage = readFileSync(formPageUrl, 'utf8');
if (/[\v\f]/.test(formPage)) throw new Error('dist/form-page.js holds a vertical tab or form feed');
writeFileSync(formPageUrl, formPage.replace(/[\u0000-\u0008\u000e-\u001f\u007f]/g, (character) => `\\x${character.charCodeAt(0).toString(16).padStart(2, '0')}`));

/** A source module bundled in memory and imported, for what the build shares with the tool. */
async function importBundled(entry) {
  const { outputFiles } = await build({ ...shared, entryPoints: [entry], bundle: true, write: false, packages: 'external' });
  return import(`data:text/javascript;base64,${Buffer.from(outputFiles[0].text).toString('base64')}`);
}

// Each built-in model is parsed and checked once here, so that commands using it skip the YAML
// parser and the schema for it (src/read/compiled-model.ts; used only while the text matches).
const library = await import(new URL('../dist/index.js', import.meta.url).href);
const { compiledModelText } = await importBundled('src/read/compiled-model.ts');
mkdirSync(new URL('../dist/models/', import.meta.url), { recursive: true });
for (const id of library.builtinModelIds()) {
  const loaded = await library.loadModel(id);
  const source = await library.readTextFile(loaded.file);
  writeFileSync(new URL(`../dist/models/${id}.compiled`, import.meta.url), compiledModelText(source.text, loaded.model));
  // Its translations beside it (community@2.0.fr.yaml), checked and applied: the translated model,
  // used only while both files are those it was made from.
  for (const language of library.LANGUAGES.filter((language) => language !== library.DEFAULT_LANGUAGE)) {
    const overlayFile = library.overlayPathOf(loaded.file, language);
    if (!existsSync(overlayFile)) continue;
    const { model } = await library.translatedModel({ ...loaded, compiled: undefined }, language);
    const overlaySource = await library.readTextFile(overlayFile);
    writeFileSync(new URL(`../dist/models/${id}.${language}.compiled`, import.meta.url), compiledModelText(overlaySource.text, model));
  }
}

// Declarations for the library's users. The test suite builds with --no-types: it runs the code, and
// `npm test` type-checks the sources already.
if (!process.argv.includes('--no-types')) execFileSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', 'tsconfig.build.json'], { stdio: 'inherit' });

// The shipped schemas follow the code and the built-in models. The test suite builds with
// --no-schemas so that it checks the committed schema files instead of rewriting them.
if (!process.argv.includes('--no-schemas')) await import('./schemas.mjs');
