import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parse } from 'yaml';
import { answersTemplate, yamlScalar } from '../../src/core/answers-template.js';
import { answeredCount, applyAction, nextIndex, progressText, questions, questionText, runningStage, startIndex } from '../../src/core/questionnaire.js';
import { answersSchema } from '../../src/schema/answers.js';
import { checkAnswers, type Answer } from '../../src/core/assessment.js';
import { assessment, buildModel } from '../helpers/model.js';

// Stages a < b < c; competency x has 2 indicators at b and 1 at c, listed c first to check ordering.
const model = buildModel(['a', 'b', 'c'], [{ id: 'x', indicators: { c: [1], b: [1, 1] } }, { id: 'y', indicators: { b: [1], c: [1] } }]);

describe('questionnaire flow', () => {
  it('asks competency by competency, lowest stage first', () => {
    expect(questions(model).map((question) => [question.index, question.indicator.id])).toEqual([
      [0, 'x.b.1'], [1, 'x.b.2'], [2, 'x.c.1'], [3, 'y.b.1'], [4, 'y.c.1'],
    ]);
  });

  it('resumes at the first unanswered question (a note alone is no answer), or the first when all are answered', () => {
    const list = questions(model);
    expect(startIndex(list, new Map())).toBe(0);
    expect(startIndex(list, assessment({ 'x.b.1': 'yes', 'x.b.2': 'no', 'y.b.1': 'n/a' }).answers)).toBe(2);
    const noteOnly = new Map<string, Answer>([['x.b.1', { answer: null, note: 'later' }]]);
    expect(startIndex(list, noteOnly)).toBe(0);
    expect(startIndex(list, assessment({ 'x.b.1': 'yes', 'x.b.2': 'no', 'x.c.1': 'no', 'y.b.1': 'n/a', 'y.c.1': 'partly' }).answers)).toBe(0);
    expect(answeredCount(list, assessment({ 'x.b.1': 'yes', 'y.b.1': 'n/a' }).answers)).toBe(2);
  });

  it('moves on after an answer or a skip, stays for a note, goes back one (not before the first)', () => {
    expect(nextIndex(3, { kind: 'answer', answer: 'yes' })).toBe(4);
    expect(nextIndex(3, { kind: 'skip' })).toBe(4);
    expect(nextIndex(3, { kind: 'note', note: 'x' })).toBe(3);
    expect(nextIndex(3, { kind: 'back' })).toBe(2);
    expect(nextIndex(0, { kind: 'back' })).toBe(0);
  });

  it('an answer keeps the note, a note keeps the answer, an empty note removes it, skip changes nothing', () => {
    let answers: ReadonlyMap<string, Answer> = new Map();
    answers = applyAction(answers, 'x.b.1', { kind: 'note', note: '  Seen in May ' });
    expect(answers.get('x.b.1')).toEqual({ answer: null, note: 'Seen in May' });
    answers = applyAction(answers, 'x.b.1', { kind: 'answer', answer: 'mostly' });
    expect(answers.get('x.b.1')).toEqual({ answer: 'mostly', note: 'Seen in May' });
    expect(applyAction(answers, 'x.b.1', { kind: 'skip' })).toEqual(answers);
    expect(applyAction(answers, 'x.b.1', { kind: 'note', note: '' }).get('x.b.1')).toEqual({ answer: 'mostly', note: null });
  });

  it('shows progress and the running stage of the current competency', () => {
    expect(progressText(11, 72)).toBe('12/72');
    // x at b: (1 + 0.75) / 2 = 0.875 ≥ 0.75, so stage B; c unanswered: score 2.
    const answered = assessment({ 'x.b.1': 'yes', 'x.b.2': 'mostly' });
    expect(runningStage(model, answered, 'x')).toEqual({ stageName: 'B', score: '2.00' });
    expect(runningStage(model, answered, 'y')).toEqual({ stageName: 'A', score: '1.00' });
    expect(questionText(model, answered, questions(model)[2]!, 5)).toBe('[3/5] Competency x: now at B (2.00)\nC · x.c.1\nIndicator 1 of x at c');
  });
});

describe('answers template', () => {
  it('reads back as every indicator, in order, with the answers and notes given', () => {
    const answers = new Map<string, Answer>([
      ['x.b.1', { answer: 'yes', note: null }],
      ['x.b.2', { answer: 'n/a', note: 'Not for us: "HQ" said #no' }],
      ['y.c.1', { answer: null, note: 'ask Sam' }],
    ]);
    const text = answersTemplate(model, { schema: './s.json', modelRef: '../m.yaml', organisation: 'Org', date: '2026-01-02', assessor: null, answers });
    const data = answersSchema.parse(parse(text, { version: '1.2' }));
    expect(data).toEqual({
      organisation: 'Org',
      date: '2026-01-02',
      model: '../m.yaml',
      assessor: null,
      answers: { 'x.b.1': 'yes', 'x.b.2': { answer: 'n/a', note: 'Not for us: "HQ" said #no' }, 'x.c.1': null, 'y.b.1': null, 'y.c.1': { note: 'ask Sam' } },
    });
    expect(checkAnswers(model, data).issues).toEqual([]);
  });

  it('yamlScalar: any text reads back as the same string', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 30 }), (value) => {
        expect(parse(`key: ${yamlScalar(value)}`, { version: '1.2' })).toEqual({ key: value });
        expect(parse(`key: ${yamlScalar(value)}`, { version: '1.1' })).toEqual({ key: value });
      }),
    );
    for (const word of ['yes', 'No', 'on', 'null', '~', 'true']) expect(yamlScalar(word)).toBe(JSON.stringify(word));
    expect(yamlScalar('mostly')).toBe('mostly');
  });
});
