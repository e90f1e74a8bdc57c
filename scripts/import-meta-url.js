// Injected into the CommonJS bundle, where `import.meta` does not exist. `import.meta.dirname`
// and `import.meta.filename` become __dirname and __filename (build.mjs); `import.meta.url`, used
// by a few libraries and cold paths, is the bundle's own file URL, made only when first read:
// pathToFileURL costs half a millisecond of a start-up that does not need it.
let url;
export const importMeta = {
  get url() {
    url ??= require('node:url').pathToFileURL(__filename).href;
    return url;
  },
};
