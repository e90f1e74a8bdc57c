import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parse } from 'yaml';
import { answersTemplate, yamlScalar } from '../../src/core/answers-template.js';
import { answerChoices, answeredCount, applyAction, nextIndex, progressText, questions, questionText, runningStage, startIndex } from '../../src/core/questionnaire.js';
import { answersSchema } from '../../src/schema/answers.js';
import { checkAnswers, type Answer } from '../../src/core/assessment.js';
import { modelSchema } from '../../src/schema/model.js';
import { terminalText } from '../../src/report/escape/terminal.js';
import { assessment, buildModel, SCALE } from '../helpers/model.js';
import { localeOf } from '../../src/cli/language.js';

const EN = localeOf('en');

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
    expect(questionText(EN, model, answered, questions(model)[2]!, 5)).toBe('[3/5] Competency x: now at B (2.00)\nC · x.c.1\nIndicator 1 of x at c');
  });
});

describe('answers template', () => {
  it('reads back as every indicator, in order, with the answers and notes given', () => {
    const answers = new Map<string, Answer>([
      ['x.b.1', { answer: 'yes', note: null }],
      ['x.b.2', { answer: 'n/a', note: 'Not for us: "HQ" said #no' }],
      ['y.c.1', { answer: null, note: 'ask Sam' }],
    ]);
    const text = answersTemplate(model, { locale: EN, schema: './s.json', modelRef: '../m.yaml', organisation: 'Org', date: '2026-01-02', assessor: null, answers });
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

/**
 * Stages a < b < c. x.1 (b, internal only), x.2 (b, key, with criteria, evidence prompt and
 * advice), x.3 (c, customer only), x.4 (c). The scale says what each answer means.
 */
const format2 = modelSchema.parse({
  id: 'two',
  name: 'Two',
  version: '2.0',
  scale: SCALE.map((level) => ({ ...level, description: `${level.label}: as described.` })),
  contexts: [
    { id: 'internal', name: 'Internal' },
    { id: 'customer', name: 'Customer' },
  ],
  stages: ['a', 'b', 'c'].map((id) => ({ id, name: id.toUpperCase() })),
  competencies: [
    {
      id: 'x',
      name: 'X',
      indicators: [
        { id: 'x.1', stage: 'b', text: 'One.', contexts: ['internal'] },
        { id: 'x.2', stage: 'b', text: 'Two.', key: true, criteria: ['It is written.', 'It is dated.'], evidence: 'The document.', advice: 'Write it.' },
        { id: 'x.3', stage: 'c', text: 'Three.', contexts: ['customer'] },
        { id: 'x.4', stage: 'c', text: 'Four.' },
      ],
    },
  ],
});

describe('questionnaire of a model with contexts, criteria and key indicators', () => {
  it('asks only the indicators of the context; without one, every indicator', () => {
    const ids = (context: string | null) => questions(format2, context).map((question) => [question.index, question.indicator.id]);
    expect(ids('internal')).toEqual([[0, 'x.1'], [1, 'x.2'], [2, 'x.4']]);
    expect(ids('customer')).toEqual([[0, 'x.2'], [1, 'x.3'], [2, 'x.4']]);
    expect(ids(null)).toEqual([[0, 'x.1'], [1, 'x.2'], [2, 'x.3'], [3, 'x.4']]);
  });

  it('shows the key marker, the answers that meet the threshold, the criteria, what to look at, the evidence given and the day checked', () => {
    const answers = new Map<string, Answer>([['x.2', { answer: 'partly', note: 'Draft only', evidence: ['https://example.org/doc', 'Minutes, 3 May'], checked: '2026-05-03' }]]);
    const answered = { ...assessment({}), context: 'customer', answers };
    // B: x.2 alone counts in the customer context, partly (0.5) < 0.75 and it is key: level 1, progress min(0.5 / 0.75, 0.99).
    expect(questionText(EN, format2, answered, questions(format2, 'customer')[0]!, 3)).toBe(
      [
        '[1/3] X: now at A (1.66)',
        'B · x.2 · key indicator',
        'Two.',
        'Key: B is not met until this one is answered yes, mostly or n/a.',
        'Criteria, all must hold for yes:',
        '  - It is written.',
        '  - It is dated.',
        'Evidence to look at: The document.',
        'Advice: Write it.',
        'Note: Draft only',
        'Evidence given:',
        '  - https://example.org/doc',
        '  - Minutes, 3 May',
        'Last checked: 2026-05-03',
      ].join('\n'),
    );
  });

  it('escapes every text from the model and the answers: criteria, evidence prompt, scale ids, evidence given', () => {
    const hostile = modelSchema.parse({
      ...format2,
      scale: [{ id: 'y\u001b[2Jes', label: 'Yes', value: 1 }, { id: 'no', label: 'No', value: 0 }],
      competencies: [{ ...format2.competencies[0]!, indicators: [{ id: 'x.2', stage: 'b', text: 'Two.', key: true, criteria: ['One\u001b]0;title\u0007', 'Two\nforged.yaml:1:1: x'], evidence: 'Look\u009b2J' }, { id: 'x.4', stage: 'c', text: 'Four.' }] }],
    });
    const answers = new Map<string, Answer>([['x.2', { answer: null, note: null, evidence: ['a\rb', 'c\u001bd'] }]]);
    const text = questionText(EN, hostile, { ...assessment({}), answers }, questions(hostile)[0]!, 2, terminalText);
    // eslint-disable-next-line no-control-regex
    expect(text).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/);
    expect(text.split('\n').slice(3)).toEqual([
      'Key: B is not met until this one is answered y\\x1b[2Jes or n/a.',
      'Criteria, all must hold for y\\x1b[2Jes:',
      '  - One\\x1b]0;title\\x07',
      '  - Two\\nforged.yaml:1:1: x',
      'Evidence to look at: Look\\x9b2J',
      'Evidence given:',
      '  - a\\rb',
      '  - c\\x1bd',
    ]);
  });

  it("describes each answer with the scale's descriptions, n/a too; a scale without any gets none", () => {
    expect(answerChoices(EN, format2)).toEqual([
      { answer: 'yes', label: 'Yes', description: 'Yes: as described.' },
      { answer: 'mostly', label: 'Mostly', description: 'Mostly: as described.' },
      { answer: 'partly', label: 'Partly', description: 'Partly: as described.' },
      { answer: 'no', label: 'No', description: 'No: as described.' },
      { answer: 'n/a', label: 'does not apply here', description: 'The indicator does not apply to this organisation: it is left out of the score.' },
    ]);
    expect(answerChoices(EN, model).every((choice) => !('description' in choice))).toBe(true);
  });

  it('an answer is checked on the day of the assessment; without a date, an unchanged answer keeps its day and a changed one loses it', () => {
    const start = new Map<string, Answer>([['x.2', { answer: 'partly', note: 'n', evidence: ['e'], checked: '2026-01-01' }]]);
    expect(applyAction(start, 'x.2', { kind: 'answer', answer: 'yes', checked: '2026-10-01' }).get('x.2')).toEqual({ answer: 'yes', note: 'n', evidence: ['e'], checked: '2026-10-01' });
    expect(applyAction(start, 'x.2', { kind: 'answer', answer: 'partly', checked: null }).get('x.2')).toEqual({ answer: 'partly', note: 'n', evidence: ['e'], checked: '2026-01-01' });
    expect(applyAction(start, 'x.2', { kind: 'answer', answer: 'yes', checked: null }).get('x.2')).toEqual({ answer: 'yes', note: 'n', evidence: ['e'] });
    expect(applyAction(new Map(), 'x.1', { kind: 'answer', answer: 'n/a', checked: '2026-10-01' }).get('x.1')).toEqual({ answer: 'n/a', note: null, checked: '2026-10-01' });
  });

  it('evidence replaces the list, trimmed and without empty items; an empty list removes it; the question stays', () => {
    const start = new Map<string, Answer>([['x.2', { answer: 'yes', note: null, checked: '2026-01-01' }]]);
    const withEvidence = applyAction(start, 'x.2', { kind: 'evidence', evidence: [' a, b ', '', 'c'] });
    expect(withEvidence.get('x.2')).toEqual({ answer: 'yes', note: null, evidence: ['a, b', 'c'], checked: '2026-01-01' });
    expect(applyAction(withEvidence, 'x.2', { kind: 'evidence', evidence: [] }).get('x.2')).toEqual({ answer: 'yes', note: null, checked: '2026-01-01' });
    expect(applyAction(new Map(), 'x.4', { kind: 'evidence', evidence: ['seen'] }).get('x.4')).toEqual({ answer: null, note: null, evidence: ['seen'] });
    expect(nextIndex(2, { kind: 'evidence', evidence: [] })).toBe(2);
  });
});

describe('the file the questionnaire saves', () => {
  const options = { locale: EN, schema: './s.json', modelRef: 'two@2.0', organisation: 'Org', date: '2026-10-01', assessor: null };

  it("writes the context after model: and each answer's evidence and day checked, reading back as given", () => {
    const answers = new Map<string, Answer>([
      ['x.1', { answer: 'yes', note: null, checked: '2026-10-01' }],
      ['x.2', { answer: 'partly', note: 'Draft "v2"', evidence: ['https://example.org/doc?a=1,2', 'Minutes: 3 May'], checked: '2026-09-30' }],
      ['x.3', { answer: null, note: null, evidence: ['to see'] }],
      ['x.4', { answer: 'no', note: null }],
    ]);
    const text = answersTemplate(format2, { ...options, context: 'internal', answers });
    const lines = text.split('\n');
    expect(lines.findIndex((line) => line.startsWith('context: internal'))).toBe(lines.findIndex((line) => line.startsWith('model: ')) + 1);
    const data = answersSchema.parse(parse(text, { version: '1.2' }));
    expect(data).toEqual({
      organisation: 'Org',
      date: '2026-10-01',
      model: 'two@2.0',
      context: 'internal',
      assessor: null,
      answers: {
        'x.1': { answer: 'yes', checked: '2026-10-01' },
        'x.2': { answer: 'partly', note: 'Draft "v2"', evidence: ['https://example.org/doc?a=1,2', 'Minutes: 3 May'], checked: '2026-09-30' },
        'x.3': { evidence: ['to see'] },
        'x.4': 'no',
      },
    });
    expect(checkAnswers(format2, data).issues).toEqual([]);
  });

  it('any text of evidence reads back as written', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ unit: 'grapheme', minLength: 1, maxLength: 20 }).filter((item) => item.trim() !== '' && item.trim() === item), { minLength: 1, maxLength: 3 }), (evidence) => {
        const text = answersTemplate(format2, { ...options, answers: new Map<string, Answer>([['x.4', { answer: 'yes', note: null, evidence }]]) });
        expect((parse(text, { version: '1.2' }) as { answers: Record<string, unknown> }).answers['x.4']).toEqual({ answer: 'yes', evidence });
      }),
    );
  });
});

