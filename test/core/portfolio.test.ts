import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sortPortfolio, type PortfolioEntry } from '../../src/core/portfolio.js';
import { scoreAssessment } from '../../src/core/score.js';
import { loadAssessment } from '../../src/pipeline/load-assessment.js';
import type { Report } from '../../src/schema/report.js';

// A real report to vary: only the organisation and the scores matter to the order.
const loaded = await loadAssessment(new URL('../../examples/community@1.0/middle.yaml', import.meta.url).pathname);
const BASE: Report = scoreAssessment(loaded.model.model, loaded.assessment);

const entryArbitrary: fc.Arbitrary<PortfolioEntry> = fc
  .record({
    file: fc.constantFrom('a.yaml', 'b.yaml', 'B.yaml', 'c/d.yml', 'c/e.yaml', 'f.yml', 'g.yaml', 'h.yaml'),
    organisation: fc.constantFrom('Acme', 'acme', 'Zeta', 'Beta', ''),
    overall: fc.integer({ min: 100, max: 400 }),
    strategy: fc.integer({ min: 100, max: 400 }),
  })
  .map(({ file, organisation, overall, strategy }) => ({
    file,
    report: {
      ...BASE,
      organisation,
      overall: { ...BASE.overall, score: overall / 100 },
      competencies: BASE.competencies.map((competency) => (competency.id === 'strategy' ? { ...competency, score: strategy / 100 } : competency)),
    },
  }));

describe('sortPortfolio', () => {
  it.each(['score', 'name', 'strategy', 'tools'])('orders by %s whatever the input order, and keeps every entry', (key) => {
    fc.assert(
      // Every file once, as the command line gives them: a file named twice is scored once.
      fc.property(fc.uniqueArray(entryArbitrary, { maxLength: 8, selector: (entry) => entry.file }), fc.nat(), (entries, seed) => {
        const reversed = [...entries].reverse();
        const rotated = entries.length > 0 ? [...entries.slice(seed % entries.length), ...entries.slice(0, seed % entries.length)] : entries;
        const sorted = sortPortfolio(entries, key);
        expect(sortPortfolio(reversed, key)).toEqual(sorted);
        expect(sortPortfolio(rotated, key)).toEqual(sorted);
        expect(sorted).toHaveLength(entries.length);
        for (const [index, entry] of sorted.slice(1).entries()) {
          const previous = sorted[index]!;
          if (key === 'score') expect(previous.report.overall.score).toBeGreaterThanOrEqual(entry.report.overall.score);
          if (key === 'strategy') expect(previous.report.competencies[0]!.score).toBeGreaterThanOrEqual(entry.report.competencies[0]!.score);
          if (key === 'name') expect(previous.report.organisation.toLowerCase() <= entry.report.organisation.toLowerCase()).toBe(true);
        }
      }),
    );
  });
});
