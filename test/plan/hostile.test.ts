import { describe, expect, it } from 'vitest';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseCsv } from 'csv-parse/sync';
import { runInProcess } from '../helpers/in-process.js';
import { parseHtml, select } from '../helpers/html.js';
import { tempDir } from '../e2e/support.js';

const DIR = 'test/fixtures/plan';

// What a plan says is data in every output: an owner with a terminal escape and markup, a note
// with markdown and a spreadsheet formula, a phase name with HTML.
const OWNER = 'Eve \u001b[31m<script>alert(1)</script>';
const NOTE = '=HYPERLINK("http://x") | **bold** [link](http://x)';
const PHASE = '<img src=x onerror=alert(1)>';

function hostilePlan(): string {
  const dir = tempDir();
  for (const name of ['track.model.yaml', 'answers.yaml', 'later.yaml']) writeFileSync(join(dir, name), readFileSync(join(DIR, name)));
  writeFileSync(
    join(dir, 'plan.yaml'),
    readFileSync(join(DIR, 'plan.yaml'), 'utf8')
      .replace('owner: Head of Community\n    due: 2027-03-31', `owner: ${JSON.stringify(OWNER)}\n    due: 2027-03-31`)
      .replace('note: Two moderators hired in March.', `note: ${JSON.stringify(NOTE)}`)
      .replace('name: First half 2027', `name: ${JSON.stringify(PHASE)}`),
  );
  return dir;
}

describe('a plan\'s texts are data in every output', () => {
  it('table: no control character; markdown: no markup of the file\'s', async () => {
    const dir = hostilePlan();
    const args = ['score', join(dir, 'later.yaml'), '--plan', join(dir, 'plan.yaml')];
    const table = await runInProcess(args);
    expect(table.code).toBe(0);
    expect(table.stdout).not.toContain('\u001b');
    expect(table.stdout).toContain('Eve \\x1b[31m<script>');
    const markdown = (await runInProcess([...args, '-f', 'markdown'])).stdout;
    expect(markdown).not.toContain('**bold**');
    expect(markdown).not.toContain('<script>');
    expect(markdown).not.toContain('[link](http://x)');
  });

  it('html: the texts are text, not elements', async () => {
    const dir = hostilePlan();
    const html = (await runInProcess(['score', join(dir, 'later.yaml'), '--plan', join(dir, 'plan.yaml'), '-f', 'html'])).stdout;
    const page = parseHtml(html);
    expect(select(page, 'script')).toHaveLength(0);
    expect(select(page, 'img')).toHaveLength(0);
    expect(select(page, 'h3').map((heading) => heading.text)).toContain(PHASE);
    expect(select(page, 'li', 'action')[0]!.text).toContain('<script>alert(1)</script>');
  });

  it('csv-actions: a formula is not a formula', async () => {
    const dir = hostilePlan();
    const csv = (await runInProcess(['score', join(dir, 'later.yaml'), '--plan', join(dir, 'plan.yaml'), '-f', 'csv-actions'])).stdout;
    const rows = parseCsv(csv, { columns: true }) as Record<string, string>[];
    expect(rows[0]!.note).not.toMatch(/^=/);
    expect(rows[0]!.note).toContain('HYPERLINK');
  });
});
