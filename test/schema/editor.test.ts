import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { getLanguageService, type CompletionItem, type Position } from 'yaml-language-server';
import { ROOT } from '../helpers/cli.js';
import { runInProcess } from '../helpers/in-process.js';

// The shipped answers schema as an editor uses it: the YAML language server that VS Code's YAML
// extension, Neovim and Helix run, in this process, with no editor and no network. Schemas are
// read from the repository's schema/ folder and nothing else.

const SCHEMA_URI = pathToFileURL(join(ROOT, 'schema', 'answers.community@1.0.schema.json')).href;
const SCHEMA_FOLDER = pathToFileURL(join(ROOT, 'schema')).href + '/';

/** Every schema the language server asked for. */
const requested: string[] = [];

/**
 * Schemas written by `cm-maturity schema answers --model <file>` for a model of one's own, held in
 * memory at an address of their own: the only schemas besides the shipped ones.
 */
const written = new Map<string, string>();

const service = getLanguageService({
  schemaRequestService: async (uri) => {
    requested.push(uri);
    const text = written.get(uri);
    if (text !== undefined) return text;
    if (!uri.startsWith(SCHEMA_FOLDER)) throw new Error(`not a shipped schema: ${uri}`);
    return readFileSync(fileURLToPath(uri), 'utf8');
  },
  workspaceContext: { resolveRelativePath: (relativePath, resource) => new URL(relativePath, resource).href },
  // What VS Code declares: markdown in hover and completion documentation.
  clientCapabilities: {
    textDocument: {
      hover: { contentFormat: ['markdown', 'plaintext'] },
      completion: { completionItem: { documentationFormat: ['markdown', 'plaintext'] } },
    },
  },
});
// Files named *.answers.yaml get the schema from the settings, as a `yaml.schemas` entry would give it.
service.configure({ validate: true, hover: true, completion: true, schemas: [{ uri: SCHEMA_URI, fileMatch: ['*.answers.yaml'] }] });

let version = 0;
/** An answers file open in the editor, at a path in the repository (it need not exist). */
const open = (name: string, text: string) => TextDocument.create(pathToFileURL(join(ROOT, name)).href, 'yaml', ++version, text);

const at = (line: number, character: number): Position => ({ line, character });
const range = (line: number, start: number, end: number) => ({ start: at(line, start), end: at(line, end) });
const documentation = (item: CompletionItem) => (typeof item.documentation === 'string' ? item.documentation : item.documentation?.value);

const STRATEGY_PURPOSE = 'A written statement describes who the community is for, what members gain from it and which organisational goal it supports.';
const STRATEGY_PURPOSE_ADVICE =
  'Write a one-page purpose statement covering audience, member value and business goal. Test it with five prospective members and one manager before publishing it in the community.';

describe('the answers schema in the YAML language server', () => {
  it('on hover over an indicator id in the file `init` writes: its text, competency, stage and advice, once', async () => {
    const init = await runInProcess(['init', '-m', 'community@1.0', '--organisation', 'Acme', '--date', '2026-10-01']);
    expect(init.code).toBe(0);
    // The modeline `init` wrote picks the schema: the file's name matches no setting.
    expect(init.stdout.split('\n')[0]).toBe('# yaml-language-server: $schema=./schema/answers.community@1.0.schema.json');
    const document = open('acme.yaml', init.stdout);
    const line = init.stdout.split('\n').indexOf('  strategy.purpose:');
    expect(line).toBeGreaterThan(0);

    const hover = await service.doHover(document, at(line, 8));
    expect(hover?.range).toEqual(range(line, 2, 18));
    const text = (hover?.contents as { kind: string; value: string }).value;
    expect(text).toBe(
      [
        '#### Strategy · stage: Emergent Community',
        '',
        STRATEGY_PURPOSE,
        '',
        `**Advice:** ${STRATEGY_PURPOSE_ADVICE}`,
        '',
        `Source: [answers.community@1.0.schema.json](${SCHEMA_URI})`,
      ].join('\n'),
    );
    expect(text).toContain('Emergent Community');
    expect(text).not.toContain('An answer, or { answer, note }');
    expect(text.split('Strategy · stage: Emergent Community')).toHaveLength(2);
    expect(requested).toContain(SCHEMA_URI);
  });

  it('on hover over an answered indicator: also the allowed answers with their labels, the given one first', async () => {
    const document = open('hover.answers.yaml', 'organisation: Acme\nanswers:\n  strategy.purpose: partly\n');
    const text = ((await service.doHover(document, at(2, 2)))?.contents as { value: string }).value;
    expect(text).toBe(
      [
        '#### Strategy · stage: Emergent Community',
        '',
        STRATEGY_PURPOSE,
        '',
        `**Advice:** ${STRATEGY_PURPOSE_ADVICE}`,
        '',
        'Allowed Values:',
        '',
        '* `partly`: Partly',
        '* `"yes"`: Yes, fully in place',
        '* `mostly`: Mostly',
        '* `"no"`: No',
        '* `n/a`: does not apply',
        '',
        `Source: [answers.community@1.0.schema.json](${SCHEMA_URI})`,
      ].join('\n'),
    );
  });

  it('on hover over a key that may be empty: its title once and what it is', async () => {
    const document = open('keys.answers.yaml', 'organisation: Acme\ndate: 2026-10-01\nassessor:\n');
    for (const line of [1, 2]) {
      const text = ((await service.doHover(document, at(line, 1)))?.contents as { value: string }).value;
      expect(text).toBe(
        [
          '#### cm-maturity answers for Community Management Maturity (community 1.0)',
          '',
          line === 1 ? 'The day the answers describe, YYYY-MM-DD; empty: not given.' : 'Who gave the answers; empty: not given.',
          '',
          `Source: [answers.community@1.0.schema.json](${SCHEMA_URI})`,
        ].join('\n'),
      );
    }
  });

  it('completes the indicator ids not yet answered, each with its text and advice', async () => {
    const document = open('ids.answers.yaml', 'organisation: Acme\nanswers:\n  strategy.purpose: "yes"\n  \n');
    const items = (await service.doComplete(document, at(3, 2), false)).items;
    const labels = items.map((item) => item.label);
    // 72 indicators, one already answered.
    expect(labels).toHaveLength(71);
    expect(labels.slice(0, 3)).toEqual(['strategy.sponsor', 'strategy.audience', 'strategy.plan']);
    expect(labels).toContain('metrics.shared');
    expect(labels).not.toContain('strategy.purpose');
    const sponsor = items.find((item) => item.label === 'strategy.sponsor')!;
    expect(documentation(sponsor)).toBe(
      'A named executive sponsor has agreed to champion the community and meets the community owner at least twice a year.\n\n' +
        '**Advice:** Identify the leader whose goals the community serves most directly and ask for a 30-minute briefing. Close the meeting by booking a recurring check-in in their calendar.',
    );
  });

  it("completes an indicator's answer with the scale ids and n/a, each with its label", async () => {
    const document = open('values.answers.yaml', 'organisation: Acme\nanswers:\n  strategy.purpose: \n');
    const items = (await service.doComplete(document, at(2, 20), false)).items;
    expect(items.map((item) => [item.label, documentation(item)])).toEqual([
      // yes and no are quoted: YAML 1.1 reads them as booleans.
      ['"yes"', 'Yes, fully in place'],
      ['mostly', 'Mostly'],
      ['partly', 'Partly'],
      ['"no"', 'No'],
      ['n/a', 'does not apply'],
      // Empty: not answered yet.
      ['null', ''],
    ]);
  });

  it('flags a date that does not exist, an answer outside the scale and an unknown indicator id, where they are', async () => {
    const document = open(
      'bad.answers.yaml',
      [
        'organisation: Acme',
        'date: 2026-02-30',
        'answers:',
        '  strategy.purpose: "yes"',
        '  strategy.sponsor: maybe',
        '  strategy.nonsense: "no"',
        '  strategy.audience: { answer: partly, note: Interviews in March }',
        '  strategy.plan:',
        '',
      ].join('\n'),
    );
    const diagnostics = (await service.doValidation(document, false)).map(({ range, message }) => ({ range, message }));
    expect(diagnostics).toEqual([
      { range: range(1, 6, 16), message: 'must be a date that exists, written YYYY-MM-DD (e.g. 2026-10-01)' },
      { range: range(4, 20, 25), message: 'Value is not accepted. Valid values: "yes", "mostly", "partly", "no", "n/a".' },
      { range: range(5, 2, 19), message: 'Property strategy.nonsense is not allowed.' },
    ]);
  });

  afterAll(() => {
    // No other schema was asked for: not the network, not another file.
    expect(requested.filter((uri) => uri !== SCHEMA_URI && !written.has(uri))).toEqual([]);
  });
});

describe('the answers schema of a model with criteria, evidence prompts, contexts and key indicators', () => {
  const CLUBS_URI = 'file:///schemas/clubs.answers.schema.json';
  const clubs = (name: string, lines: string[]) => open(name, [`# yaml-language-server: $schema=${CLUBS_URI}`, 'organisation: Acme', ...lines, ''].join('\n'));
  const hoverText = async (document: TextDocument, line: number, character: number) => ((await service.doHover(document, at(line, character)))?.contents as { value: string }).value;
  const SOURCE = 'Source: [clubs.answers.schema.json](file:///schemas/clubs.answers.schema.json)';

  beforeAll(async () => {
    const result = await runInProcess(['schema', 'answers', '--model', 'test/fixtures/small-models/format-2.model.yaml']);
    expect(result.code).toBe(0);
    written.set(CLUBS_URI, result.stdout);
  });

  it("on hover over an indicator: its criteria, evidence prompt, advice, effort and owner, whether it is key, and the contexts it applies in", async () => {
    const document = clubs('clubs-hover.yaml', ['answers:', '  goals.approved:', '  goals.staff:']);
    expect(await hoverText(document, 3, 4)).toBe(
      [
        '#### Goals · stage: Shared · key indicator',
        '',
        'The sponsor approved the goals.',
        '',
        '**Criteria** (all must hold for "yes"):',
        '- The sponsor signed them.',
        '- The approval is dated.',
        '- It is less than a year old.',
        '',
        '**Evidence:** The signed goals.',
        '',
        '**Advice:** Ask the sponsor to sign them.',
        '',
        '**Effort:** medium · **Owner:** sponsor',
        '',
        // The threshold is 0.75: only yes (1) reaches it, partly (0.5) does not.
        '**Key indicator:** Shared is not met until this one is answered yes or n/a.',
        '',
        'Applies in every context.',
        '',
        SOURCE,
      ].join('\n'),
    );
    expect(await hoverText(document, 4, 4)).toBe(
      [
        '#### Goals · stage: Grown',
        '',
        'Staff know the goals.',
        '',
        '**Criteria** (all must hold for "yes"):',
        '- The goals were presented to staff.',
        '- The intranet links to them.',
        '',
        '**Evidence:** The presentation and the intranet page.',
        '',
        '**Advice:** Present them.',
        '',
        '**Applies only in:** Staff network.',
        '',
        SOURCE,
      ].join('\n'),
    );
  });

  it('on hover over an answer: the scale levels with what each means; over evidence and checked: what they are', async () => {
    const document = clubs('clubs-answer.yaml', ['answers:', '  goals.written: { answer: partly, evidence: [minutes.pdf], checked: 2026-09-30 }']);
    const line = '  goals.written: { answer: partly, evidence: [minutes.pdf], checked: 2026-09-30 }';
    const answer = await hoverText(document, 3, line.indexOf('partly') + 1);
    expect(answer).toContain(
      [
        'Allowed Values:',
        '',
        '* `partly`: Partly — Some criteria hold, or only informally.',
        '* `"yes"`: Yes — Every criterion holds, and you can show it.',
        '* `"no"`: No — It does not happen.',
        '* `n/a`: does not apply',
      ].join('\n'),
    );
    expect(await hoverText(document, 3, line.indexOf('evidence') + 1)).toBe(['#### Goals · stage: Grown', '', 'What the answer rests on: links or short texts, one item each.', '', SOURCE].join('\n'));
    expect(await hoverText(document, 3, line.indexOf('checked') + 1)).toBe(
      ['#### Goals · stage: Grown', '', 'The day the answer was last checked against its evidence, YYYY-MM-DD.', '', SOURCE].join('\n'),
    );
  });

  it("completes context: with the model's contexts, each with its name and description, and flags any other", async () => {
    const items = (await service.doComplete(clubs('clubs-context.yaml', ['context: ']), at(2, 9), false)).items;
    expect(items.map((item) => [item.label, documentation(item)])).toEqual([
      ['staff', 'Staff network — Employees of the organisation working together.'],
      ['members', 'Member community'],
      // Empty is allowed too: every indicator applies.
      ['null', ''],
    ]);
    const hover = await hoverText(clubs('clubs-context-hover.yaml', ['context: staff']), 2, 1);
    expect(hover).toContain("The model's context the organisation works in");
    expect(hover).toContain('* `staff`: Staff network — Employees of the organisation working together.\n* `members`: Member community');

    const diagnostics = (await service.doValidation(clubs('clubs-bad-context.yaml', ['context: customer', 'answers:', '  goals.members: { answer: "yes", checked: 2026-13-01 }']), false)).map(({ range, message }) => ({ range, message }));
    expect(diagnostics).toEqual([
      { range: range(2, 9, 17), message: 'Value is not accepted. Valid values: "staff", "members".' },
      { range: range(4, 43, 53), message: 'must be a date that exists, written YYYY-MM-DD (e.g. 2026-10-01)' },
    ]);
  });
});
