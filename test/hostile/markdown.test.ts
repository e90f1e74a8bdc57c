import { describe, expect, it } from 'vitest';
import { micromark } from 'micromark';
import { gfm, gfmHtml } from 'micromark-extension-gfm';
import { allElements, parseHtml } from '../helpers/html.js';
import { runInProcess } from '../helpers/in-process.js';
import { ANY_CONTROL, CONTROL_EXCEPT_NEWLINE, copyFixture, fixture, tempFolder, withValue } from './support.js';

/**
 * Markdown injection (issue 13, class 4): the markdown of every family, from
 * test/fixtures/hostile/markdown.yaml and its model, rendered as GitHub renders a comment
 * (micromark with GFM: tables, autolinks, strikethrough; raw HTML allowed, so that any that got
 * through would show). No link, no mention, no HTML from the files, no control character.
 */

/** What the markdown structure of the reports may make; anything else came from a file. */
const STRUCTURE = new Set(['#document', 'html', 'head', 'body', 'h1', 'h2', 'h3', 'p', 'strong', 'em', 'ul', 'li', 'table', 'thead', 'tbody', 'tr', 'th', 'td', 'code']);

function render(markdown: string): string {
  return micromark(markdown, { extensions: [gfm()], htmlExtensions: [gfmHtml()], allowDangerousHtml: true });
}

/** The rendered page's text, as a reader sees it, with the zero-width spaces that break links taken out. */
function expectInert(markdown: string): string {
  expect(markdown).not.toMatch(CONTROL_EXCEPT_NEWLINE);
  const page = parseHtml(render(markdown));
  const elements = allElements(page);
  expect(elements.map((element) => element.tag).filter((tag) => !STRUCTURE.has(tag))).toEqual([]);
  expect(elements.filter((element) => Object.keys(element.attrs).some((name) => name !== 'align'))).toEqual([]);
  // GitHub links a mention (@ then a letter or digit), a URL and a www. host in the rendered text
  // itself, whatever micromark does: none of them may be left in it.
  expect(page.text).not.toMatch(/@[A-Za-z0-9]/);
  expect(page.text).not.toMatch(/:\/\//);
  expect(page.text).not.toMatch(/www\./i);
  expect(page.text.replaceAll('\n', '')).not.toMatch(ANY_CONTROL);
  return page.text.replaceAll('\u200b', '');
}

describe('markdown of every family renders hostile texts as inert text under GFM', () => {
  const dir = tempFolder();
  const answers = copyFixture(dir, 'markdown.yaml', 'www.evil.example @octocat.yaml');
  const later = copyFixture(dir, 'markdown.yaml', 'ceo@evil.example', (text) =>
    [withValue('date', '2026-06-01'), withValue('goals.shared', '{ answer: "yes", note: "moved to https://evil.example/new by @octocat" }')].reduce((t, edit) => edit(t), text),
  );

  it('renders the raw texts as links and HTML (a check of the test itself)', () => {
    const html = render('- Evil Corp https://evil.example/org @octocat\n- see www.evil.example, mail ceo@evil.example <b>now</b>\n');
    expect(html).toContain('<a href="https://evil.example/org">');
    expect(html).toContain('<a href="http://www.evil.example">');
    expect(html).toContain('<a href="mailto:ceo@evil.example">');
    expect(html).toContain('<b>now</b>');
  });

  it('score: the single report, every next step with its notes and advice', async () => {
    const result = await runInProcess(['score', fixture('markdown.yaml'), '-f', 'markdown', '--all']);
    expect(result.code, result.stderr).toBe(0);
    const text = expectInert(result.stdout);
    expect(text).toContain('Model by @octocat, see https://evil.example/model: Evil Corp https://evil.example/org @octocat');
    expect(text).toContain('Mallory <mallory@evil.example>, @org/team');
    expect(text).toContain('Model by @octocat, see https://evil.example/model');
    expect(text).toContain('Note: see www.evil.example and http://evil.example/a_b, cc @octocat]0;title');
    expect(text).toContain('Note: ping @org/team, mail ceo@evil.example <b>now</b>');
    expect(text).toContain('Advice: Ask @octocat at https://evil.example/ask?x=1&y=2');
    expect(text).toContain('Shared <img src=x onerror=alert(1)> [x](javascript:alert(1))');
    expect(text).toContain('Advice: <script>alert(1)</script>');
    expect(text).toContain('An owner (xmpp:owner@evil.example)');
  });

  it('score with several files: the portfolio table, file names included', async () => {
    const result = await runInProcess(['score', answers, later, '-f', 'markdown']);
    expect(result.code, result.stderr).toBe(0);
    const text = expectInert(result.stdout);
    expect(text).toContain('www.evil.example @octocat.yaml');
    expect(text).toContain('/ceo@evil.example');
    expect(text).toContain('Goals www.evil.example');
    expect(text).toContain('People[2J @org/team');
  });

  it('benchmark: the pool and one organisation against it', async () => {
    const result = await runInProcess(['benchmark', answers, later, '--org', answers, '-f', 'markdown']);
    expect(result.code, result.stderr).toBe(0);
    const text = expectInert(result.stdout);
    expect(text).toContain('Evil Corp https://evil.example/org @octocat against the pool');
    expect(text).toContain('Grown @org/team');
  });

  it('diff: the changed answers with their notes', async () => {
    const result = await runInProcess(['diff', answers, later, '-f', 'markdown']);
    expect(result.code, result.stderr).toBe(0);
    const text = expectInert(result.stdout);
    expect(text).toContain('moved to https://evil.example/new by @octocat');
    expect(text).toContain('Start http://evil.example/start');
  });

  it('history: the dates, scores and the model', async () => {
    const result = await runInProcess(['history', answers, later, '-f', 'markdown']);
    expect(result.code, result.stderr).toBe(0);
    const text = expectInert(result.stdout);
    expect(text).toContain('Model by @octocat, see https://evil.example/model over time: Evil Corp https://evil.example/org @octocat');
    expect(text).toContain('Model by @octocat, see https://evil.example/model 1 www.evil.example');
  });
});
