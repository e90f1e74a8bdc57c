import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { lintModel } from '../../src/core/lint-model.js';
import { modelSchema, type ModelInput } from '../../src/schema/model.js';
import { buildModel, SCALE } from '../helpers/model.js';

/** A model with every stage described and every indicator advised, so only the rule under test fires. */
function model(counts: number[], extra: Partial<ModelInput> = {}) {
  const built = buildModel(
    ['start', 'grown'],
    counts.map((count, c) => ({ id: `c${c}`, indicators: { grown: Array.from({ length: count }, () => 1) } })),
    extra,
  );
  for (const competency of built.competencies) {
    competency.stages = { start: 'Nothing yet.', grown: 'Done.' };
    for (const indicator of competency.indicators) indicator.advice = `Do ${indicator.id}.`;
  }
  return built;
}

const codes = (issues: { code: string }[]) => issues.map((issue) => issue.code);

describe('lintModel', () => {
  it('finds nothing in any built-in model', () => {
    const files = readdirSync('models').filter((name) => name.endsWith('.yaml') && !/\.[a-z]{2}\.yaml$/.test(name));
    expect(files).toContain('community@1.0.yaml');
    for (const file of files) expect(lintModel(modelSchema.parse(parse(readFileSync(`models/${file}`, 'utf8')))), file).toEqual([]);
  });

  it('finds nothing in a complete, balanced model', () => {
    expect(lintModel(model([3, 3, 2]))).toEqual([]);
  });

  it('warns about an indicator without advice, at its id', () => {
    const m = model([2, 2]);
    delete m.competencies[1]!.indicators[0]!.advice;
    expect(lintModel(m)).toEqual([{ path: ['competencies', 1, 'indicators', 0, 'id'], code: 'no-advice', message: expect.stringContaining('c1.grown.1 has no advice') }]);
  });

  it('warns about a competency with no stage descriptors, and one missing some', () => {
    const m = model([2, 2]);
    delete m.competencies[0]!.stages;
    m.competencies[1]!.stages = { start: 'Nothing yet.' };
    const issues = lintModel(m);
    expect(codes(issues)).toEqual(['no-stage-descriptors', 'missing-stage-descriptor']);
    expect(issues[1]!.message).toBe('competency c1 describes no stage grown');
  });

  it('"far fewer" means fewer than half the median count', () => {
    // Median of [4, 4, 2] is 4: 2 is exactly half, not fewer.
    expect(lintModel(model([4, 4, 2]))).toEqual([]);
    // Median of [4, 4, 1] is 4: 1 < 2.
    const issues = lintModel(model([4, 4, 1]));
    expect(issues).toEqual([{ path: ['competencies', 2, 'indicators'], at: 'key', code: 'small-competency', message: expect.stringContaining('fewer than half the median of 4') }]);
    // Even count: median of [6, 2] is 4, and 2 is half of it.
    expect(lintModel(model([6, 2]))).toEqual([]);
    expect(codes(lintModel(model([7, 1])))).toEqual(['small-competency']);
    // A single competency has nothing to compare with.
    expect(lintModel(model([1]))).toEqual([]);
  });

  it('warns about duplicate indicator texts, ignoring case and spacing, pointing back at the first', () => {
    const m = model([2, 2]);
    m.competencies[0]!.indicators[1]!.text = 'Goals  are written.';
    m.competencies[1]!.indicators[0]!.text = 'goals are written. ';
    m.competencies[0]!.indicators[0]!.text = 'Goals are written.';
    expect(lintModel(m)).toEqual([
      { path: ['competencies', 0, 'indicators', 1, 'text'], code: 'duplicate-text', message: expect.stringContaining('same text as c0.grown.1'), related: ['competencies', 0, 'indicators', 0, 'text'] },
      { path: ['competencies', 1, 'indicators', 0, 'text'], code: 'duplicate-text', message: expect.stringContaining('same text as c0.grown.1'), related: ['competencies', 0, 'indicators', 0, 'text'] },
    ]);
  });

  it('accepts strictly decreasing and strictly increasing scales, warns at the first tie or turn', () => {
    const scale = (values: number[]) => values.map((value, index) => ({ id: `s${index}`, label: `S${index}`, value }));
    expect(lintModel(model([1], { scale: SCALE }))).toEqual([]);
    expect(lintModel(model([1], { scale: scale([0, 0.5, 1]) }))).toEqual([]);
    expect(lintModel(model([1], { scale: scale([1, 0.5, 0.5, 0]) }))).toEqual([
      { path: ['scale', 2, 'value'], code: 'scale-order', message: expect.stringContaining('"s1" and "s2" have the same value 0.5') },
    ]);
    expect(lintModel(model([1], { scale: scale([1, 0, 0.5]) }))).toEqual([
      { path: ['scale', 2, 'value'], code: 'scale-order', message: expect.stringContaining('"s2" (0.5) breaks the order') },
    ]);
    expect(codes(lintModel(model([1], { scale: scale([0.5, 0.5]) })))).toEqual(['scale-order']);
  });

  describe('criteria, evidence prompts and scale descriptions: all or none', () => {
    const anchored = () => {
      const m = model([2, 2]);
      m.scale = m.scale.map((level) => ({ ...level, description: `${level.label} means this.` }));
      for (const indicator of m.competencies.flatMap((competency) => competency.indicators)) {
        indicator.criteria = ['It is written.', 'It is dated.'];
        indicator.evidence = 'The document.';
      }
      return m;
    };

    it('a model with all three everywhere is clean', () => {
      expect(lintModel(anchored())).toEqual([]);
    });

    it('a model with none of them is not asked for any (every 1.0 model)', () => {
      expect(lintModel(model([2, 2]))).toEqual([]);
    });

    it('one criterion list anywhere asks for every other: criteria and evidence prompts of each indicator, a description of each scale level', () => {
      const m = model([1, 1]);
      m.competencies[1]!.indicators[0]!.criteria = ['It is written.', 'It is dated.'];
      expect(lintModel(m).map((issue) => [issue.code, issue.path.join('.')])).toEqual([
        ['no-scale-description', 'scale.0.id'],
        ['no-scale-description', 'scale.1.id'],
        ['no-scale-description', 'scale.2.id'],
        ['no-scale-description', 'scale.3.id'],
        ['no-criteria', 'competencies.0.indicators.0.id'],
        ['no-evidence-prompt', 'competencies.0.indicators.0.id'],
        ['no-evidence-prompt', 'competencies.1.indicators.0.id'],
      ]);
    });

    it('so does one evidence prompt, or one scale description', () => {
      const withEvidence = model([1]);
      withEvidence.competencies[0]!.indicators[0]!.evidence = 'The log.';
      expect(codes(lintModel(withEvidence))).toEqual(['no-scale-description', 'no-scale-description', 'no-scale-description', 'no-scale-description', 'no-criteria']);
      const withDescription = model([1]);
      withDescription.scale[0]!.description = 'Every criterion holds.';
      expect(lintModel(withDescription)).toEqual([
        { path: ['scale', 1, 'id'], code: 'no-scale-description', message: expect.stringContaining('scale level "mostly" has no description') },
        { path: ['scale', 2, 'id'], code: 'no-scale-description', message: expect.stringContaining('scale level "partly" has no description') },
        { path: ['scale', 3, 'id'], code: 'no-scale-description', message: expect.stringContaining('scale level "no" has no description') },
        { path: ['competencies', 0, 'indicators', 0, 'id'], code: 'no-criteria', message: 'indicator c0.grown.1 has no criteria; list the conditions that must all hold for the top answer' },
        { path: ['competencies', 0, 'indicators', 0, 'id'], code: 'no-evidence-prompt', message: 'indicator c0.grown.1 has no evidence prompt (evidence:); say what an assessor looks at to answer it' },
      ]);
    });

    it('2 to 4 criteria per indicator: 1 and 5 are warned about, at the criteria key', () => {
      const m = anchored();
      const [first, second] = m.competencies[0]!.indicators;
      first!.criteria = ['Only one.'];
      second!.criteria = ['1', '2', '3', '4', '5'];
      m.competencies[1]!.indicators[0]!.criteria = ['1', '2', '3', '4'];
      expect(lintModel(m)).toEqual([
        { path: ['competencies', 0, 'indicators', 0, 'criteria'], at: 'key', code: 'criteria-count', message: 'indicator c0.grown.1 has 1 criterion; give 2 to 4: a single one only restates the text' },
        { path: ['competencies', 0, 'indicators', 1, 'criteria'], at: 'key', code: 'criteria-count', message: 'indicator c0.grown.2 has 5 criteria; give 2 to 4: an assessor does not check more than that one by one' },
      ]);
    });
  });

  it('warns about a context that no indicator names, whatever else the model uses', () => {
    const m = model([2], { contexts: [{ id: 'internal', name: 'Internal' }, { id: 'customer', name: 'Customer' }, { id: 'public', name: 'Public' }] });
    m.competencies[0]!.indicators[0]!.contexts = ['internal'];
    m.competencies[0]!.indicators[1]!.contexts = ['internal', 'public'];
    expect(lintModel(m)).toEqual([
      { path: ['contexts', 1, 'id'], code: 'unused-context', message: "context customer is named by no indicator's contexts:, so choosing it changes nothing; give it the indicators that only it has, or remove it" },
    ]);
    m.competencies[0]!.indicators[0]!.contexts = ['customer'];
    expect(lintModel(m)).toEqual([]);
  });

  it("warns about a key indicator at its competency's lowest stage, not at a higher one", () => {
    const m = buildModel(['s1', 's2', 's3'], [{ id: 'a', indicators: { s2: [1, 1], s3: [1, 1] } }, { id: 'b', indicators: { s3: [1, 1], s2: [1, 1] } }]);
    for (const competency of m.competencies) {
      competency.stages = { s1: 'One.', s2: 'Two.', s3: 'Three.' };
      for (const indicator of competency.indicators) indicator.advice = 'Do it.';
    }
    const [a, b] = m.competencies;
    a!.indicators[2]!.key = true; // a.s3.1
    b!.indicators[0]!.key = true; // b.s3.1: the lowest stage of b is s2 even though its s3 indicators come first
    expect(lintModel(m)).toEqual([]);
    a!.indicators[1]!.key = true; // a.s2.2
    b!.indicators[3]!.key = true; // b.s2.2
    b!.indicators[2]!.key = false; // b.s2.1: not a key
    expect(lintModel(m)).toEqual([
      { path: ['competencies', 0, 'indicators', 1, 'key'], at: 'key', code: 'key-at-lowest-stage', message: 'key indicator a.s2.2 is at s2, the lowest stage of competency a: until it is met, a stays at s1 whatever else is answered; keep key: for the must-haves of a higher stage' },
      { path: ['competencies', 1, 'indicators', 3, 'key'], at: 'key', code: 'key-at-lowest-stage', message: expect.stringContaining('key indicator b.s2.2 is at s2, the lowest stage of competency b') },
    ]);
  });

  it('warns about a source that is not an https: URL', () => {
    const m = model([1]);
    m.competencies[0]!.sources = [
      { title: 'Secure', url: 'https://example.org/a' },
      { title: 'Plain', url: 'http://example.org/b' },
      { title: 'Upper case', url: 'HTTPS://EXAMPLE.ORG/C' },
    ];
    expect(lintModel(m)).toEqual([
      { path: ['competencies', 0, 'sources', 1, 'url'], code: 'insecure-source', message: 'source "http://example.org/b" of competency c0 is not an https: URL; link to its https: address' },
    ]);
  });
});
