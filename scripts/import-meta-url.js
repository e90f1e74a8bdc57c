// Injected into the CommonJS bundle, where `import.meta.url` (used to find the built-in models
// beside the bundle) does not exist: the bundle's own file URL stands in for it.
export const importMetaUrl = require('node:url').pathToFileURL(__filename).href;
