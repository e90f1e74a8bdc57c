import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkAnswers } from '../../src/core/assessment.js';
import { withBaseline } from '../../src/core/compare.js';
import { evaluateGates } from '../../src/core/gates.js';
import { scoreAssessment } from '../../src/core/score.js';
import { loadModel } from '../../src/load/model.js';
import { jsonLineEncoder } from '../../src/report/portfolio/json-line-bytes.js';
import { jsonLine } from '../../src/report/portfolio/json.js';
import type { Report } from '../../src/schema/report.js';
import { NOT_APPLICABLE, type Model } from '../../src/schema/model.js';
import { buildModel } from '../helpers/model.js';

const utf8 = new TextEncoder();

/** The encoder's line is the UTF-8 of jsonLine; compared as bytes, shown as text when they differ. */
function expectLineOf(report: Report, line: Uint8Array): void {
  const wanted = utf8.encode(jsonLine(report));
  if (!Buffer.from(line.buffer, line.byteOffset, line.byteLength).equals(wanted)) expect(new TextDecoder().decode(line)).toBe(jsonLine(report));
  expect(Buffer.compare(line, wanted)).toBe(0);
}

/** Texts that JSON and UTF-8 treat specially: quotes, backslashes, controls, non-ASCII, astral and lone surrogates. */
const awkwardText = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.constantFrom('plain', 'with "quotes" and \\ backslash', 'tab\there\nnewline', '\u0001\u001f\u007f', 'Zürich — Åland', '𝄞 clef', 'lone \ud800 high', 'lone \udfff low', '\u2028\u2029'),
);

/** Reports of the built-in model and of a small test model, with awkward notes, names and dates. */
function reportArbitrary(models: Model[]): fc.Arbitrary<Report> {
  return fc.constantFrom(...models).chain((model) => {
    const ids = model.competencies.flatMap((competency) => competency.indicators.map((indicator) => indicator.id));
    const choices = [...model.scale.map((level) => level.id), NOT_APPLICABLE, null];
    const answer = fc.record({ answer: fc.constantFrom(...choices), note: fc.option(awkwardText, { nil: undefined }) });
    return fc
      .record({
        organisation: awkwardText.filter((text) => text.trim() !== ''),
        assessor: fc.option(awkwardText, { nil: undefined }),
        answers: fc.tuple(...ids.map(() => fc.option(answer, { nil: undefined }))),
        gated: fc.boolean(),
      })
      .map(({ organisation, assessor, answers, gated }) => {
        const file = {
          organisation,
          ...(assessor === undefined ? {} : { assessor }),
          answers: Object.fromEntries(ids.flatMap((id, index) => (answers[index] === undefined ? [] : [[id, answers[index]]]))),
        };
        const { assessment, issues } = checkAnswers(model, file);
        expect(issues).toEqual([]);
        const report = scoreAssessment(model, assessment);
        return gated ? { ...report, gates: evaluateGates(report, { failUnder: { subject: 'overall', target: 2.5, text: '2.5' } }) } : report;
      });
  });
}

describe('jsonl lines as bytes', () => {
  it('are the UTF-8 of jsonLine, report after report with one encoder, whatever the texts', async () => {
    const builtin = (await loadModel('community')).model;
    // The same indicator ids as `small`, with other texts: a cached opening must not be reused for them.
    const small = buildModel(['s1', 's2', 's3'], [{ id: 'a', indicators: { s2: [1, 2], s3: [1] } }, { id: 'b', indicators: { s2: [1], s3: [3] } }]);
    const reworded: Model = { ...small, competencies: small.competencies.map((competency) => ({ ...competency, indicators: competency.indicators.map((indicator) => ({ ...indicator, text: `${indicator.text}, reworded "ü"` })) })) };
    const encode = jsonLineEncoder();
    fc.assert(
      fc.property(reportArbitrary([builtin, small, reworded]), (report) => {
        expectLineOf(report, encode(report));
      }),
      { numRuns: 300 },
    );
  });

  it('writes objects of another shape as JSON.stringify does', async () => {
    const model = (await loadModel('community')).model;
    const { assessment } = checkAnswers(model, { organisation: 'Org', answers: { 'strategy.purpose': { answer: 'yes', note: 'n' } } });
    const report = scoreAssessment(model, assessment);
    const [first, ...rest] = report.competencies;
    const [indicator, ...others] = first!.indicators;
    const variants: Report[] = [
      // A baseline adds `delta` to every competency and the overall result.
      withBaseline(report, report),
      // An indicator with its keys in another order, or with one more.
      { ...report, competencies: [{ ...first!, indicators: [{ note: indicator!.note, ...(({ note: _, ...rest }) => rest)(indicator!) }, ...others] }, ...rest] },
      { ...report, competencies: [{ ...first!, indicators: [{ ...indicator!, extra: 1 } as never, ...others] }, ...rest] },
      // A value of an unexpected type, and a key left undefined.
      { ...report, competencies: [{ ...first!, indicators: [{ ...indicator!, value: '1' } as never, ...others] }, ...rest] },
      { ...report, competencies: [{ ...first!, nextStage: undefined } as never, ...rest] },
      // A key that needs escaping, and an object that serialises itself.
      { ...report, 'odd "key"': 1 } as never,
      Object.assign(Object.create({ inherited: 1 }), report) as Report,
      { ...report, toJSON: () => ({ replaced: true }) } as never,
      // Numbers JSON cannot write.
      { ...report, threshold: Number.NaN, competencies: [{ ...first!, score: Number.POSITIVE_INFINITY }, ...rest] },
    ];
    const encode = jsonLineEncoder();
    for (const variant of variants) expectLineOf(variant, encode(variant));
    // Each line has an ArrayBuffer of its own: a worker thread hands it over without a copy.
    const lines = [encode(report), encode(report)];
    expect(lines[0]!.buffer).not.toBe(lines[1]!.buffer);
    expect(lines[0]!.byteOffset).toBe(0);
    expect(lines[0]!.byteLength).toBe(lines[0]!.buffer.byteLength);
  });

  it('stays right past its cache limit and when a line outgrows its buffer', async () => {
    const model = (await loadModel('community')).model;
    const ids = model.competencies.flatMap((competency) => competency.indicators.map((indicator) => indicator.id));
    const encode = jsonLineEncoder();
    for (let round = 0; round < 80; round++) {
      // 72 distinct notes per report, 5,760 in all; the last rounds' notes are long (over 64 KB a line).
      const note = (id: string) => `${id} ${round} ${'é'.repeat(round > 75 ? 2000 : 1)}`;
      const { assessment } = checkAnswers(model, { organisation: `Org ${round}`, answers: Object.fromEntries(ids.map((id) => [id, { answer: 'partly', note: note(id) }])) });
      const report = scoreAssessment(model, assessment);
      expectLineOf(report, encode(report));
    }
  });
});
