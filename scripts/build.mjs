// Builds the two shipped entry points:
// - dist/cli.js: the whole CLI in one bundled file, so start-up reads one module graph node;
// - dist/index.js: the library API, with its dependencies left to the consumer's node_modules;
// - dist/types: declarations for the library API.
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
    // Bundled CommonJS dependencies call require() for Node built-ins.
    banner: { js: "import { createRequire as __cmCreateRequire } from 'node:module';\nconst require = __cmCreateRequire(import.meta.url);" },
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
