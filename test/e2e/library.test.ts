import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import * as source from '../../src/index.js';
import { EXAMPLES, FORMATS, ROOT, ok, okInProcess } from './support.js';

type Library = typeof source;

/** Loads, scores and formats an answers file through the library API, as the CLI does by default (the model lets the HTML summary weigh the next steps). */
async function viaLibrary(library: Library, file: string, format: (typeof FORMATS)[number]): Promise<string> {
  const { model, assessment } = await library.loadAssessment(file);
  const report = library.scoreAssessment(model.model, assessment);
  return (await library.reportFormats.load(format))(report, { color: false, nextSteps: library.DEFAULT_NEXT_STEPS, model: model.model });
}

describe('the library API gives the CLI’s output', () => {
  it('loadAssessment → scoreAssessment → reportFormats.load("json") equals the CLI’s JSON byte for byte (examples/community@1.0/middle.yaml)', async () => {
    const { model, assessment } = await source.loadAssessment(join(ROOT, 'examples/community@1.0/middle.yaml'));
    const report = source.scoreAssessment(model.model, assessment);
    expect(source.reportSchema.parse(report)).toEqual(report);
    const json = (await source.reportFormats.load('json'))(report, { color: false, nextSteps: source.DEFAULT_NEXT_STEPS });
    expect(json).toBe(ok(['score', 'examples/community@1.0/middle.yaml', '--format', 'json']));
  });

  it('the built library gives the built CLI’s output in every format (examples/community@1.0/middle.yaml)', async () => {
    const built = (await import(pathToFileURL(join(ROOT, 'dist/index.js')).href)) as Library;
    for (const format of FORMATS) expect(await viaLibrary(built, join(ROOT, 'examples/community@1.0/middle.yaml'), format)).toBe(ok(['score', 'examples/community@1.0/middle.yaml', '--format', format]));
  });

  // The CLI's output of every example and format, from a run in this process (runInProcess).
  it.each(EXAMPLES)('for every format of %s, from the source and from the built dist/index.js', async (file) => {
    const built = (await import(pathToFileURL(join(ROOT, 'dist/index.js')).href)) as Library;
    for (const format of FORMATS) {
      const cli = await okInProcess(['score', file, '--format', format]);
      expect(await viaLibrary(source, join(ROOT, file), format)).toBe(cli);
      expect(await viaLibrary(built, join(ROOT, file), format)).toBe(cli);
    }
  });

  it('withStale and parseStaleAfter give the report score --stale-after gives (examples/middle.yaml)', async () => {
    const { model, assessment } = await source.loadAssessment(join(ROOT, 'examples/middle.yaml'));
    const after = source.parseStaleAfter('12m');
    if (typeof after === 'string') throw new Error(after);
    const report = source.withStale(source.scoreAssessment(model.model, assessment), after);
    const cli = JSON.parse(await okInProcess(['score', 'examples/middle.yaml', '--stale-after', '12m', '--format', 'json'])) as source.Report;
    expect(report.stale).toEqual(cli.stale);
    expect(report.stale!.answers.length).toBeGreaterThan(0);
    // The cutoff is 12 months before the assessment's date (2027-09-15).
    expect(source.staleCutoff('2027-09-15', after)).toBe('2026-09-15');
    expect(source.parseStaleAfter('12 parsecs')).toMatch(/12 parsecs/);
  });

  it('reports a bad answers file as a UserError with located diagnostics', async () => {
    const error = await source.loadAssessment(join(ROOT, 'examples/community@1.0/middle.yaml'), { model: 'no-such-model' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(source.UserError);
    expect((error as source.UserError).message).toContain('no-such-model');
  });
});
