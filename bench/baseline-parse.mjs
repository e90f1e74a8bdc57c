// The throughput baseline: the least any tool must do to score a folder of answers files. It lists
// the files as `cm-maturity score <folder>` does (the same tinyglobby pattern and options, sorted),
// reads each one as it does (synchronously) and parses it with the YAML parser the tool uses (the
// `yaml` package), one after the other, and prints only how many it read. Nothing is checked,
// scored or written.
//   node bench/baseline-parse.mjs <folder>
import { readFileSync } from 'node:fs';
import { isAbsolute } from 'node:path';
import { glob } from 'tinyglobby';
import { parse } from 'yaml';

const folder = process.argv[2];
if (folder === undefined || process.argv.length > 3) {
  process.stderr.write('usage: node bench/baseline-parse.mjs <folder>\n');
  process.exit(2);
}

// As the CLI builds a folder's pattern.
const escapeGlob = (path) => path.replace(/[*?[\]{}()!+@]/g, (character) => `\\${character}`);
const slashes = (path) => (process.platform === 'win32' ? path.replace(/\\/g, '/') : path);
const pattern = `${escapeGlob(slashes(folder).replace(/\/+$/, ''))}/**/*.{yaml,yml}`;
const files = (await glob(pattern, { onlyFiles: true, dot: false, expandDirectories: false, absolute: isAbsolute(folder) })).sort();

let count = 0;
for (const file of files) {
  parse(readFileSync(file, 'utf8'));
  count += 1;
}
process.stdout.write(`${count}\n`);
