import { Chalk } from 'chalk';
import { terminalText } from '../escape/terminal.js';
import type { ValidationFormatter } from './format.js';

/**
 * An `ok` line per valid file; errors and warnings go to standard error, where the command
 * writes them. Each line names the file and the organisation, made inert for a terminal.
 */
export const formatValidationText: ValidationFormatter = (files, options) => {
  const paint = new Chalk({ level: options.color ? 1 : 0 });
  return files
    .flatMap((file) => (file.summary === null ? [] : [terminalText(file.summary).replace(/^ok /, `${paint.green('ok')} `)]))
    .map((line) => `${line}\n`)
    .join('');
};
