import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { answersSchema } from '../../src/schema/answers.js';
import { fastAnswersData, fastAnswersFile } from '../../src/load/fast-answers.js';
import { parseYaml } from '../../src/load/yaml.js';
import { loadAssessment, parseAssessment } from '../../src/load/answers.js';
import { UserError } from '../../src/errors.js';
import { load } from 'js-yaml';
import { answersText, builtinModel } from '../../bench/generate.mjs';

// The quick path must never change a result: it may only accept what the full path accepts,
// and must then give exactly what the full path gives.

/** What the full path's YAML parser makes of a text, or undefined when it reports an error. */
function fullData(text: string): unknown {
  try {
    return parseYaml({ file: 'test.yaml', text }).data;
  } catch (error) {
    if (error instanceof UserError) return undefined;
    throw error;
  }
}

const text = fc.oneof(fc.string(), fc.constantFrom('', ' ', '  x ', '\t', 'n/a', 'Acme & Co', '\u00a0', 'x\n'));
const scalar = fc.oneof(
  text,
  fc.constantFrom(null, true, 0, -0, 1, 2.5, Number.NaN, Number.POSITIVE_INFINITY, -3),
  fc.double(),
  fc.integer(),
  fc.constantFrom('2026-02-28', '2024-02-29', '2023-02-29', '2026-13-01', '2026-1-01', '2026-04-31', '0000-01-01', '2026-12-31 ', '20260101'),
);
const entryObject = fc.dictionary(fc.constantFrom('answer', 'note', 'other'), fc.oneof(scalar, fc.constant({})), { maxKeys: 3 });
const entry = fc.oneof(scalar, entryObject, fc.constant([]), fc.constant({ answer: { nested: 1 } }));
const answers = fc.oneof(fc.constant(null), fc.constant('text'), fc.constant([]), fc.dictionary(fc.string({ maxLength: 12 }), entry, { maxKeys: 6 }));
const file = fc.record(
  {
    organisation: scalar,
    date: scalar,
    model: scalar,
    assessor: scalar,
    answers,
    extra: scalar,
  },
  { requiredKeys: [] },
);

describe('fastAnswersFile', () => {
  it('accepts exactly what answersSchema accepts, and gives the same answers file, key for key', () => {
    fc.assert(
      fc.property(fc.oneof(file, scalar, fc.constant([])), (data) => {
        const quick = fastAnswersFile(data);
        const full = answersSchema.safeParse(data);
        if (quick === undefined) {
          expect(full.success).toBe(false);
          return;
        }
        expect(full.success).toBe(true);
        expect(quick).toStrictEqual(full.data);
        expect(JSON.stringify(quick)).toBe(JSON.stringify(full.data));
      }),
      { numRuns: 3000 },
    );
  });

  it('leaves a __proto__ key and a key holding undefined to the full path', () => {
    expect(fastAnswersFile(JSON.parse('{"organisation": "Acme", "answers": {"__proto__": "yes"}}'))).toBeUndefined();
    expect(fastAnswersFile({ organisation: 'Acme', answers: undefined })).toBeUndefined();
    expect(fastAnswersFile({ organisation: 'Acme', answers: { x: { answer: undefined } } })).toBeUndefined();
  });
});

describe('fastAnswersData reads what the full path reads', () => {
  it('from generated answers files: every answer kind, notes, quoting, CRLF and byte-order marks', async () => {
    const model = await builtinModel();
    for (let index = 0; index < 300; index++) {
      const source = answersText(model, index).replace(/^\uFEFF/, '');
      expect(fastAnswersData(source), `file ${index}`).toStrictEqual(fullData(source));
      expect(fastAnswersData(source), `file ${index}`).toStrictEqual(load(source));
    }
  });

  // Scalars the YAML versions and parsers are known to read differently: the quick parser must
  // read each one as the full one does, or refuse the file.
  const tricky = [
    '0x1F', '0o17', '017', '0b101', '1_000', '1e3', '1E+3', '+12', '-0', '1.', '.5', '.inf', '-.Inf', '.NaN', '12:30', '1:20:30',
    'yes', 'no', 'on', 'off', 'y', 'n', 'Y', '~', 'null', 'Null', 'NULL', 'true', 'True', 'TRUE', 'FALSE', 'tRue',
    '2026-01-01', '2026-01-01T10:00:00Z', '"\\x41\\u00e9\\t\\N"', "'it''s'", '"a\\\n  b"', '!!str 12', '!!int "12"', '!!float 1',
    '&a x', '*a', '[1, 2]', '{answer: 2, note: x}', '"#"', 'a #b', 'a#b', '@x', '`x', '%x', 'x: y', '- x', '|\n    keep\n\n', '>-\n    folded\n    text\n',
    '|+\n    keep\n\n', '>\n    a\n\n    b\n', 'plain\n    continued', '"multi\n    line"', "'multi\n\n    line'", '? complex\n  : key', '',
  ];
  it.each(tricky)('answer %j', (value) => {
    for (const source of [`organisation: Acme\nanswers:\n  x: ${value}\n`, `organisation: Acme\nanswers:\n  x:\n    answer: ${value}\n    note: n\n`]) {
      const quick = fastAnswersData(source);
      if (quick !== undefined) expect(quick).toStrictEqual(fullData(source));
      // What it reads, it reads as js-yaml's own constructor does.
      if (quick !== undefined) expect(quick).toStrictEqual(load(source));
    }
  });

  const trickyKeys = ['1.50', '0x1F', '017', '~', 'null', 'true', '"quoted"', "'single'", '1e3', '-0', '.inf', '2026-01-01', 'a b', '"a: b"'];
  it.each(trickyKeys)('indicator id %j', (key) => {
    const source = `organisation: Acme\nanswers:\n  ${key}: yes\n  other: {answer: no, note: n}\n`;
    const quick = fastAnswersData(source);
    if (quick !== undefined) expect(quick).toStrictEqual(fullData(source));
    if (quick !== undefined) expect(quick).toStrictEqual(load(source));
  });

  it('leaves tags, directives, anchors and aliases to the full path, and refuses what it refuses', () => {
    expect(fastAnswersData('organisation: Acme\nanswers:\n  ? [strategy.purpose]\n  : yes\n')).toBeUndefined();
    expect(fastAnswersData('organisation: Acme\nanswers:\n  ~: yes\n')).toBeUndefined();
    expect(fastAnswersData('organisation: Acme\nanswers:\n  : yes\n')).toBeUndefined();
    expect(fastAnswersData('organisation: Acme\nanswers:\n  "null": yes\n  note: null\n')).toStrictEqual({ organisation: 'Acme', answers: { null: 'yes', note: null } });
    expect(fastAnswersData('organisation: &a Acme\nassessor: *a\n')).toBeUndefined();
    expect(fastAnswersData('organisation: Acme\nanswers:\n  x: !!float 1\n')).toBeUndefined();
    expect(fastAnswersData('%YAML 1.1\n---\norganisation: Acme\nanswers:\n  x: yes\n')).toBeUndefined();
    expect(fastAnswersData('organisation: Acme\norganisation: Other\n')).toBeUndefined();
    expect(fastAnswersData('organisation: Acme\n---\norganisation: Other\n')).toBeUndefined();
    expect(fastAnswersData('organisation: "Acme\n')).toBeUndefined();
  });
});

describe('loadAssessment (quick path first) and parseAssessment (full path) agree', () => {
  /** The result of a load, or the diagnostics it failed with. */
  async function outcome(load: () => Promise<unknown>): Promise<unknown> {
    try {
      return await load();
    } catch (error) {
      if (error instanceof UserError) return { diagnostics: error.diagnostics, message: error.message };
      throw error;
    }
  }

  // Files js-yaml reads more leniently, or otherwise, than the full path's parser.
  const lenient = [
    'organisation: "Acme \\\n\n  Health"\n',
    'organisation: Acme\nanswers:\n  strategy.purpose: { answer: "yes", note: "first\\\n\n    second" }\n',
    'organisation: Acme\nanswers:\n  strategy.purpose: "yes"\n\t\n  strategy.sponsor: "no"\n',
    'organisation: "Acme\n\t\n  Health"\n',
    'organisation: Acme\nanswers:\n  strategy.purpose: partly\r',
    'organisation: Acme\ranswers:\r  strategy.purpose: partly\r',
    'organisation: |\r  Acme\n',
    'organisation: 1e400\n',
    'organisation: Acme\nanswers:\n  strategy.purpose: { answer: "yes", note: 1.7976931348623159e308 }\n',
    '...\norganisation: Acme\n',
    '... organisation: Acme\n',
    '\t---\norganisation: Acme\n',
    `organisation${' '.repeat(1030)}: Acme\n`,
    'organisation: "Acme \\U00110000"\n',
    'organisation: Acme\nanswers: {strategy.purpose: "yes"\n# c\n  }\n',
    'organisation: Acme\nanswers: {strategy.purpose: partly # c }\n  }\n',
    'organisation: Acme\nanswers: {strategy.purpose: {answer: partly, note: x} # }}\n  }\n',
    `organisation: 0x${'f'.repeat(256)}\n`,
    'organisation: Acme\nanswers: {strategy.purpose: {answer: partly, note: CEO\'s view}, strategy.sponsor: {answer: "no", note: \'}}\'}\n# c\n  }\n',
    'organisation: |2\n    Acme\n   \nanswers:\n  strategy.purpose: partly\n',
  ];
  it.each(lenient)('%j', async (text) => {
    const path = join(mkdtempSync(join(tmpdir(), 'cm-quick-')), 'answers.yaml');
    writeFileSync(path, text);
    const quick = await outcome(() => loadAssessment(path));
    const full = await outcome(() => parseAssessment({ file: path, text }, { baseDir: dirname(path) }));
    expect(quick).toStrictEqual(full);
    expect(fastAnswersData(text)).toBeUndefined();
  });

  const folders = ['examples', 'test/fixtures/bad', 'test/fixtures/assess'];
  const files = folders.flatMap((folder) => readdirSync(folder).filter((name) => name.endsWith('.yaml')).map((name) => join(folder, name)));

  it.each(files)('%s', async (path) => {
    for (const strict of [false, true]) {
      const quick = await outcome(() => loadAssessment(path, { strict }));
      const full = await outcome(() => parseAssessment({ file: path, text: readFileSync(path, 'utf8').replace(/^\uFEFF/, '') }, { strict, baseDir: dirname(path) }));
      expect(quick).toStrictEqual(full);
    }
  });
});
