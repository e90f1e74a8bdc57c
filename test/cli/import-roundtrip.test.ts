import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stringify } from 'csv-stringify/sync';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { runInProcess } from '../helpers/in-process.js';

const temp = mkdtempSync(join(tmpdir(), 'cm-maturity-import-roundtrip-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

let runs = 0;
function fresh(): string {
  runs += 1;
  return join(temp, `run-${runs}`);
}

/** Four indicators of community 2.0 and, for each of its answers, the ways a survey may write it. */
const INDICATORS = ['strategy.purpose', 'strategy.sponsor', 'leadership.participation', 'strategy.audience'];
const WRITTEN: Record<string, string[]> = {
  yes: ['yes', 'Yes', 'Oui'],
  mostly: ['mostly', 'Mostly', 'Plutôt oui'],
  partly: ['partly', 'Partly', 'Partiellement'],
  no: ['no', 'No', 'Non'],
  'n/a': ['n/a', 'N/A', 'Sans objet'],
};

/** A way of writing an answer: one of its words, each letter in either case, accents kept or dropped. */
const written = (answer: string) =>
  fc.tuple(fc.constantFrom(...WRITTEN[answer]!), fc.array(fc.boolean(), { minLength: 20, maxLength: 20 }), fc.boolean()).map(([word, upper, plain]) => {
    const letters = [...(plain ? word.normalize('NFD').replace(/\p{M}/gu, '') : word)];
    return letters.map((letter, index) => (upper[index] ? letter.toUpperCase() : letter.toLowerCase())).join('');
  });

/** One respondent: a name or none, and per indicator an answer (or none) and how it is written. */
const respondent = fc.record({
  name: fc.option(fc.constantFrom('Alice', 'Bob', 'Chloé Durand', 'Denis, Jr.'), { nil: undefined }),
  answers: fc.tuple(...INDICATORS.map(() => fc.option(fc.constantFrom(...Object.keys(WRITTEN)).chain((answer) => written(answer).map((text) => ({ answer, text }))), { nil: undefined }))),
});

describe('import: an export written from answers imports back to the same answers', () => {
  it('whatever the labels, case, accents, separator and line ends', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(respondent, { minLength: 1, maxLength: 4 }), fc.constantFrom(',', ';', '\t'), fc.constantFrom('\n', '\r\n'), fc.boolean(), async (respondents, delimiter, eol, bom) => {
        const header = ['Your name [name]', ...INDICATORS.map((id) => `Question ${id}? [${id}]`)];
        const rows = respondents.map((one) => [one.name ?? '', ...one.answers.map((answer) => answer?.text ?? '')]);
        const csv = join(temp, `export-${runs}.csv`);
        writeFileSync(csv, `${bom ? '\uFEFF' : ''}${stringify([header, ...rows], { delimiter, record_delimiter: eol === '\n' ? 'unix' : 'windows' })}`);
        const out = fresh();
        const result = await runInProcess(['import', csv, '-o', out, '--organisation', 'Acme', '-q']);
        // A row with every cell empty is a blank line of the spreadsheet: passed over.
        const answered = respondents.filter((one) => one.name !== undefined || one.answers.some((answer) => answer !== undefined));
        expect(result).toMatchObject(answered.length === 0 ? { code: 2, stderr: `${csv}:1:1: the export has a header row but no respondent's row\n` } : { code: 0, stderr: '' });
        const files = answered.length === 0 ? [] : readdirSync(out).sort();
        expect(files).toEqual(answered.map((_, index) => `r${String(index + 1).padStart(2, '0')}.yaml`));
        files.forEach((name, index) => {
          const file = parse(readFileSync(join(out, name), 'utf8')) as { respondent?: { name?: string }; answers: Record<string, unknown> };
          const expected = answered[index]!;
          expect(file.respondent?.name).toBe(expected.name);
          INDICATORS.forEach((id, column) => expect(file.answers[id]).toBe(expected.answers[column]?.answer ?? null));
        });
      }),
      { numRuns: 15 },
    );
  });
});

describe('import → consensus → score', () => {
  it('imports three respondents, combines them and scores the combination', async () => {
    const csv = join(temp, 'team.csv');
    // strategy.purpose: yes, mostly, no → median mostly; strategy.sponsor: partly, partly, n/a → partly.
    writeFileSync(csv, 'Timestamp,Name,Purpose [strategy.purpose],Sponsor [strategy.sponsor]\n2026-10-01,Alice,Oui,partly\n2026-10-03,Bob,Plutôt oui,Partiellement\n2026-10-02,Carol,no,Sans objet\n');
    const responses = fresh();
    expect((await runInProcess(['import', csv, '-o', responses, '--organisation', 'Harbour Guild', '-q'])).code).toBe(0);
    const team = join(temp, 'team.yaml');
    const combined = await runInProcess(['consensus', responses, '-o', team]);
    expect(combined).toMatchObject({ code: 0, stderr: '' });
    const file = parse(readFileSync(team, 'utf8')) as Record<string, unknown> & { answers: Record<string, unknown> };
    expect(file).toMatchObject({ organisation: 'Harbour Guild', date: '2026-10-03', respondents: 3, panel: [{ name: 'Alice' }, { name: 'Bob' }, { name: 'Carol' }] });
    expect(file.answers['strategy.purpose']).toEqual({ answer: 'mostly', distribution: { yes: 1, mostly: 1, no: 1 } });
    expect(file.answers['strategy.sponsor']).toEqual({ answer: 'partly', distribution: { partly: 2, 'n/a': 1 } });
    const scored = await runInProcess(['score', team, '-f', 'json']);
    expect(scored.code).toBe(0);
    const report = JSON.parse(scored.stdout) as { respondents: number; competencies: { id: string; indicators: { id: string; answer: string | null }[] }[] };
    expect(report.respondents).toBe(3);
    const strategy = report.competencies.find((competency) => competency.id === 'strategy')!;
    expect(strategy.indicators.find((indicator) => indicator.id === 'strategy.purpose')).toMatchObject({ answer: 'mostly' });
  });
});
