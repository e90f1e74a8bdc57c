// A worker thread that lists the files named by folders and patterns (inputs.ts) for a run over
// many files (inputs-thread.ts), and sends them back as one text, with which of them were found.
import { parentPort, workerData } from 'node:worker_threads';
import { threadError } from '../errors.js';
import { expandInputs } from './inputs.js';
import { createLocale } from '../locale/locale.js';
import { readCatalogue } from './catalogue.js';
import type { ListReply, ListRequest } from './inputs-thread.js';

const port = parentPort!;

const { args, language } = workerData as ListRequest;

expandInputs(args, createLocale(language, readCatalogue)).then(
  ({ files, found }) => {
    const flags = Uint8Array.from(files, (file) => (found.has(file) ? 1 : 0));
    port.postMessage({ files: files.join('\0'), found: flags } satisfies ListReply, [flags.buffer]);
  },
  (error: unknown) => port.postMessage({ error: threadError(error) } satisfies ListReply),
);
