import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { UserError } from '../../src/errors.js';
import { TAG_MESSAGE } from '../../src/parse/plain-yaml.js';
import { parseAssessment } from '../../src/pipeline/load-assessment.js';
import { runInProcess, scoreJsonInProcess } from '../e2e/support.js';

// Class 2 of the hardening issue: YAML that is not plain data. Tags (`!!float mostly`,
// `!!python/object:…`, `!!binary`, `!local`) were read as plain strings or as a Buffer, and raw
// control characters and noncharacters were accepted and echoed. Both are refused at their line
// and column, by the one YAML layer every file goes through (src/parse/yaml.ts).

const TAGS = 'test/fixtures/hostile/input-tags.yaml';
const CONTROLS = 'test/fixtures/hostile/input-control-characters.yaml';

const CONTROL = (code: string) =>
  `control character U+${code} is not allowed in YAML text (only tab, line feed and carriage return are); if it is meant, write it as an escape inside double quotes ("\\u${code}")`;

describe('YAML that is not plain data', () => {
  it('every tag is refused where it is written, whatever it asks for', async () => {
    // Columns counted by hand: `  strategy.purpose: ` is 20 characters, so its tag is at 21.
    const expected = [
      `${TAGS}:6:21: ${TAG_MESSAGE}`, // !!float
      `${TAGS}:7:21: ${TAG_MESSAGE}`, // !!int
      `${TAGS}:8:22: ${TAG_MESSAGE}`, // !!python/object:os.system
      `${TAGS}:9:18: ${TAG_MESSAGE}`, // !!binary
      `${TAGS}:10:20: ${TAG_MESSAGE}`, // !local
    ];
    for (const command of ['score', 'validate', 'benchmark']) {
      const result = await runInProcess([command, TAGS]);
      expect(result.code, result.stderr).toBe(2);
      expect(result.stdout).toBe('');
      expect(result.stderr.trimEnd().split('\n').slice(0, 5)).toEqual(expected);
    }
  });

  it('raw control characters and noncharacters are refused at their line and column, and not echoed', async () => {
    const result = await runInProcess(['score', CONTROLS]);
    expect(result.code, result.stderr).toBe(2);
    expect(result.stdout).toBe('');
    // Line 3 is `organisation: "Control ␛]0;pwned␇ Ltd"`: ESC is character 24, BEL character 33.
    // Line 6 holds U+FFFF at character 61 and the C1 control U+009B at character 78.
    expect(result.stderr.trimEnd().split('\n')).toEqual([
      `${CONTROLS}:3:24: ${CONTROL('001B')}`,
      `${CONTROLS}:3:33: ${CONTROL('0007')}`,
      `${CONTROLS}:5:57: ${CONTROL('001A')}`,
      `${CONTROLS}:6:61: noncharacter U+FFFF is not allowed in YAML text; if it is meant, write it as an escape inside double quotes ("\\uFFFF")`,
      `${CONTROLS}:6:78: ${CONTROL('009B')}`,
    ]);
    expect(result.stderr).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\uffff]/);
  });

  it('the same characters written as escapes in double quotes are legal YAML and are read', async () => {
    const text = readFileSync(CONTROLS, 'utf8')
      .replace('\u001b', '\\e')
      .replace('\u0007', '\\a')
      .replace('\u001a', '\\x1A')
      .replace('\uffff', '\\uFFFF')
      .replace('\u009b', '\\x9B');
    const report = await scoreJsonInProcess(['-'], { input: text });
    expect(report.organisation).toBe('Control \u001b]0;pwned\u0007 Ltd');
    const notes = new Map(report.competencies.flatMap((competency) => competency.indicators).map((indicator) => [indicator.id, indicator.note]));
    expect(notes.get('strategy.purpose')).toBe('end of file \u001a here');
    expect(notes.get('strategy.sponsor')).toBe('not a character: \uffff, a C1 control: \u009b');
    expect(notes.get('strategy.audience')).toBe('escaped is fine: \u001b[2J');
  });

  it('tab, line feed and carriage return are fine, and so is a character past U+FFFF', async () => {
    const text = 'organisation:\t"Tabs\tand 🦊 Ltd"\r\nanswers:\r\n  strategy.purpose: "yes"\r\n';
    expect((await scoreJsonInProcess(['-'], { input: text })).organisation).toBe('Tabs\tand 🦊 Ltd');
  });

  it('columns count characters, not UTF-16 units, and every plane’s noncharacters are refused', async () => {
    const text = 'organisation: "🦊🦊\u{1fffe}"\nanswers: {}\n# \u{10ffff} \ufdd0\n';
    const result = await runInProcess(['score', '-'], { input: text });
    expect(result.code).toBe(2);
    expect(result.stderr.trimEnd().split('\n').map((line) => line.split(': ')[0])).toEqual(['<stdin>:1:18', '<stdin>:3:3', '<stdin>:3:5']);
    expect(result.stderr).toContain('noncharacter U+1FFFE is not allowed in YAML text; if it is meant, write it as an escape inside double quotes ("\\U0001FFFE")');
  });

  it('text handed to the library is checked too, not only files the CLI reads', async () => {
    // parseAssessment may throw at once or reject: either way, the caller's try/await sees a UserError.
    const failure = async (text: string) => {
      try {
        await parseAssessment({ file: 'given.yaml', text });
      } catch (caught) {
        return caught;
      }
      return undefined;
    };
    const error = await failure('organisation: "a\u001b[2Jb"\nanswers:\n  strategy.purpose: !!float "yes"\n');
    expect(error).toBeInstanceOf(UserError);
    expect((error as UserError).diagnostics).toEqual([{ file: 'given.yaml', line: 1, column: 17, code: 'forbidden-character', message: CONTROL('001B') }]);
    const tagged = await failure('organisation: x\nanswers:\n  strategy.purpose: !!float "yes"\n');
    expect((tagged as UserError).diagnostics).toEqual([{ file: 'given.yaml', line: 3, column: 21, code: 'yaml-tag', message: TAG_MESSAGE }]);
  });
});
