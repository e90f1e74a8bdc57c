import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { checkAnswers } from '../../src/core/assessment.js';
import { scoreAssessment } from '../../src/core/score.js';
import { parseModel } from '../../src/parse/model.js';
import { answersSchema } from '../../src/schema/answers.js';

// The README's worked example of a context and a key indicator ("How scores are computed").
const FILE = 'test/fixtures/small-models/format-2.model.yaml';
const MODEL = parseModel({ file: FILE, text: readFileSync(FILE, 'utf8') });

function goals(answers: Record<string, string>, context?: string) {
  const { assessment, issues } = checkAnswers(MODEL, answersSchema.parse({ organisation: 'Example', answers, ...(context === undefined ? {} : { context }) }));
  expect(issues).toEqual([]);
  const report = scoreAssessment(MODEL, assessment);
  return { competency: report.competencies[0]!, completeness: report.completeness };
}

const ANSWERS = { 'goals.written': 'yes', 'goals.staff': 'partly', 'goals.members': 'yes', 'goals.approved': 'partly', 'goals.reviewed': 'yes' };

describe('the worked example of a context and a key indicator', () => {
  it('staff context: Grown (1 + 0.5) / 2 = 0.75 met; Shared 0.75 but held back by goals.approved: 2 + min(1, 0.99)', () => {
    const { competency, completeness } = goals(ANSWERS, 'staff');
    expect(competency).toMatchObject({ level: 2, stage: 'grown', score: 2.99, attainment: { grown: 0.75, shared: 0.75 }, blockedBy: ['goals.approved'] });
    expect(competency.indicators.find((indicator) => indicator.id === 'goals.members')).toMatchObject({ answer: 'n/a', applicable: false });
    expect(completeness).toEqual({ answered: 4, total: 4, unanswered: [] });
  });

  it('goals.approved answered yes frees Shared: (1 + 1) / 2 = 1, the top stage', () => {
    expect(goals({ ...ANSWERS, 'goals.approved': 'yes' }, 'staff').competency).toMatchObject({ level: 3, score: 3 });
  });

  it('without a context goals.members counts: Grown (1 + 0.5 + 1) / 3 = 0.833, 5 indicators', () => {
    const { competency, completeness } = goals(ANSWERS);
    expect(competency).toMatchObject({ level: 2, score: 2.99, attainment: { grown: 0.83, shared: 0.75 } });
    expect(completeness.total).toBe(5);
  });
});
