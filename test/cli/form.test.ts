import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse as parseCsv } from 'csv-parse/sync';
import { afterAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { allElements, parseHtml, select, type HtmlElement } from '../helpers/html.js';
import { runInProcess } from '../helpers/in-process.js';

/**
 * `form`: the questionnaire page and the questions for form builders, run in-process. What the
 * page does in a browser is test/browser/form.test.ts.
 */
const temp = mkdtempSync(join(tmpdir(), 'cm-maturity-form-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

const SMALL_MODEL = 'test/fixtures/small-models/open-data.model.yaml';
const HOSTILE_MODEL = 'test/fixtures/hostile/details-model.yaml';

async function form(...args: string[]): Promise<string> {
  const result = await runInProcess(['form', ...args]);
  expect(result.stderr).toBe('');
  expect(result.code).toBe(0);
  return result.stdout;
}

function sha256(text: string): string {
  return `'sha256-${createHash('sha256').update(text).digest('base64')}'`;
}

/** The text inside the first element of a tag, as written in the page (between its tags). */
function rawInside(html: string, open: string, close: string): string {
  const start = html.indexOf(open);
  expect(start).toBeGreaterThan(-1);
  return html.slice(start + open.length, html.indexOf(close, start));
}

function policyOf(document: HtmlElement): string {
  return select(document, 'meta').find((meta) => meta.attrs['http-equiv'] === 'Content-Security-Policy')!.attrs.content!;
}

describe('form: the page', () => {
  it('allows its one script and its one stylesheet by their hashes, and loads nothing', async () => {
    const html = await form('-m', SMALL_MODEL, '--organisation', 'Harbour Town Council');
    const document = parseHtml(html);
    const policy = policyOf(document);
    const style = rawInside(html, '<style>', '</style>');
    const script = rawInside(html, '<script>', '</script>');
    expect(script.length).toBeGreaterThan(1000);
    expect(policy).toBe(`default-src 'none'; script-src ${sha256(script)}; style-src ${sha256(style)}; img-src 'none'; base-uri 'none'; form-action 'none'`);
    // One script that runs and one block of data; no attribute that could run or load anything, and one link, within the page.
    expect(select(document, 'a').map((link) => link.attrs.href)).toEqual(['#standing-heading']);
    const scripts = select(document, 'script');
    expect(scripts.map((element) => element.attrs.type ?? 'script')).toEqual(['application/json', 'script']);
    for (const element of allElements(document)) {
      expect(Object.keys(element.attrs).filter((name) => name.startsWith('on') || name === 'style' || name === 'src' || (name === 'href' && element.attrs.href !== '#standing-heading'))).toEqual([]);
    }
  });

  it('asks every indicator with the scale, n/a and "not answered yet", a note and evidence, and starts at the first stage', async () => {
    const document = parseHtml(await form('-m', SMALL_MODEL, '--organisation', 'Harbour Town Council'));
    const fieldsets = select(document, 'fieldset', 'indicator');
    expect(fieldsets).toHaveLength(6);
    const first = fieldsets[0]!;
    expect(select(first, 'legend')[0]!.text).toBe('Datasets are listed in a public catalogue. publishing.catalogue');
    expect(select(first, 'input').map((input) => [input.attrs.name, input.attrs.value, input.attrs.checked !== undefined])).toEqual([
      ['a-0', 'yes', false],
      ['a-0', 'partly', false],
      ['a-0', 'no', false],
      ['a-0', 'n/a', false],
      ['a-0', '', true],
    ]);
    expect(select(first, 'label').map((label) => label.text.trim())).toEqual(['Yes', 'Partly', 'No', 'Does not apply', 'Not answered yet', 'Note (optional)', 'Evidence (optional): one link or short text a line']);
    expect(select(first, 'textarea').map((textarea) => textarea.attrs.id)).toEqual(['n-0', 'e-0']);
    expect(select(first, 'p', 'prompt')[0]!.text).toBe('Advice: List every dataset with its owner and licence.');
    // Nothing answered: every competency at the first stage, score 1.00 (Closed).
    expect(select(document, 'tbody')[0]!.children.map((row) => row.children.map((cell) => cell.text))).toEqual([
      ['Publishing', 'Closed', '1.00'],
      ['Engagement', 'Closed', '1.00'],
    ]);
    expect(select(document, 'progress')[0]!.attrs).toMatchObject({ max: '6', value: '0' });
  });

  it('embeds what the script needs as JSON that no text can end, and the same options write the same bytes', async () => {
    const args = ['-m', SMALL_MODEL, '--organisation', 'Harbour </script><!-- \u2028 Council', '--respondent-name', 'Ann', '--respondent-role', 'clerk'];
    const html = await form(...args);
    // Compared as booleans: a failure would print the whole page twice.
    expect((await form(...args)) === html).toBe(true);
    const [first, second] = [join(temp, 'first.html'), join(temp, 'second.html')];
    await form(...args, '-o', first);
    await form(...args, '-o', second);
    expect(readFileSync(first).equals(readFileSync(second))).toBe(true);
    const json = rawInside(html, '<script type="application/json" id="form-data">', '</script>');
    expect(json).not.toMatch(/[<>&\u2028\u2029]/);
    const data = JSON.parse(json) as Record<string, unknown>;
    expect(data).toMatchObject({
      language: 'en',
      modelRef: './test/fixtures/small-models/open-data.model.yaml',
      organisation: 'Harbour </script><!-- \u2028 Council',
      context: null,
      respondent: { name: 'Ann', role: 'clerk' },
      storageKey: 'cm-maturity:form:["Harbour </script><!-- \u2028 Council","open-data@0.3","Ann"]',
      indicators: ['publishing.catalogue', 'publishing.licence', 'publishing.api', 'publishing.updates', 'engagement.feedback', 'engagement.showcase'],
    });
  });

  it('writes a hostile model and command line as text', async () => {
    const html = await form('-m', HOSTILE_MODEL, '--organisation', '<b onclick=x>Org</b>', '--respondent-role', '"><script>alert(1)</script>');
    const document = parseHtml(html);
    expect(select(document, 'script')).toHaveLength(2);
    expect(allElements(document).filter((element) => ['img', 'iframe', 'b', 'i'].includes(element.tag))).toEqual([]);
    expect(select(document, 'a')).toHaveLength(1);
    expect(select(document, 'h1')[0]!.text).toBe('<b onclick=x>Org</b>: questionnaire, Details <i>Maturity</i>');
    const legend = select(select(document, 'fieldset', 'indicator')[0]!, 'legend')[0]!;
    expect(legend.text).toBe('A key <img src=x onerror=alert(1)> indicator safety.key');
    expect(select(document, 'li').map((item) => item.text)).toContain('<script>alert(1)</script>');
    expect(select(document, 'input').find((input) => input.attrs.id === 'respondent-role')!.attrs.value).toBe('"><script>alert(1)</script>');
    // Control characters of the model are dropped, as in every HTML output.
    expect(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/.test(html)).toBe(false);
  });

  it('asks only the indicators of --context, and refuses a context the model lacks', async () => {
    const inside = select(parseHtml(await form('-m', HOSTILE_MODEL, '--context', 'inside')), 'fieldset', 'indicator');
    const all = select(parseHtml(await form('-m', HOSTILE_MODEL)), 'fieldset', 'indicator');
    expect(all.length - inside.length).toBe(1);
    expect(inside.map((fieldset) => select(fieldset, 'span', 'indicator-id')[0]!.text)).not.toContain('safety.other');
    expect(await runInProcess(['form', '-m', HOSTILE_MODEL, '--context', 'insde'])).toEqual({
      code: 2,
      stdout: '',
      stderr: 'cm-maturity: error: --context "insde": model details has no such context (did you mean inside?); contexts: inside, outside\n',
    });
    expect(await runInProcess(['form', '-m', SMALL_MODEL, '--context', 'inside'])).toEqual({ code: 2, stdout: '', stderr: 'cm-maturity: error: --context "inside": model open-data has no contexts\n' });
  });

  it('speaks French with --lang fr, with the model in its French translation', async () => {
    const html = await form('--lang', 'fr', '--organisation', 'Acme');
    const document = parseHtml(html);
    expect(select(document, 'html')[0]!.attrs.lang).toBe('fr');
    expect(select(document, 'h1')[0]!.text).toBe('Acme\u00a0: questionnaire, Maturité de l’animation de communauté');
    expect(select(select(document, 'fieldset', 'indicator')[0]!, 'legend')[0]!.text).toBe(
      'Une raison d’être écrite précise à qui s’adresse la communauté, ce que les membres y gagnent et quel objectif de l’organisation elle sert. strategy.purpose',
    );
    expect(select(document, 'button')[0]!.text).toBe('Télécharger mes réponses');
    expect(select(document, 'p').find((p) => p.attrs.id === 'progress-text')!.text).toBe('0 sur 106 répondus');
    const data = JSON.parse(rawInside(html, '<script type="application/json" id="form-data">', '</script>')) as { language: string; messages: { team: Record<string, string> } };
    expect(data.language).toBe('fr');
    expect(data.messages.team['form.page.download']).toBe('Télécharger mes réponses');
  });

  it('refuses an existing file without --force and an empty organisation, writing nothing', async () => {
    const file = join(temp, 'exists.html');
    writeFileSync(file, 'mine');
    expect(await runInProcess(['form', '-o', file])).toEqual({ code: 2, stdout: '', stderr: `cm-maturity: error: ${file} already exists; use --force to replace it\n` });
    expect(readFileSync(file, 'utf8')).toBe('mine');
    await form('-o', file, '--force');
    expect(readFileSync(file, 'utf8')).toMatch(/^<!DOCTYPE html>/);
    const other = join(temp, 'empty.html');
    expect((await runInProcess(['form', '--organisation', ' ', '-o', other])).code).toBe(2);
    expect(existsSync(other)).toBe(false);
  });
});

describe('form --questions csv', () => {
  it('prints one line per indicator: the text, the id in brackets, then the answers', async () => {
    const text = await form('-m', SMALL_MODEL, '--questions', 'csv');
    expect(text.split('\n')[0]).toBe('Datasets are listed in a public catalogue. [publishing.catalogue],Yes,Partly,No,n/a');
    expect(parseCsv(text)).toEqual([
      ['Datasets are listed in a public catalogue. [publishing.catalogue]', 'Yes', 'Partly', 'No', 'n/a'],
      ['Every dataset has an open licence. [publishing.licence]', 'Yes', 'Partly', 'No', 'n/a'],
      ['Datasets are served through an API. [publishing.api]', 'Yes', 'Partly', 'No', 'n/a'],
      ['Datasets are updated on a published schedule. [publishing.updates]', 'Yes', 'Partly', 'No', 'n/a'],
      ['Users can report problems with a dataset. [engagement.feedback]', 'Yes', 'Partly', 'No', 'n/a'],
      ['Reuses of the data are showcased. [engagement.showcase]', 'Yes', 'Partly', 'No', 'n/a'],
    ]);
  });

  it('keeps the bracketed id last, in French too, and leaves out the indicators of other contexts', async () => {
    const french = parseCsv(await form('--lang', 'fr', '--questions', 'csv')) as string[][];
    expect(french).toHaveLength(106);
    expect(french[0]).toEqual([
      'Une raison d’être écrite précise à qui s’adresse la communauté, ce que les membres y gagnent et quel objectif de l’organisation elle sert. [strategy.purpose]',
      'Oui',
      'Plutôt oui',
      'Partiellement',
      'Non',
      'n/a',
    ]);
    for (const [question] of french) expect(question).toMatch(/ \[[a-z0-9-]+\.[a-z0-9-]+\]$/);
    const inside = (parseCsv(await form('-m', HOSTILE_MODEL, '--context', 'inside', '--questions', 'csv')) as string[][]).map(([question]) => question);
    expect(inside.some((question) => question!.endsWith('[safety.other]'))).toBe(false);
    expect(inside.some((question) => question!.endsWith('[safety.plain]'))).toBe(true);
  });

  it('gives questions whose titles import reads back: a survey export made of them becomes answers files', async () => {
    const questions = parseCsv(await form('--lang', 'fr', '--questions', 'csv')) as string[][];
    // A form builder's export: the questions as column titles, a respondent's choices as cells.
    const titles = ['Horodateur', ...questions.slice(0, 3).map(([question]) => question!)];
    const exported = `${[titles, ['2026/10/08 14:03:11 UTC+2', questions[0]![1]!, questions[1]![5]!, questions[2]![3]!]].map((row) => row.map((cell) => JSON.stringify(cell)).join(',')).join('\n')}\n`;
    const file = join(temp, 'export.csv');
    writeFileSync(file, exported);
    const folder = join(temp, 'imported');
    const imported = await runInProcess(['import', file, '-o', folder, '--organisation', 'Acme', '--quiet']);
    expect(imported.stderr).toBe('');
    expect(imported.code).toBe(0);
    const answers = (parse(readFileSync(join(folder, 'r01.yaml'), 'utf8')) as { answers: Record<string, unknown> }).answers;
    expect([answers['strategy.purpose'], answers['strategy.sponsor'], answers['strategy.audience']]).toEqual(['yes', 'n/a', 'partly']);
  });

  it('refuses a format it does not know', async () => {
    const result = await runInProcess(['form', '--questions', 'xlsx']);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/--questions/);
  });
});
