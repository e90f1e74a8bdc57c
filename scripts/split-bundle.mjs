// Bundles the CLI as two CommonJS files: a hot one that every run loads, and a cold one that is
// loaded the first time a run needs something in it.
//
// Why: on Node 20 each start-up reads the bundle and deserialises its code cache (bin/code-cache.cjs),
// and both cost time in proportion to the bundle, used or not: every function of every module has
// an entry in the cache. One file of a megabyte cost `score <file>` about 4 ms of its 20; the
// modules such a run needs (commander, js-yaml, the quick path, scoring, JSON) are a third of it.
//
// How: a module is hot when a hot root imports it, directly or through other modules, with a
// static import or require(); everything else is cold (the other commands, the yaml library, zod, the table,
// colour, CSV and HTML code), reached from the hot side only through `import()`. Each module is
// bundled into exactly one of the two files, so there is one UserError class, one cache of
// built-in models, one of everything:
// - in the hot file, an import of a cold module becomes `require('./cold.cjs')[key]()`;
// - in the cold file, an import of a hot module becomes a call to a registry the hot file puts on
//   globalThis before anything runs: `globalThis[Symbol.for('cm-maturity.hot')](key)`.
// Both sides get the module's exports object (esbuild's lazy `require` of an ES module inside a
// bundle), so a module is evaluated once, when first asked for, wherever the asking code is.
import { build } from 'esbuild';
import { relative, resolve } from 'node:path';

const HOT_REGISTRY = "globalThis[Symbol.for('cm-maturity.hot')]";
const BOUNDARY_KINDS = new Set(['import-statement', 'dynamic-import', 'require-call']);

/**
 * Builds `hotFile` and `coldFile` (siblings) from `options` (an esbuild CommonJS program with one
 * entry point), with `hotRoots` (package-relative source paths) and their static imports in the hot file.
 */
export async function buildSplitProgram(options, { hotRoots, hotFile, coldFile }) {
  const root = process.cwd();
  const [entry] = options.entryPoints;
  const coldName = `./${relative(resolve(hotFile, '..'), coldFile)}`;

  // The module graph, from a build written nowhere.
  const { metafile } = await build({ ...options, outfile: hotFile, write: false, metafile: true });
  const graph = metafile.inputs;
  const hot = new Set();
  const pending = [...hotRoots];
  while (pending.length > 0) {
    const path = pending.pop();
    if (hot.has(path) || !graph[path]) continue;
    hot.add(path);
    // require() in a CommonJS package is as static as an import; only import() is put off.
    for (const record of graph[path].imports) if (record.kind !== 'dynamic-import' && !record.external) pending.push(record.path);
  }
  for (const path of hotRoots) if (!hot.has(path)) throw new Error(`split-bundle: hot root ${path} is not in the bundle of ${entry}`);
  const isHot = (path) => hot.has(path);
  const crossing = (fromHot) => {
    const targets = new Set();
    for (const [path, input] of Object.entries(graph)) {
      if (isHot(path) !== fromHot) continue;
      for (const record of input.imports) {
        if (!record.external && BOUNDARY_KINDS.has(record.kind) && graph[record.path] && isHot(record.path) !== fromHot) targets.add(record.path);
      }
    }
    return [...targets].sort();
  };
  const hotToCold = crossing(true);
  const coldToHot = crossing(false);

  // A registry of modules, each evaluated when first asked for.
  const registry = (keys) => `{\n${keys.map((key) => `  ${JSON.stringify(key)}: () => require(${JSON.stringify(resolve(root, key))}),`).join('\n')}\n}`;

  /** Resolves imports as the build would, and sends those of modules on the other side across. */
  const boundary = (sideIsHot, stub) => ({
    name: 'split-boundary',
    setup(pluginBuild) {
      pluginBuild.onResolve({ filter: /.*/ }, async (args) => {
        if (args.pluginData?.boundary || !BOUNDARY_KINDS.has(args.kind)) return undefined;
        const resolved = await pluginBuild.resolve(args.path, { kind: args.kind, importer: args.importer, resolveDir: args.resolveDir, pluginData: { boundary: true } });
        if (resolved.errors.length > 0 || resolved.external || resolved.namespace !== 'file') return resolved.errors.length > 0 ? undefined : resolved;
        const key = relative(root, resolved.path).split('\\').join('/');
        if (!graph[key] || isHot(key) === sideIsHot) return resolved;
        // Named .cjs, as esbuild takes a module's kind from its name and the stub is CommonJS.
        return { path: `${key}.cjs`, namespace: 'split-other-side' };
      });
      pluginBuild.onLoad({ filter: /.*/, namespace: 'split-other-side' }, (args) => ({ contents: stub(args.path.slice(0, -'.cjs'.length)), loader: 'js' }));
    },
  });

  const virtualEntry = (contents) => ({
    name: 'split-entry',
    setup(pluginBuild) {
      pluginBuild.onResolve({ filter: /^split-entry$/ }, () => ({ path: 'split-entry', namespace: 'split-entry' }));
      pluginBuild.onLoad({ filter: /.*/, namespace: 'split-entry' }, () => ({ contents, loader: 'js', resolveDir: root }));
    },
  });

  await Promise.all([
    build({
      ...options,
      entryPoints: ['split-entry'],
      outfile: hotFile,
      external: [...(options.external ?? []), coldName],
      plugins: [
        virtualEntry(`const hot = ${registry(coldToHot)};\n${HOT_REGISTRY} = (key) => hot[key]();\nrequire(${JSON.stringify(resolve(root, entry))});\n`),
        boundary(true, (key) => `module.exports = require(${JSON.stringify(coldName)})[${JSON.stringify(key)}]();`),
        ...(options.plugins ?? []),
      ],
    }),
    build({
      ...options,
      entryPoints: ['split-entry'],
      outfile: coldFile,
      plugins: [
        virtualEntry(`module.exports = ${registry(hotToCold)};\n`),
        boundary(false, (key) => `module.exports = ${HOT_REGISTRY}(${JSON.stringify(key)});`),
        ...(options.plugins ?? []),
      ],
    }),
  ]);
  return { hot: [...hot].sort(), hotToCold, coldToHot };
}
