import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkReport } from '../../src/core/check-report.js';
import { scoreAssessment } from '../../src/core/score.js';
import { AGGREGATES, modelSchema, NOT_APPLICABLE, type Model } from '../../src/schema/model.js';
import { reportSchema, type Report } from '../../src/schema/report.js';
import { runInProcess } from '../e2e/support.js';

// Class 10 (point 2) of the hardening issue: validate accepted JSON reports whose levels or
// attainments are impossible for their model. A report read back (validate, --baseline, diff,
// history) is checked for what scoring makes true of every report, without its model file.

const REPORT = 'test/fixtures/hostile/input-impossible-report.json';

describe('validate with a JSON report that is impossible for its model', () => {
  it('refuses each impossibility at its place', async () => {
    const text = readFileSync(REPORT, 'utf8');
    const lineOf = (needle: string, from = 0) => text.slice(0, text.indexOf(needle, from)).split('\n').length;
    const result = await runInProcess(['validate', REPORT]);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    const at = (needle: string, from?: number) => `${REPORT}:${lineOf(needle, from)}:`;
    const lines = result.stderr.trimEnd().split('\n');
    expect(lines).toHaveLength(6);
    expect(lines[0]).toMatch(new RegExp(`^${at('"level": 4', text.indexOf('"overall"'))}\\d+: overall\\.level must be 2, the level of the score 2\\.98, not 4$`));
    expect(lines[1]).toMatch(new RegExp(`^${at('"level": 7')}\\d+: competencies\\[0\\]\\.level must be a stage's level, 1 to 4, not 7$`));
    expect(lines[2]).toMatch(new RegExp(`^${at('"network": 1.5')}\\d+: competencies\\[1\\]\\.attainment\\.network must be between 0 and 1, not 1\\.5$`));
    expect(lines[3]).toMatch(new RegExp(`^${at('"expert"')}\\d+: competencies\\[2\\]\\.attainment has "expert", which is not a stage above the first`));
    expect(lines[4]).toMatch(/competencies\[3\]\.stage must be "community", the stage of level 3, not "network"$/);
    expect(lines[5]).toMatch(/competencies\[4\]\.score 3\.5 does not fit level 4: the top level scores 4$/);
  });

  it('refuses it as a baseline and in diff too', async () => {
    for (const args of [['score', 'examples/community@1.0/middle.yaml', '--baseline', REPORT], ['diff', REPORT, 'examples/community@1.0/middle.yaml']]) {
      const result = await runInProcess(args);
      expect(result.code, args.join(' ')).toBe(2);
      expect(result.stderr).toContain(`${REPORT}:`);
    }
  });

  it('accepts every report the tool writes, for random models, answers, thresholds and aggregates', () => {
    fc.assert(
      fc.property(assessmentArbitrary, ({ model, answers }) => {
        const report = scoreAssessment(model, { organisation: 'Org', date: null, assessor: null, answers: new Map(Object.entries(answers).map(([id, answer]) => [id, { answer, note: null }])) });
        expect(checkReport(reportSchema.parse(JSON.parse(JSON.stringify(report))))).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });

  it('finds a changed level, stage, attainment or score in any report', () => {
    const breakings: ((report: Report) => void)[] = [
      (report) => (report.competencies[0]!.level = report.stages.length + 1),
      (report) => (report.competencies[0]!.stage = `${report.competencies[0]!.stage}-x`),
      (report) => (report.competencies[0]!.attainment[report.stages[1]!.id] = 1.01),
      (report) => (report.competencies[0]!.attainment['not-a-stage'] = 0),
      (report) => (report.competencies[0]!.score = report.competencies[0]!.level + 1),
      (report) => (report.overall.level = report.overall.level === 1 ? 2 : 1),
      (report) => (report.stages[0]!.level = 0),
    ];
    fc.assert(
      fc.property(assessmentArbitrary, fc.constantFrom(...breakings), ({ model, answers }, breaking) => {
        const report = scoreAssessment(model, { organisation: 'Org', date: null, assessor: null, answers: new Map(Object.entries(answers).map(([id, answer]) => [id, { answer, note: null }])) });
        const broken = JSON.parse(JSON.stringify(report)) as Report;
        breaking(broken);
        expect(checkReport(broken)).not.toEqual([]);
      }),
      { numRuns: 300 },
    );
  });
});

/** Random valid models: 2–5 stages, a 2–4 level scale, 1–4 competencies, 1–3 indicators per stage above the first. */
const modelArbitrary: fc.Arbitrary<Model> = fc
  .record({
    stageCount: fc.integer({ min: 2, max: 5 }),
    scaleValues: fc.uniqueArray(fc.integer({ min: 0, max: 100 }), { minLength: 2, maxLength: 4 }),
    threshold: fc.integer({ min: 1, max: 1000 }),
    aggregate: fc.constantFrom(...AGGREGATES),
    competencies: fc.array(
      fc.record({ weight: fc.integer({ min: 1, max: 5 }), perStage: fc.array(fc.array(fc.integer({ min: 1, max: 4 }), { minLength: 1, maxLength: 3 }), { minLength: 4, maxLength: 4 }) }),
      { minLength: 1, maxLength: 4 },
    ),
  })
  .map(({ stageCount, scaleValues, threshold, aggregate, competencies }) => {
    const stages = Array.from({ length: stageCount }, (_, index) => ({ id: `s${index + 1}`, name: `Stage ${index + 1}` }));
    return modelSchema.parse({
      id: 'random',
      name: 'Random model',
      version: '1',
      scale: scaleValues.map((value) => ({ id: `v${value}`, label: `Value ${value}`, value: value / 100 })),
      // Thresholds with three decimals too, which attainments cut to two cannot always show.
      threshold: threshold / 1000,
      aggregate,
      stages,
      competencies: competencies.map((competency, c) => ({
        id: `c${c}`,
        name: `Competency ${c}`,
        weight: competency.weight,
        indicators: stages.slice(1).flatMap((stage, s) => (competency.perStage[s] ?? [1]).map((weight, i) => ({ id: `c${c}.${stage.id}.${i}`, stage: stage.id, text: `Indicator ${i}`, weight }))),
      })),
    });
  });

/** A model with answers: each indicator gets a scale id, n/a, or no answer. */
const assessmentArbitrary = modelArbitrary.chain((model) => {
  const ids = model.competencies.flatMap((competency) => competency.indicators.map((indicator) => indicator.id));
  const choices = [...model.scale.map((level) => level.id), NOT_APPLICABLE, undefined];
  return fc
    .tuple(...ids.map(() => fc.constantFrom(...choices)))
    .map((picked) => ({ model, answers: Object.fromEntries(ids.flatMap((id, index) => (picked[index] === undefined ? [] : [[id, picked[index]!]]))) as Record<string, string> }));
});
