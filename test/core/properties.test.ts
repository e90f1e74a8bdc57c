import fc from 'fast-check';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { checkAnswers } from '../../src/core/assessment.js';
import { scoreAssessment } from '../../src/core/score.js';
import { parseAssessment } from '../../src/pipeline/load-assessment.js';
import { reportFormats } from '../../src/report/single/index.js';
import { formatJson } from '../../src/report/single/json.js';
import { answersSchema } from '../../src/schema/answers.js';
import { AGGREGATES, modelSchema, NOT_APPLICABLE, type Model } from '../../src/schema/model.js';

/**
 * Random valid models: 2–5 stages, a 2–4 level scale, 1–4 competencies, 1–3 indicators per stage
 * above the first; some indicators key, some only in context `a` or `b`.
 */
const modelArbitrary: fc.Arbitrary<Model> = fc
  .record({
    stageCount: fc.integer({ min: 2, max: 5 }),
    scaleValues: fc.uniqueArray(fc.integer({ min: 0, max: 100 }), { minLength: 2, maxLength: 4 }),
    threshold: fc.integer({ min: 1, max: 100 }),
    aggregate: fc.constantFrom(...AGGREGATES),
    competencies: fc.array(
      fc.record({
        weight: fc.integer({ min: 1, max: 5 }),
        perStage: fc.array(
          fc.array(fc.record({ weight: fc.integer({ min: 1, max: 4 }), key: fc.boolean(), only: fc.constantFrom(undefined, 'a', 'b') }), { minLength: 1, maxLength: 3 }),
          { minLength: 4, maxLength: 4 },
        ),
      }),
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
      threshold: threshold / 100,
      aggregate,
      contexts: [
        { id: 'a', name: 'Context A' },
        { id: 'b', name: 'Context B' },
      ],
      stages,
      competencies: competencies.map((competency, c) => ({
        id: `c${c}`,
        name: `Competency ${c}`,
        weight: competency.weight,
        indicators: stages.slice(1).flatMap((stage, s) =>
          (competency.perStage[s] ?? []).map(({ weight, key, only }, i) => ({
            id: `c${c}.${stage.id}.${i}`,
            stage: stage.id,
            text: `Indicator ${i}`,
            weight,
            ...(key ? { key } : {}),
            ...(only === undefined ? {} : { contexts: [only] }),
          })),
        ),
      })),
    });
  });

/** A model with answers: each indicator gets a scale id, n/a, or no answer; the assessment names a context or none. */
const assessmentArbitrary = modelArbitrary.chain((model) => {
  const ids = model.competencies.flatMap((competency) => competency.indicators.map((indicator) => indicator.id));
  const choices = [...model.scale.map((level) => level.id), NOT_APPLICABLE, undefined];
  return fc.tuple(fc.constantFrom(undefined, 'a', 'b'), ...ids.map(() => fc.constantFrom(...choices))).map(([context, ...picked]) => ({
    model,
    context,
    answers: Object.fromEntries(ids.flatMap((id, index) => (picked[index] === undefined ? [] : [[id, picked[index]!]]))) as Record<string, string>,
  }));
});

function score(model: Model, answers: Record<string, string>, context?: string) {
  const { assessment, issues } = checkAnswers(model, answersSchema.parse({ organisation: 'Org', answers, ...(context === undefined ? {} : { context }) }));
  expect(issues).toEqual([]);
  return scoreAssessment(model, assessment);
}

describe('scoring properties over random models and answers', () => {
  it('1 <= score <= number of stages, floor(score) = level, and the stage matches the level', () => {
    fc.assert(
      fc.property(assessmentArbitrary, ({ model, answers, context }) => {
        const report = score(model, answers, context);
        for (const result of [...report.competencies, report.overall]) {
          expect(result.score).toBeGreaterThanOrEqual(1);
          expect(result.score).toBeLessThanOrEqual(model.stages.length);
          expect(Math.floor(result.score)).toBe(result.level);
          expect(result.stage).toBe(model.stages[result.level - 1]?.id);
        }
        for (const competency of report.competencies) {
          for (const value of Object.values(competency.attainment)) {
            expect(value).toBeGreaterThanOrEqual(0);
            expect(value).toBeLessThanOrEqual(1);
          }
        }
      }),
      { numRuns: 300 },
    );
  });

  it('a stage is met only with each of its key indicators at or above the threshold, n/a or out of context', () => {
    fc.assert(
      fc.property(assessmentArbitrary, ({ model, answers, context }) => {
        const report = score(model, answers, context);
        const places = new Map(model.stages.map((stage, place) => [stage.id, place]));
        for (const competency of report.competencies) {
          for (const indicator of competency.indicators) {
            if (indicator.key !== true || places.get(indicator.stage)! >= competency.level) continue;
            // The indicator's stage is met: the key indicator cannot be short.
            expect(indicator.answer === NOT_APPLICABLE || (indicator.value ?? 0) >= model.threshold - 1e-9).toBe(true);
          }
          expect(competency.blockedBy ?? []).toEqual(
            competency.indicators.filter((indicator) => indicator.key === true && indicator.stage === competency.nextStage && indicator.answer !== NOT_APPLICABLE && (indicator.value ?? 0) < model.threshold - 1e-9).map((indicator) => indicator.id),
          );
        }
      }),
      { numRuns: 300 },
    );
  });

  it('raising any one answer never lowers any score', () => {
    fc.assert(
      fc.property(assessmentArbitrary, fc.nat(), fc.nat(), ({ model, answers, context }, pickIndicator, pickLevel) => {
        const ids = model.competencies.flatMap((competency) => competency.indicators.map((indicator) => indicator.id));
        const id = ids[pickIndicator % ids.length]!;
        const current = answers[id];
        if (current === NOT_APPLICABLE) return;
        const currentValue = current === undefined ? 0 : model.scale.find((level) => level.id === current)!.value;
        // From unanswered (counted as 0) any level is a raise; from an answer, only a higher value.
        const higher = model.scale.filter((level) => level.value > currentValue || current === undefined);
        if (higher.length === 0) return;
        const raised = { ...answers, [id]: higher[pickLevel % higher.length]!.id };
        const before = score(model, answers, context);
        const after = score(model, raised, context);
        expect(after.overall.score).toBeGreaterThanOrEqual(before.overall.score);
        after.competencies.forEach((competency, index) => {
          expect(competency.score).toBeGreaterThanOrEqual(before.competencies[index]!.score);
          expect(competency.level).toBeGreaterThanOrEqual(before.competencies[index]!.level);
        });
      }),
      { numRuns: 300 },
    );
  });

  it('the order of keys in the answers file changes nothing', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'cm-order-'));
    try {
      await fc.assert(
        fc.asyncProperty(assessmentArbitrary, fc.func(fc.integer()), async ({ model, answers, context }, order) => {
          // Through the real YAML path: the model in a file, answers as text naming it.
          writeFileSync(join(folder, 'model.yaml'), stringify(model));
          const shuffled = Object.fromEntries(Object.entries(answers).sort(([a], [b]) => order(a) - order(b) || (a < b ? -1 : 1)));
          const reports = [];
          for (const entries of [answers, shuffled]) {
            const text = stringify({ organisation: 'Org', model: 'model.yaml', ...(context === undefined ? {} : { context }), answers: entries });
            const loaded = await parseAssessment({ file: 'answers.yaml', text }, { baseDir: folder });
            reports.push(formatJson(scoreAssessment(loaded.model.model, loaded.assessment), { color: false, nextSteps: Infinity }));
          }
          expect(reports[1]).toBe(reports[0]);
        }),
        { numRuns: 100 },
      );
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });

  it('is deterministic: the same input gives byte-identical output in every format', async () => {
    const formatters = await Promise.all(reportFormats.names.map((name) => reportFormats.load(name)));
    fc.assert(
      fc.property(assessmentArbitrary, ({ model, answers, context }) => {
        for (const format of formatters) {
          // A binary format (xlsx) gives bytes.
          const first = format(score(model, answers, context), { color: false, nextSteps: 3 });
          const second = format(score(model, { ...answers }, context), { color: false, nextSteps: 3 });
          expect(typeof first === 'string' ? first : Buffer.from(first).toString('base64')).toBe(typeof second === 'string' ? second : Buffer.from(second).toString('base64'));
        }
      }),
      { numRuns: 100 },
    );
  });
});
