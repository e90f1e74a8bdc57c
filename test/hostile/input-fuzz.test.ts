import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { answersText, builtinModel } from '../../bench/generate.mjs';
import type { CliResult } from '../helpers/cli.js';
import { runInProcess, tempDir } from '../e2e/support.js';

// The fuzz test of the hardening issue: valid files (answers files, a JSON report, models),
// mutated as an attacker or a broken editor would (byte flips, truncation, deep nesting, tags,
// anchors and aliases, control characters, long lines), are read by validate and score in this
// process. Whatever the bytes: never an internal error (exit 3) nor a stack trace; every error
// located at `file:line:col` inside the file it names; and the same errors, or the same report,
// whether the file is given alone or with others.
//
// `npm test` runs FUZZ_RUNS cases (a couple of hundred, a few seconds); `npm run fuzz` runs
// 12,000 or more (scripts/fuzz.mjs) and prints what the cases were refused for.

const RUNS = Number(process.env.CM_MATURITY_FUZZ_RUNS ?? 120);
const SEED = process.env.CM_MATURITY_FUZZ_SEED === undefined ? undefined : Number(process.env.CM_MATURITY_FUZZ_SEED);
/** With the seed, the `path` fast-check printed for a failure: that case alone is run again. */
const PATH = process.env.CM_MATURITY_FUZZ_PATH;
const VALID_COMPANION = 'examples/community@1.0/early.yaml';

type Kind = 'answers' | 'report' | 'model';

interface Seed {
  kind: Kind;
  name: string;
  bytes: Buffer;
}

async function seeds(): Promise<Seed[]> {
  const model = await builtinModel();
  const answers = ['examples/community@1.0/advanced.yaml', 'examples/community@1.0/early.yaml', 'examples/community@1.0/middle.yaml', 'examples/community@1.0/partial.yaml'].map((file) => ({ kind: 'answers' as const, name: file, bytes: readFileSync(file) }));
  // Generated answers: flow mappings, CRLF, byte-order marks, quoting styles, unanswered entries.
  const generated = [3, 17, 41, 96, 250].map((index) => ({ kind: 'answers' as const, name: `generated ${index}`, bytes: Buffer.from(answersText(model, index)) }));
  const report = await runInProcess(['score', 'examples/community@1.0/middle.yaml', '-f', 'json']);
  return [
    ...answers,
    ...generated,
    { kind: 'report', name: 'JSON report', bytes: Buffer.from(report.stdout) },
    { kind: 'model', name: 'weak model', bytes: readFileSync('test/fixtures/weak-models/weak.yaml') },
    { kind: 'model', name: 'community model', bytes: readFileSync('models/community@1.0.yaml') },
  ];
}

/** Characters YAML forbids unescaped, and some it allows that are easy to get wrong. */
const ODD_CHARACTERS = ['\u0000', '\u0001', '\u0007', '\u0008', '\u000b', '\u000c', '\u001a', '\u001b', '\u007f', '\u0085', '\u009b', '\u009d', '\u00a0', '\u2028', '\ufeff', '\ufffe', '\uffff', '\ud83e\udd8a', '\u{10ffff}', '\t', '\r', '\r\n'];
const TAGS = ['!!float ', '!!int ', '!!str ', '!!binary ', '!!python/object:os.system ', '!local ', '!<tag:yaml.org,2002:str> ', '!!map ', '!!seq ', '!!set ', '!!omap ', '!!timestamp ', '!!null ', '! '];

type Mutation = (bytes: Buffer) => Buffer;

const at = (bytes: Buffer, offset: number) => (bytes.length === 0 ? 0 : offset % (bytes.length + 1));
const insert = (bytes: Buffer, offset: number, text: string | Buffer) => {
  const cut = at(bytes, offset);
  return Buffer.concat([bytes.subarray(0, cut), typeof text === 'string' ? Buffer.from(text) : text, bytes.subarray(cut)]);
};
/** The offset of the start of the line `offset` falls in, so that an insertion starts a line. */
const lineStart = (bytes: Buffer, offset: number) => {
  const cut = at(bytes, offset);
  return cut === 0 ? 0 : bytes.lastIndexOf(0x0a, cut - 1) + 1;
};

const offset = fc.nat({ max: 1_000_000 });

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  // Byte flips: any byte anywhere, breaking UTF-8, quotes, indentation or keys; mostly printable ones,
  // which leave the file UTF-8 and so reach the parser and the checks after it.
  fc.tuple(offset, fc.oneof({ weight: 3, arbitrary: fc.integer({ min: 0x20, max: 0x7e }) }, { weight: 1, arbitrary: fc.integer({ min: 0, max: 255 }) })).map(([where, byte]) => (bytes: Buffer) => {
    if (bytes.length === 0) return Buffer.from([byte]);
    const copy = Buffer.from(bytes);
    copy[where % copy.length] = byte;
    return copy;
  }),
  fc.tuple(offset, fc.uint8Array({ minLength: 1, maxLength: 8 })).map(([where, inserted]) => (bytes: Buffer) => insert(bytes, where, Buffer.from(inserted))),
  // Lines deleted, repeated, swapped or moved left or right: what a bad merge or an editor does.
  fc.tuple(offset, offset, fc.constantFrom('delete', 'repeat', 'swap', 'indent', 'dedent')).map(([first, second, edit]) => (bytes: Buffer) => {
    const lines = bytes.toString('latin1').split('\n');
    const a = first % lines.length;
    const b = second % lines.length;
    if (edit === 'delete') lines.splice(a, 1);
    else if (edit === 'repeat') lines.splice(a, 0, lines[a]!);
    else if (edit === 'swap') [lines[a], lines[b]] = [lines[b]!, lines[a]!];
    else if (edit === 'indent') lines[a] = `  ${lines[a]}`;
    else lines[a] = lines[a]!.replace(/^ {1,2}/, '');
    return Buffer.from(lines.join('\n'), 'latin1');
  }),
  // An answer or value replaced by another one the file could hold, or one it cannot.
  fc.tuple(offset, fc.constantFrom('"yes"', 'mostly', 'partly', '"no"', 'n/a', '~', '', '[]', '{}', '1.5', '-1', 'true', '"\\e[2J"', '"\\u0000"', '2026-02-30', 'null')).map(([where, value]) => (bytes: Buffer) => {
    const colon = bytes.indexOf(': ', at(bytes, where));
    if (colon === -1) return bytes;
    const end = bytes.indexOf(0x0a, colon);
    return Buffer.concat([bytes.subarray(0, colon + 2), Buffer.from(value), end === -1 ? Buffer.alloc(0) : bytes.subarray(end)]);
  }),
  // Truncation, also in the middle of a character or of a quoted text.
  offset.map((where) => (bytes: Buffer) => bytes.subarray(0, at(bytes, where))),
  // Nesting, shallow or thousands of levels deep, then back to the top level.
  fc
    .tuple(offset, fc.constantFrom('block-seq', 'flow-seq', 'flow-map', 'block-map'), fc.oneof(fc.integer({ min: 1, max: 120 }), fc.integer({ min: 90, max: 3000 })))
    .map(([where, shape, depth]) => (bytes: Buffer) => {
      const nested =
        shape === 'block-seq'
          ? `deep: ${'- '.repeat(depth)}x\n`
          : shape === 'flow-seq'
            ? `deep: ${'['.repeat(depth)}x${']'.repeat(depth)}\n`
            : shape === 'flow-map'
              ? `deep: ${'{a: '.repeat(depth)}x${'}'.repeat(depth)}\n`
              : `deep:\n${Array.from({ length: Math.min(depth, 400) }, (_, level) => `${' '.repeat(level + 1)}k${level}:`).join('\n')} x\n`;
      return insert(bytes, lineStart(bytes, where), nested);
    }),
  // Tags, before a value or anywhere.
  fc.tuple(offset, fc.constantFrom(...TAGS), fc.boolean()).map(([where, tag, beforeValue]) => (bytes: Buffer) => {
    if (!beforeValue) return insert(bytes, where, tag);
    const colon = bytes.indexOf(': ', at(bytes, where));
    return colon === -1 ? insert(bytes, where, tag) : insert(bytes, colon + 2, tag);
  }),
  // Anchors and aliases: an alias to an anchor, an unknown alias, a cycle, an alias bomb.
  fc
    .tuple(offset, offset, fc.constantFrom('pair', 'unknown', 'cycle', 'bomb', 'merge'))
    .map(([first, second, shape]) => (bytes: Buffer) => {
      if (shape === 'pair') {
        const anchored = insert(bytes, bytes.indexOf(': ', at(bytes, first)) + 2, '&a ');
        return insert(anchored, anchored.indexOf(': ', at(anchored, second)) + 2, '*a ');
      }
      const text = {
        unknown: 'ghost: *nowhere\n',
        cycle: 'loop: &loop [*loop, { self: *loop }]\n',
        bomb: `a0: &a0 [x, x, x, x, x, x, x, x, x]\n${Array.from({ length: 8 }, (_, level) => `a${level + 1}: &a${level + 1} [${Array(9).fill(`*a${level}`).join(', ')}]`).join('\n')}\n`,
        merge: 'base: &base { answer: "yes" }\nmerged: { <<: *base, note: x }\n',
      }[shape];
      return insert(bytes, lineStart(bytes, first), text);
    }),
  // Characters YAML forbids (or that are easy to mishandle), raw.
  fc.tuple(offset, fc.constantFrom(...ODD_CHARACTERS)).map(([where, character]) => (bytes: Buffer) => insert(bytes, where, character)),
  // Long lines: a long value, a long key, a long comment.
  fc
    .tuple(offset, fc.integer({ min: 1_000, max: 200_000 }), fc.constantFrom('value', 'key', 'comment', 'plain'))
    .map(([where, length, shape]) => (bytes: Buffer) => {
      const long = 'x'.repeat(length);
      const line = { value: `organisation: "${long}"\n`, key: `${long}: 1\n`, comment: `# ${long}\n`, plain: `${long}\n` }[shape];
      return insert(bytes, lineStart(bytes, where), line);
    }),
  // Document markers and directives.
  fc.tuple(offset, fc.constantFrom('---\n', '...\n', '%YAML 1.1\n---\n', '%TAG ! tag:x,2000:\n---\n', '--- |\n', '? ')).map(([where, text]) => (bytes: Buffer) => insert(bytes, lineStart(bytes, where), text)),
);

/** What stderr may hold: located lines, cut lines, warnings, and the closing line of a run over several files. */
const LOCATED = /^(.+?):(\d+):(\d+): (.+)$/;

interface Located {
  file: string;
  line: number;
  column: number;
  message: string;
}

function located(line: string): Located | undefined {
  const match = LOCATED.exec(line);
  return match ? { file: match[1]!, line: Number(match[2]), column: Number(match[3]), message: match[4]! } : undefined;
}

/** The checks every run must pass, whatever its input. */
function expectContract(result: CliResult, label: string, file: string, bytes: Buffer, several: boolean): void {
  const where = `${label}\n${result.stderr.slice(0, 2000)}`;
  expect([0, 1, 2], where).toContain(result.code);
  expect(result.stderr, where).not.toMatch(/internal error|^\s+at \S/m);
  if (result.code !== 2) return;
  const lines = result.stderr.trimEnd().split('\n');
  for (const line of lines) {
    if (line.startsWith('cm-maturity: warning: ') || /^… and \d+ more( in .+)?$/.test(line)) continue;
    // Only a run over several files ends with an unlocated summary of them.
    if (several && line === lines.at(-1) && line.startsWith('cm-maturity: error: ')) continue;
    const place = located(line);
    expect(place, `an unlocated line: ${line.slice(0, 300)}\n${where}`).toBeDefined();
    if (place!.message.startsWith('warning: ')) continue;
    expect(place!.line, where).toBeGreaterThanOrEqual(1);
    expect(place!.column, where).toBeGreaterThanOrEqual(1);
    if (place!.file === file) {
      // Within the file: no further than its last line, no further right than that line's end.
      const lineStarts = [0];
      for (let index = bytes.indexOf(0x0a); index !== -1; index = bytes.indexOf(0x0a, index + 1)) lineStarts.push(index + 1);
      expect(place!.line, where).toBeLessThanOrEqual(lineStarts.length);
      const start = lineStarts[place!.line - 1]!;
      const end = lineStarts[place!.line] ?? bytes.length + 1;
      expect(place!.column, where).toBeLessThanOrEqual(end - start + 1);
    }
  }
}

/** The located lines about `file` (or its model), with a cut line as a one-file run words it. */
function errorLines(stderr: string, file: string): string[] {
  return stderr
    .trimEnd()
    .split('\n')
    .filter((line) => !line.startsWith('cm-maturity: warning: ') && !line.startsWith('cm-maturity: error: ') && !line.startsWith('ok '))
    .map((line) => line.replace(/^(… and \d+ more) in .+$/, '$1'))
    .filter((line) => !line.startsWith(`${VALID_COMPANION}:`) || file === VALID_COMPANION);
}

/** What the fuzz run saw, for its closing line. */
const seen = { cases: 0, valid: 0, refused: new Map<string, number>() };

function category(message: string): string {
  const known: [RegExp, string][] = [
    [/^YAML syntax error/, 'YAML syntax error'],
    [/^YAML nesting too deep/, 'nesting too deep'],
    [/^YAML tags/, 'tag'],
    [/^(control character|noncharacter)/, 'control character or noncharacter'],
    [/NUL byte/, 'NUL byte (binary)'],
    [/not valid UTF-8/, 'not UTF-8'],
    [/alias/i, 'alias'],
    [/duplicate key/, 'duplicate key'],
    [/^the top level/, 'top level not a mapping'],
    [/is empty|only white space/, 'empty'],
    [/not a model|is a model|JSON report|cannot tell whether/, 'wrong kind of file'],
    [/not a built-in model|^model file .* does not exist/, 'model: names no model'],
    [/^(overall|competencies\[\d+\])\.|^stages\[\d+\]\.level|^completeness\./, 'impossible report'],
    [/must be|missing required|unknown key|not a valid id|needs at least|is not an answer|unknown indicator|unknown stage|duplicate/, 'schema or model check'],
  ];
  return known.find(([pattern]) => pattern.test(message))?.[1] ?? message.replace(/"[^"]*"/g, '"…"').replace(/\d+/g, 'N').slice(0, 60);
}

function tally(result: CliResult): void {
  seen.cases += 1;
  if (result.code !== 2) {
    seen.valid += 1;
    return;
  }
  const first = result.stderr.split('\n').map(located).find((place) => place !== undefined);
  const name = first ? category(first.message) : 'unlocated';
  seen.refused.set(name, (seen.refused.get(name) ?? 0) + 1);
}

describe('fuzz: mutated valid files', () => {
  it(`${RUNS} cases: exit 0, 1 or 2, never a stack, every error located, one file or several alike`, async () => {
    const all = await seeds();
    const dir = tempDir();
    let count = 0;
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...all), fc.array(mutation, { minLength: 1, maxLength: 3 }), async (seed, mutations) => {
        const bytes = mutations.reduce((current, mutate) => mutate(current), seed.bytes);
        // A fresh name each case: nothing is cached by name between runs.
        const file = join(dir, `case-${(count += 1)}.${seed.kind === 'report' ? 'json' : 'yaml'}`);
        writeFileSync(file, bytes);
        const label = `${seed.name}, mutated (${bytes.length} bytes)`;

        const alone = await runInProcess(['validate', file]);
        expectContract(alone, `validate: ${label}`, file, bytes, false);
        const withOthers = await runInProcess(['validate', file, VALID_COMPANION]);
        expectContract(withOthers, `validate with another file: ${label}`, file, bytes, true);
        expect(withOthers.code === 2, `validate alone and with another file: ${label}`).toBe(alone.code === 2);
        expect(errorLines(withOthers.stderr, file), `validate alone and with another file: ${label}`).toEqual(errorLines(alone.stderr, file));
        tally(alone);

        if (seed.kind === 'answers') {
          const single = await runInProcess(['score', file, '-f', 'json']);
          expectContract(single, `score: ${label}`, file, bytes, false);
          const many = await runInProcess(['score', file, VALID_COMPANION, '-f', 'jsonl']);
          expectContract(many, `score with another file: ${label}`, file, bytes, true);
          expect(errorLines(many.stderr, file), `score alone and with another file: ${label}`).toEqual(errorLines(single.stderr, file));
          if (single.code === 0) expect(JSON.parse(many.stdout.split('\n')[0]!), `score alone and with another file: ${label}`).toEqual(JSON.parse(single.stdout));
          else expect(many.stdout.split('\n')[0]!, label).toBe(readCompanionLine(many.stdout));
        } else if (seed.kind === 'report') {
          expectContract(await runInProcess(['score', 'examples/community@1.0/middle.yaml', '--baseline', file]), `--baseline: ${label}`, file, bytes, false);
          expectContract(await runInProcess(['diff', file, 'examples/community@1.0/middle.yaml']), `diff: ${label}`, file, bytes, false);
        } else {
          expectContract(await runInProcess(['score', VALID_COMPANION, '--model', file]), `--model: ${label}`, file, bytes, false);
        }
      }),
      { numRuns: RUNS, ...(SEED === undefined ? {} : { seed: SEED }), ...(PATH === undefined ? {} : { path: PATH }) },
    );
    const refused = [...seen.refused].sort((a, b) => b[1] - a[1]).map(([name, times]) => `${name}: ${times}`);
    console.log(`fuzz: ${seen.cases} cases, ${seen.valid} still valid, ${seen.cases - seen.valid} refused (${refused.join('; ')}); no exit 3, no stack, every error located`);
  // A generous guard, not a speed check: each case runs the CLI, and a loaded machine is slow.
  }, Math.max(180_000, RUNS * 1_000));
});

describe('found by the fuzz run', () => {
  it('errors after a broken flow collection are placed on their own lines (the parser lost count of lines there)', async () => {
    // A JSON report whose opening brace moved down: past it, the parser reads "stream" tokens and
    // its own line counter skipped the line breaks inside them, so later errors were placed lines too high.
    const text = '  "a": 1,\n  "b": {\n    "x": "y"\n{\n      ],\n      "c": [\n        {\n          "d": 1\n        }\n      ]\n    },\n    {\n      "e": 2\n    }\n';
    const result = await runInProcess(['validate', '-'], { input: text });
    expect(result.code).toBe(2);
    const lines = text.split('\n');
    const places = result.stderr.trimEnd().split('\n').map((line) => located(line)!);
    expect(places.length).toBeGreaterThan(10);
    // Every error points at a token of its line, never at blank space or past the end.
    for (const place of places) expect(lines[place.line - 1]![place.column - 1], `${place.line}:${place.column} ${place.message}`).toMatch(/\S/);
    expect(result.stderr).toContain('<stdin>:8:11: YAML syntax error: unexpected double-quoted-scalar token in YAML stream\n');
  });
});

/** With the mutated file invalid, the first JSON line is the valid companion's report. */
function readCompanionLine(stdout: string): string {
  const first = stdout.split('\n')[0]!;
  expect((JSON.parse(first) as { organisation: string }).organisation).toBe('Fernwood Regional Health');
  return first;
}
