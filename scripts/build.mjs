// Builds the two shipped entry points:
// - dist/cli.js: the whole CLI in one bundled file, so start-up reads one module graph node;
// - dist/index.js: the library API, with its dependencies left to the consumer's node_modules;
// - dist/types: declarations for the library API;
// - schema/*.json: the JSON Schemas of model and answers files (scripts/schemas.mjs).
import { build } from 'esbuild';
import { execFileSync } from 'node:child_process';
import { rmSync } from 'node:fs';
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
    entryPoints: ['src/cli/main.ts'],
    outfile: 'dist/cli.js',
    bundle: true,
    minifySyntax: true,
    // Loaded from node_modules only by `assess`, so other commands do not parse it at start-up.
    external: ['@inquirer/prompts'],
    // Bundled CommonJS dependencies call require() for Node built-ins, and some read __filename
    // (write-file-atomic names its temporary files with it), which an ES module does not have.
    banner: {
      js: [
        "import { createRequire as __cmCreateRequire } from 'node:module';",
        "import { fileURLToPath as __cmFileURLToPath } from 'node:url';",
        'const require = __cmCreateRequire(import.meta.url);',
        'const __filename = __cmFileURLToPath(import.meta.url);',
        "const __dirname = __cmFileURLToPath(new URL('.', import.meta.url));",
      ].join('\n'),
    },
  }),
  build({
    ...shared,
    entryPoints: ['src/index.ts'],
    outfile: 'dist/index.js',
    bundle: true,
    packages: 'external',
  }),
]);

execFileSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', 'tsconfig.build.json'], { stdio: 'inherit' });

// The shipped schemas follow the code and the built-in models. The test suite builds with
// --no-schemas so that it checks the committed schema files instead of rewriting them.
if (!process.argv.includes('--no-schemas')) await import('./schemas.mjs');
