// The start-up reference of the bench (bench/run.mjs): the least a command line of this kind does
// for one answers file, with the same three libraries the tool uses. Commander reads the command
// line, yaml parses the file, the tool's own zod schema of answers files checks it, and the checked
// data is printed as JSON. No model, no score, no report. The bench bundles it as the tool is
// bundled (one minified CommonJS file, run with Node's compile cache) and times it beside
// `cm-maturity score <file> --format json`, so the start-up budget can be read against what these
// libraries alone cost on the same file.
import { Command } from 'commander';
import { readFileSync } from 'node:fs';
import { parseDocument } from 'yaml';
import { answersSchema } from '../src/schema/answers.js';

const program = new Command('startup-reference');
program
  .command('score <file>')
  .option('-f, --format <format>')
  .action((file: string) => {
    const document = parseDocument(readFileSync(file, 'utf8'), { version: '1.2', uniqueKeys: true });
    const checked = answersSchema.safeParse(document.toJS());
    if (!checked.success) throw new Error(`${file} is not a valid answers file`);
    process.stdout.write(`${JSON.stringify(checked.data, null, 2)}\n`);
  });
program.parse();
