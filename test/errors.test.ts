import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { UserError } from '../src/errors.js';
import { parseAssessment } from '../src/pipeline/load-assessment.js';
import { runCli, type CliResult } from './helpers/cli.js';
import { runInProcess } from './helpers/in-process.js';

// The error contract: every problem with the user's input is printed on stderr as
// `file:line:col: message`, all at once, sorted, at most 20 then "… and N more"; the exit code
// is 2; there is no stack trace, nothing on stdout, and no report file is written.
// Every expected position below was counted by hand from the fixture, not copied from the tool.
//
// Every case runs in this process (runInProcess: the CLI's own run() with its streams in
// memory), as each class of bad input is the work of the code, not of the process. A handful of
// them, chosen to cover each part of the contract (a file, the model, standard input, a cut list,
// -o, a usage error), run again in a real, spawned process at the end of this file: that its exit
// code, its stderr and the files it leaves are what run() says.

const BAD = 'test/fixtures/bad';
const BAD_MODELS = 'test/fixtures/bad-models';
/** A valid answers file, for the cases that put a bad model next to it. */
const ANSWERS = 'examples/community@1.0/early.yaml';

/** One expected stderr line: its exact `file:line:col` and a part of its message. */
type Expected = [at: string, message: string | RegExp];

interface Case {
  name: string;
  args: string[];
  /** Standard input; empty when left out. */
  input?: string | Buffer;
  /** Every line expected on stderr, in order. */
  lines: Expected[];
  /** The count in a closing "… and N more" line, when the list is cut. */
  more?: number;
}

const tmp = mkdtempSync(join(tmpdir(), 'cm-maturity-errors-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** Writes a file into the test's temporary folder and returns its path. */
function generated(name: string, content: string | Buffer): string {
  const path = join(tmp, name);
  writeFileSync(path, content);
  return path;
}

function expectContract(result: CliResult, testCase: Case): void {
  expect(result.stderr).not.toMatch(/^\s+at /m);
  expect(result.stdout).toBe('');
  const lines = result.stderr.split('\n').filter((line) => line !== '');
  const expected = testCase.lines.length + (testCase.more === undefined ? 0 : 1);
  expect(lines, result.stderr).toHaveLength(expected);
  testCase.lines.forEach(([at, message], index) => {
    const line = lines[index]!;
    expect(line.startsWith(`${at}: `), `line ${index + 1} is at ${at}:\n${result.stderr}`).toBe(true);
    const text = line.slice(at.length + 2);
    if (typeof message === 'string') expect(text).toContain(message);
    else expect(text).toMatch(message);
  });
  if (testCase.more !== undefined) expect(lines.at(-1)).toBe(`… and ${testCase.more} more`);
  expect(result.code, result.stderr).toBe(2);
}

function runCase(testCase: Case, extra: string[] = []): Promise<CliResult> {
  return runInProcess([...testCase.args, ...extra], { input: testCase.input });
}

/** A report file for a case's `-o` run, which must never be written. */
function reportFile(testCase: Case, where: string): string {
  return join(tmp, `report-${where}-${testCase.name.replace(/\W+/g, '-')}.txt`);
}

/** The cases that run again in a spawned CLI (see the end of this file), by name. */
const SPAWNED = new Set([
  'answers: a missing path',
  'model: an empty file',
  'model: a binary file (NUL byte) (validate)',
  'a model on standard input',
  'errors of the schema and of the answers, reported together',
  'more than 20 errors are cut',
  'duplicate ids, each with its first definition (--model)',
]);
const spawned: Case[] = [];

/** Runs every case, and every `score` case again with `-o` to check that no report is written. */
function table(cases: Case[]): void {
  for (const testCase of cases) {
    it(testCase.name, async () => expectContract(await runCase(testCase), testCase));
  }
  for (const testCase of cases.filter((c) => c.args[0] === 'score')) {
    it(`${testCase.name} (-o): writes no report file`, async () => {
      const output = reportFile(testCase, 'in-process');
      expectContract(await runCase(testCase, ['-o', output]), testCase);
      expect(existsSync(output)).toBe(false);
    });
  }
  spawned.push(...cases.filter((c) => SPAWNED.has(c.name)));
}

// ---------------------------------------------------------------------------------------------
// Files that are not readable YAML text, as answers (`score`) and as models (`--model`, `validate`).

const dir = join(tmp, 'a-folder');
mkdirSync(dir);
const missing = join(tmp, 'missing.yaml');
const empty = generated('empty.yaml', '');
const blank = generated('blank.yaml', ' \n\t\n   \n');
// `organisation: Example` is 21 characters: the NUL byte is character 22.
const nul = generated('nul.yaml', Buffer.from('organisation: Example\0 Org\nanswers: {}\n', 'latin1'));
// Line 3 is `  strategy.purpose: "y` + 0xE9 (é in Latin-1) + `s"`: the bad byte is character 23.
// Line 1 holds a correctly encoded é, which must count as one column and not trip the check.
const latin1 = generated(
  'latin1.yaml',
  Buffer.concat([Buffer.from('organisation: Café Org\nanswers:\n  strategy.purpose: "y', 'utf8'), Buffer.from([0xe9]), Buffer.from('s"\n')]),
);
// Over the 10 MiB limit by one byte, and not valid YAML either (an unclosed quote): it must be
// refused for its size, before the parser sees it.
const huge = generated('huge.yaml', `organisation: "${'x'.repeat(10 * 1024 * 1024)}`);

function unreadableCases(kind: 'answers' | 'model', args: (file: string) => string[]): Case[] {
  return [
    { name: `${kind}: a missing path`, args: args(missing), lines: [[`${missing}:1:1`, 'no such file']] },
    { name: `${kind}: a directory`, args: args(dir), lines: [[`${dir}:1:1`, 'is a directory, not a YAML file']] },
    { name: `${kind}: an empty file`, args: args(empty), lines: [[`${empty}:1:1`, 'is empty; expected a YAML mapping']] },
    { name: `${kind}: a file of white space`, args: args(blank), lines: [[`${blank}:1:1`, 'holds only white space']] },
    { name: `${kind}: a binary file (NUL byte)`, args: args(nul), lines: [[`${nul}:1:22`, 'contains a NUL byte']] },
    { name: `${kind}: invalid UTF-8, at the bad byte`, args: args(latin1), lines: [[`${latin1}:3:23`, 'is not valid UTF-8 text']] },
    { name: `${kind}: a file over 10 MiB`, args: args(huge), lines: [[`${huge}:1:1`, 'file is 10.1 MiB; the limit is 10.0 MiB']] },
  ];
}

describe('unreadable input', () => {
  table([
    ...unreadableCases('answers', (file) => ['score', file]),
    ...unreadableCases('model', (file) => ['score', ANSWERS, '--model', file]),
    // validate reads a folder as the files in it (test/e2e/folders.test.ts).
    ...unreadableCases('model', (file) => ['validate', file])
      .filter((c) => c.args[1] !== dir)
      .map((c) => ({ ...c, name: `${c.name} (validate)` })),
    { name: 'empty standard input', args: ['score', '-'], input: '', lines: [['<stdin>:1:1', 'is empty; expected a YAML mapping']] },
    { name: 'standard input over 10 MiB', args: ['score', '-'], input: `organisation: ${'x'.repeat(10 * 1024 * 1024)}`, lines: [['<stdin>:1:1', 'over the limit of 10.0 MiB']] },
  ]);
});

// ---------------------------------------------------------------------------------------------
// Answers files, scored with the built-in model.

describe('bad answers files', () => {
  const f = (name: string) => `${BAD}/${name}.yaml`;
  generated('secret.yaml', 'password: hunter2\npassword: hunter3\n');
  table([
    { name: 'YAML syntax error, at the opening quote', args: ['score', f('yaml-syntax')], lines: [[`${f('yaml-syntax')}:3:21`, 'YAML syntax error: the quoted text that starts here has no closing quote']] },
    { name: 'duplicate key, named, at its second occurrence', args: ['score', f('duplicate-key')], lines: [[`${f('duplicate-key')}:5:3`, 'duplicate key "strategy.purpose": each key may appear only once in a mapping']] },
    {
      name: 'duplicate key, named escaped and cut',
      args: ['score', generated('duplicate-hostile-key.yaml', `organisation: Acme\n"k\\e]0;t\\a\\n${'x'.repeat(70)}": 1\n"k\\e]0;t\\a\\n${'x'.repeat(70)}": 2\n`)],
      lines: [[`${join(tmp, 'duplicate-hostile-key.yaml')}:3:1`, `duplicate key "k\\u001b]0;t\\u0007\\n${'x'.repeat(51)}…": each key may appear only once in a mapping`]],
    },
    {
      // A model: line may name any file: a duplicate key in one that is neither a model nor answers is not named.
      name: 'duplicate key in a file a model: line names, not a model: not named',
      args: ['score', generated('names-secret.yaml', 'organisation: Acme\nmodel: ./secret.yaml\nanswers: {}\n')],
      lines: [[`${join(tmp, 'secret.yaml')}:2:1`, 'duplicate key: each key may appear only once in a mapping']],
    },
    { name: 'top level is a list', args: ['score', f('top-level-list')], lines: [[`${f('top-level-list')}:1:1`, 'the top level of an answers file must be a mapping of keys (key: value), but it holds a list']] },
    { name: 'top level is a scalar', args: ['score', f('top-level-scalar')], lines: [[`${f('top-level-scalar')}:1:1`, 'but it holds a single value ("just some text")']] },
    { name: 'only comments', args: ['score', f('only-comments')], lines: [[`${f('only-comments')}:1:1`, 'but it holds nothing (only comments?)']] },
    { name: 'missing required key', args: ['score', f('missing-organisation')], lines: [[`${f('missing-organisation')}:1:1`, 'missing required key "organisation"']] },
    { name: 'unknown top-level key', args: ['score', f('unknown-top-level-key')], lines: [[`${f('unknown-top-level-key')}:2:1`, 'unknown key "asessor" (did you mean assessor?); allowed keys: organisation, date, model, context, language, assessor, respondent, respondents, panel, answers']] },
    {
      // A schema error elsewhere in the file must not hide the errors in its answers.
      name: 'errors of the schema and of the answers, reported together',
      args: ['score', f('errors-in-every-layer')],
      lines: [
        [`${f('errors-in-every-layer')}:2:7`, 'date must be a real date written YYYY-MM-DD, not "2026-13-01"'],
        [`${f('errors-in-every-layer')}:5:21`, '"maybe" is not an answer for strategy.sponsor; allowed: yes, mostly, partly, no, n/a'],
        [`${f('errors-in-every-layer')}:6:3`, 'unknown indicator "strategy.purpse" in model community (did you mean strategy.purpose?)'],
        [`${f('errors-in-every-layer')}:7:22`, 'answers.strategy.audience'],
      ],
    },
    {
      name: 'wrong types, all reported',
      args: ['score', f('wrong-type')],
      lines: [
        [`${f('wrong-type')}:1:15`, 'organisation must be text, not 2026 (write it in quotes: "2026")'],
        [`${f('wrong-type')}:3:3`, 'answers must be a mapping (key: value), not a list'],
      ],
    },
    { name: 'a date that does not exist', args: ['score', f('invalid-date')], lines: [[`${f('invalid-date')}:2:7`, 'date must be a real date written YYYY-MM-DD, not "2026-02-30"']] },
    { name: 'alias bomb, refused at an alias', args: ['score', f('alias-bomb')], lines: [[`${f('alias-bomb')}:3:8`, /too many alias expansions .*"billion laughs"/]] },
    {
      name: '__proto__ and constructor are unknown indicators',
      args: ['score', f('proto-keys')],
      lines: [
        [`${f('proto-keys')}:3:3`, 'unknown indicator "__proto__" in model community'],
        [`${f('proto-keys')}:4:3`, 'unknown indicator "constructor" in model community'],
      ],
    },
    {
      name: 'wrong type inside an answer mapping: said once, about that part',
      args: ['score', f('answer-wrong-type')],
      lines: [
        [`${f('answer-wrong-type')}:3:31`, /^answers\.strategy\.purpose\.answer must be text or a number, not a list$/],
        [`${f('answer-wrong-type')}:4:45`, /^answers\.strategy\.sponsor\.note must be text, not a list$/],
      ],
    },
    { name: 'two YAML documents in one file', args: ['score', f('two-documents')], lines: [[`${f('two-documents')}:2:1`, 'YAML syntax error: a second document starts here (after ---); the file must hold exactly one']] },
    { name: 'unresolved alias, at that alias', args: ['score', f('unresolved-alias')], lines: [[`${f('unresolved-alias')}:5:22`, /^Unresolved alias.*: agred$/]] },
    // Exactly one line on stderr: the parser's own warning about such keys must not leak out.
    { name: 'a list as a key', args: ['score', f('collection-key')], lines: [[`${f('collection-key')}:3:3`, 'unknown indicator "[ strategy, purpose ]" in model community']] },
    { name: 'unknown indicator, with a suggestion', args: ['score', f('unknown-indicator')], lines: [[`${f('unknown-indicator')}:4:3`, 'unknown indicator "strategy.purpse" in model community (did you mean strategy.purpose?)']] },
    { name: 'answer outside the scale', args: ['score', f('answer-outside-scale')], lines: [[`${f('answer-outside-scale')}:4:21`, '"maybe" is not an answer for strategy.sponsor; allowed: yes, mostly, partly, no, n/a']] },
    { name: 'unknown key in an answer mapping', args: ['score', f('answer-unknown-key')], lines: [[`${f('answer-unknown-key')}:3:39`, 'unknown key "notes" in answers.strategy.purpose (did you mean note?); allowed keys: answer, note']] },
    { name: 'model: names no built-in and no file', args: ['score', f('unknown-model')], lines: [[`${f('unknown-model')}:2:8`, '"comunity" is not a built-in model (did you mean community?) and no file of that name exists; built-in models: community']] },
    { name: 'model: names a file that does not exist', args: ['score', f('model-file-missing')], lines: [[`${f('model-file-missing')}:2:8`, `model file "./no-such-model.yaml" does not exist (looked for ${BAD}/no-such-model.yaml)`]] },
    {
      name: '--strict with unanswered indicators: at the empty answer, or at answers: when left out',
      args: ['score', f('unanswered'), '--strict'],
      lines: [
        [`${f('unanswered')}:4:1`, 'indicator metrics.shared is not answered (--strict)'],
        [`${f('unanswered')}:6:3`, 'indicator strategy.sponsor is not answered (--strict)'],
      ],
    },
    {
      name: 'more than 20 errors are cut',
      args: ['score', f('many-errors')],
      lines: Array.from({ length: 20 }, (_, index): Expected => [`${f('many-errors')}:${index + 3}:3`, `unknown indicator "unknown.indicator-${index + 1}" in model community`]),
      more: 5,
    },
    { name: 'a model where answers are expected', args: ['score', 'models/community@1.0.yaml'], lines: [['models/community@1.0.yaml:1:1', 'this is a model, not an answers file; use it with --model models/community@1.0.yaml']] },
    { name: 'a model on standard input', args: ['score', '-'], input: 'id: x\nstages: []\ncompetencies: []\n', lines: [['<stdin>:1:1', 'this is a model, not an answers file; use it with --model <file>']] },
    { name: 'answers given as --model', args: ['score', ANSWERS, '--model', ANSWERS], lines: [[`${ANSWERS}:1:1`, 'this is an answers file, not a model; pass it as the answers to score, and a model with --model']] },
  ]);

  it('without --strict, unanswered indicators are only a warning', async () => {
    const result = await runInProcess(['score', f('unanswered')]);
    expect(result.code).toBe(0);
    expect(result.stderr).toMatch(/^cm-maturity: warning: 2 of 72 indicators are unanswered/);
  });
});

// ---------------------------------------------------------------------------------------------
// Model files, each passed to `validate` and as `--model` to `score`.

describe('bad model files', () => {
  const f = (name: string) => `${BAD_MODELS}/${name}.yaml`;
  const cases: Case[] = [
    { name: 'version written as a number', args: [f('version-number')], lines: [[`${f('version-number')}:3:10`, 'version must be text, not 1.0 (write it in quotes: "1.0")']] },
    { name: 'threshold written as text', args: [f('threshold-text')], lines: [[`${f('threshold-text')}:4:12`, 'threshold must be a number, not "high"']] },
    { name: 'threshold above 1', args: [f('threshold-too-high')], lines: [[`${f('threshold-too-high')}:4:12`, 'threshold must be at most 1, not 1.5']] },
    { name: 'threshold 0', args: [f('threshold-zero')], lines: [[`${f('threshold-zero')}:4:12`, 'threshold must be greater than 0, not 0']] },
    { name: 'scale value above 1', args: [f('scale-value-too-high')], lines: [[`${f('scale-value-too-high')}:5:39`, 'scale[0].value must be at most 1, not 2']] },
    { name: 'negative weight', args: [f('negative-weight')], lines: [[`${f('negative-weight')}:13:13`, 'competencies[0].weight must be greater than 0, not -1']] },
    { name: 'unknown key, with a suggestion', args: [f('unknown-key')], lines: [[`${f('unknown-key')}:13:5`, 'unknown key "weigth" in competencies[0] (did you mean weight?)']] },
    { name: 'missing required key', args: [f('missing-name')], lines: [[`${f('missing-name')}:1:1`, 'missing required key "name"']] },
    { name: 'scale id n/a', args: [f('scale-id-na')], lines: [[`${f('scale-id-na')}:6:11`, 'scale level id "n/a" is reserved for "not applicable"']] },
    { name: 'id that is not a slug', args: [f('bad-slug')], lines: [[`${f('bad-slug')}:11:9`, 'competencies[0].id "Strategy Goals" is not a valid id']] },
    {
      name: 'duplicate ids, each with its first definition',
      args: [f('duplicate-ids')],
      lines: [
        [`${f('duplicate-ids')}:6:11`, 'duplicate scale level id "yes" (first defined at line 5)'],
        [`${f('duplicate-ids')}:11:11`, 'duplicate stage id "grown" (first defined at line 10)'],
        [`${f('duplicate-ids')}:17:15`, /^duplicate indicator id "goals\.written".*\(first defined at line 16\)$/],
        [`${f('duplicate-ids')}:18:9`, 'duplicate competency id "goals" (first defined at line 13)'],
      ],
    },
    {
      name: 'indicator at the first stage',
      args: [f('indicator-at-first-stage')],
      lines: [
        [`${f('indicator-at-first-stage')}:13:5`, 'competency goals has no indicator at stage "grown"'],
        [`${f('indicator-at-first-stage')}:14:37`, 'indicator goals.written is at the first stage "start"'],
      ],
    },
    {
      name: 'indicator at an unknown stage',
      args: [f('indicator-at-unknown-stage')],
      lines: [
        [`${f('indicator-at-unknown-stage')}:13:5`, 'competency goals has no indicator at stage "grown"'],
        [`${f('indicator-at-unknown-stage')}:14:37`, 'indicator goals.written is at unknown stage "grwon" (did you mean grown?); stages are start, grown'],
      ],
    },
    { name: 'stage with no indicator', args: [f('stage-without-indicator')], lines: [[`${f('stage-without-indicator')}:14:5`, 'competency goals has no indicator at stage "mature"']] },
    { name: 'stage descriptor for an unknown stage', args: [f('descriptor-unknown-stage')], lines: [[`${f('descriptor-unknown-stage')}:15:7`, 'competency goals describes unknown stage "grwon" (did you mean grown?)']] },
    { name: 'stage descriptor under __proto__', args: [f('descriptor-proto-stage')], lines: [[`${f('descriptor-proto-stage')}:14:7`, 'competency goals describes unknown stage "__proto__"']] },
    { name: 'YAML syntax error, at the opening bracket', args: [f('yaml-syntax')], lines: [[`${f('yaml-syntax')}:4:8`, /^YAML syntax error: .*end with a \]$/]] },
    // Not named: with none of a model's keys (stages, scale, competencies), this may be any file.
    { name: 'duplicate key in a file with no model key, not named', args: [f('duplicate-key')], lines: [[`${f('duplicate-key')}:4:1`, 'duplicate key: each key may appear only once in a mapping']] },
    {
      name: 'duplicate key in a model, named',
      args: [generated('duplicate-stages.yaml', 'id: tiny\nstages: []\nname: Tiny\nstages: []\n')],
      lines: [[`${join(tmp, 'duplicate-stages.yaml')}:4:1`, 'duplicate key "stages": each key may appear only once in a mapping']],
    },
    { name: 'top level is a list', args: [f('top-level-list')], lines: [[`${f('top-level-list')}:1:1`, /^the top level of a model (or answers file )?must be a mapping .* but it holds a list$/]] },
    { name: 'alias bomb, refused at an alias', args: [f('alias-bomb')], lines: [[`${f('alias-bomb')}:4:8`, /too many alias expansions .*"billion laughs"/]] },
  ];
  table([
    ...cases.map((c) => ({ ...c, name: `${c.name} (validate)`, args: ['validate', ...c.args] })),
    ...cases.map((c) => ({ ...c, name: `${c.name} (--model)`, args: ['score', ANSWERS, '--model', ...c.args] })),
  ]);
});

// ---------------------------------------------------------------------------------------------
// Byte-level details: a byte-order mark and Windows line ends are fine, and do not shift positions.

describe('byte-order mark and CRLF', () => {
  const bom = '\uFEFF';
  const crlf = generated('crlf.yaml', 'organisation: Example Org\r\nanswers:\r\n  strategy.purpose: "yes"\r\n  strategy.sponsor: maybe\r\n');
  const bomError = generated('bom-error.yaml', `${bom}organisation: 2026\nanswers: {}\n`);
  table([
    { name: 'CRLF: an error on line 4 is reported on line 4', args: ['score', crlf], lines: [[`${crlf}:4:21`, '"maybe" is not an answer for strategy.sponsor']] },
    { name: 'BOM: not counted as a column', args: ['score', bomError], lines: [[`${bomError}:1:15`, 'organisation must be text, not 2026']] },
  ]);

  it('a file with a BOM and CRLF line ends scores', async () => {
    const file = generated('bom-crlf.yaml', `${bom}organisation: Example Org\r\nanswers:\r\n  strategy.purpose: "yes"\r\n`);
    const result = await runInProcess(['score', file, '--format', 'json']);
    expect(result.code, result.stderr).toBe(0);
    const report = JSON.parse(result.stdout) as { organisation: string; completeness: { answered: number } };
    expect(report.organisation).toBe('Example Org');
    expect(report.completeness.answered).toBe(1);
  });
});

// ---------------------------------------------------------------------------------------------
// Usage errors: exit 2, a message, no stack trace, no report file.

interface UsageCase {
  name: string;
  args: string[];
  message: RegExp;
}

const USAGE: UsageCase[] = [
  { name: 'unknown option', args: ['score', 'examples/community@1.0/early.yaml', '--bogus'], message: /unknown option '--bogus'/ },
  { name: 'unknown command', args: ['bogus'], message: /unknown command 'bogus'/ },
  { name: 'bad --format value', args: ['score', 'examples/community@1.0/early.yaml', '--format', 'xml'], message: /argument 'xml' is invalid/ },
  { name: '--model naming nothing', args: ['score', 'examples/community@1.0/early.yaml', '--model', 'comunity'], message: /"comunity" is not a built-in model \(did you mean community\?\)/ },
];

function expectUsageError(result: CliResult, { message }: UsageCase, output: string): void {
  expect(result.code, result.stderr).toBe(2);
  expect(result.stderr).toMatch(message);
  expect(result.stderr).not.toMatch(/^\s+at /m);
  expect(result.stdout).toBe('');
  expect(existsSync(output)).toBe(false);
}

describe('usage errors', () => {
  for (const usage of USAGE) {
    it(usage.name, async () => {
      const output = join(tmp, `usage-${usage.name.replace(/\W+/g, '-')}.txt`);
      expectUsageError(await runInProcess([...usage.args, '-o', output]), usage, output);
    });
  }
});

// ---------------------------------------------------------------------------------------------
// Through the library: keys such as __proto__ stay data and are reported, never touch prototypes.

describe('prototype keys through the library', () => {
  it('reports __proto__ and constructor as unknown indicators and pollutes nothing', async () => {
    const text = ['organisation: Example Org', 'answers:', '  __proto__: { polluted: "yes" }', '  constructor: "yes"', '  strategy.purpose: "yes"', ''].join('\n');
    const error = await parseAssessment({ file: 'answers.yaml', text }).then(
      () => undefined,
      (thrown: unknown) => thrown,
    );
    expect(error).toBeInstanceOf(UserError);
    const diagnostics = (error as UserError).diagnostics.map((d) => `${d.line}:${d.column} ${d.code} ${d.message}`);
    expect(diagnostics).toEqual([
      '3:3 unknown-indicator unknown indicator "__proto__" in model community',
      '4:3 unknown-indicator unknown indicator "constructor" in model community',
    ]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty('polluted');
  });

  it('reports a __proto__ key at the top level as an unknown key', async () => {
    const text = 'organisation: Example Org\n__proto__: { polluted: "yes" }\n';
    await expect(parseAssessment({ file: 'answers.yaml', text })).rejects.toThrow('answers.yaml:2:1: unknown key "__proto__"');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

// ---------------------------------------------------------------------------------------------
// The same contract from a real process: the built CLI, spawned, on a few of the cases above.

describe('in a spawned CLI', () => {
  it('runs every case chosen for it', () => {
    expect(spawned.map((testCase) => testCase.name).sort()).toEqual([...SPAWNED].sort());
  });

  for (const testCase of spawned) {
    it(testCase.name, () => {
      const extra = testCase.args[0] === 'score' ? ['-o', reportFile(testCase, 'spawned')] : [];
      expectContract(runCli([...testCase.args, ...extra], { input: testCase.input }), testCase);
      if (extra.length > 0) expect(existsSync(extra[1]!)).toBe(false);
    });
  }

  for (const usage of USAGE.filter((u) => u.name === 'unknown option' || u.name === '--model naming nothing')) {
    it(`usage error: ${usage.name}`, () => {
      const output = join(tmp, `usage-spawned-${usage.name.replace(/\W+/g, '-')}.txt`);
      expectUsageError(runCli([...usage.args, '-o', output]), usage, output);
    });
  }
});
