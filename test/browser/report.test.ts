import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { CHROMIUM_PATH, chromiumInstalled, launchChromium, type LaunchedBrowser } from '../helpers/browser.js';
import { ROOT } from '../helpers/cli.js';
import { runInProcess } from '../helpers/in-process.js';
import { reportSchema, type Report } from '../../src/schema/report.js';

/**
 * The HTML report as people see it: each example opened in headless Chromium. In CI the browser
 * must run (.ci/run installs it); elsewhere, without Chromium, this file is skipped and says so.
 */
const IN_CI = (process.env.CI ?? '') !== '' && process.env.CI !== 'false';
const OUTPUT = join(ROOT, 'test/output');
/** The README's picture: the top of the middle example's report, made by `npm run screenshot`. */
const README_SCREENSHOT = join(ROOT, 'docs/report.png');
const SKIP_MESSAGE = `browser test skipped: no Chromium at ${CHROMIUM_PATH}. Install it (Debian: apt-get install chromium) or point CHROMIUM_PATH at a Chromium binary, then run npm test again.`;

/** An A4 page at 96 dpi less the report's @page margins (14 mm top and bottom, 12 mm sides). */
const A4_PRINTABLE = { width: ((210 - 24) / 25.4) * 96, height: ((297 - 28) / 25.4) * 96 };
/** The most A4 pages the report of the built-in model 1.0 may print (without --print-answers). */
const MAX_PAGES = 6;
/** The same for 2.0, whose next steps are more and each has its criteria and evidence prompt. */
const MAX_PAGES_2 = 10;
/** The examples of the built-in model, each with the most A4 pages its report may print (without --print-answers). */
const EXAMPLES: [answers: string, maxPages: number, ...options: string[]][] = [
  ...['early', 'middle', 'advanced', 'partial'].map((name): [string, number] => [`examples/community@1.0/${name}.yaml`, MAX_PAGES]),
  ...['early', 'middle', 'advanced', 'partial', 'developer', 'association'].map((name): [string, number] => [`examples/${name}.yaml`, MAX_PAGES_2]),
  // A report in French: longer words, the same page.
  ['examples/fr/communaute-clients.yaml', MAX_PAGES_2, '--lang', 'fr'],
];
/** Models of two and one competencies, drawn as bars. */
const SMALL_MODELS = ['test/fixtures/small-models/open-data.yaml', 'test/fixtures/small-models/single-competency.yaml'];

/**
 * The pages of a PDF: its page objects (`/Type /Page`, not the `/Type /Pages` tree). Chromium
 * writes each page dictionary as plain text, outside any compressed stream.
 */
function pdfPages(pdf: Buffer): number {
  return pdf.toString('latin1').match(/\/Type\s*\/Page(?![A-Za-z])/g)?.length ?? 0;
}

interface Visit {
  page: Page;
  url: string;
  requests: string[];
  /** Requests that failed, with the reason: `url reason` (`csp` when the page's policy refused them). */
  failed: string[];
  errors: string[];
}

if (!chromiumInstalled() && !IN_CI) {
  console.warn(SKIP_MESSAGE);
  describe('HTML report in Chromium', () => {
    it.skip(SKIP_MESSAGE, () => {});
  });
} else {
  describe('HTML report in Chromium', () => {
    let chromium: LaunchedBrowser;
    const temp = mkdtempSync(join(tmpdir(), 'cm-maturity-browser-'));

    beforeAll(async () => {
      if (!chromiumInstalled()) throw new Error(`CI needs Chromium for the browser test, and there is none at ${CHROMIUM_PATH}: .ci/run installs it`);
      mkdirSync(OUTPUT, { recursive: true });
      chromium = await launchChromium();
    });

    afterAll(async () => {
      await chromium?.close();
      rmSync(temp, { recursive: true, force: true });
    });

    /** Writes the report (the CLI run in this process), then opens it, recording every request and console error. */
    async function visit(answers: string, name: string, ...options: string[]): Promise<Visit> {
      const file = join(OUTPUT, `${name}.html`);
      const result = await runInProcess(['score', answers, '--format', 'html', '--output', file, ...options]);
      expect(result.code, result.stderr).toBe(0);
      const context = await chromium.browser.newContext({ viewport: { width: 1200, height: 900 }, deviceScaleFactor: 1 });
      const page = await context.newPage();
      const requests: string[] = [];
      const errors: string[] = [];
      const failed: string[] = [];
      page.on('request', (request) => requests.push(request.url()));
      page.on('requestfailed', (request) => failed.push(`${request.url()} ${request.failure()?.errorText ?? ''}`));
      page.on('console', (message) => {
        if (message.type() === 'error') errors.push(message.text());
      });
      page.on('pageerror', (error) => errors.push(error.message));
      page.on('dialog', (dialog) => errors.push(`dialog: ${dialog.message()}`));
      const url = pathToFileURL(file).href;
      await page.goto(url, { waitUntil: 'load' });
      return { page, url, requests, failed, errors };
    }

    /** The JSON report of an answers file, to compare the page with. */
    async function jsonReport(answers: string): Promise<Report> {
      const result = await runInProcess(['score', answers, '--format', 'json']);
      expect(result.code, result.stderr).toBe(0);
      return reportSchema.parse(JSON.parse(result.stdout));
    }

    describe.each(EXAMPLES)('%s', (answers, maxPages, ...options) => {
      // The 1.0 examples have the names of 2.0 ones: theirs carry the version.
      const name = answers.includes('@') ? `${basename(dirname(answers))}-${basename(answers, '.yaml')}` : basename(answers, '.yaml');
      let report: Report;
      let visit_: Visit;

      beforeAll(async () => {
        report = await jsonReport(answers);
        visit_ = await visit(answers, name, ...options);
      });

      afterAll(async () => {
        await visit_?.page.context().close();
      });

      it('loads with no console error and no request but the file itself', () => {
        expect(visit_.errors).toEqual([]);
        expect(visit_.requests).toEqual([visit_.url]);
        expect(visit_.failed).toEqual([]);
      });

      it('shows the radar chart with one axis per competency, the grid and the roadmap', async () => {
        const { page } = visit_;
        expect(await page.title()).toBe(`${report.organisation} — ${report.model.name}`);
        expect(await page.locator('h1').textContent()).toBe(report.organisation);
        const svg = page.locator('svg.radar');
        expect(await svg.count()).toBe(1);
        expect(await svg.getAttribute('role')).toBe('img');
        expect(await page.locator('svg.radar line.axis').count()).toBe(report.competencies.length);
        const box = (await svg.boundingBox())!;
        expect(box.width).toBeGreaterThan(400);
        expect(box.height).toBeGreaterThan(300);
        expect(await page.locator('table.grid tbody tr').count()).toBe(report.competencies.length);
        expect(await page.locator('table.grid .cell-current').count()).toBe(report.competencies.length);
        expect(await page.locator('article.roadmap-item').count()).toBe(report.competencies.filter((c) => c.next.length > 0).length);
        // The answers are there but folded away until asked for.
        expect(await page.locator('details').getAttribute('open')).toBeNull();
        expect(await page.locator('table.answers').isVisible()).toBe(false);
      });

      it('enforces its Content-Security-Policy: a remote image added later is refused, not fetched', async () => {
        const { page, failed } = visit_;
        // Evaluated in the page (the tests are type-checked without DOM types, so it is passed as text).
        const violation = await page.evaluate<string>(`new Promise((resolve) => {
          const image = document.createElement('img');
          document.addEventListener('securitypolicyviolation', (event) => {
            image.remove();
            resolve(event.effectiveDirective);
          }, { once: true });
          image.src = 'https://example.invalid/tracker.png';
          document.body.append(image);
        })`);
        expect(violation).toBe('img-src');
        await expect.poll(() => failed).toEqual(['https://example.invalid/tracker.png csp']);
        // The refusal is logged as an error; this test caused it, so it is not counted above.
        visit_.errors.length = 0;
      });

      it(`prints on A4 in at most ${maxPages} pages: the summary fills the first, the chart and the grid each fit on one, the answers are left out`, async () => {
        const { page } = visit_;
        await page.emulateMedia({ media: 'print' });
        await page.setViewportSize({ width: Math.floor(A4_PRINTABLE.width), height: 900 });
        try {
          for (const selector of ['svg.radar', 'table.grid']) {
            const box = (await page.locator(selector).boundingBox())!;
            expect(box.height, selector).toBeLessThan(A4_PRINTABLE.height);
            expect(box.width, selector).toBeLessThanOrEqual(A4_PRINTABLE.width + 1);
          }
          // Printed content starts at the top of the first page, so the summary is on it when it ends above the page's foot.
          const header = (await page.locator('header.report-header').boundingBox())!;
          const summary = (await page.locator('section.summary-section').boundingBox())!;
          expect(header.y).toBeLessThan(1);
          expect(summary.y + summary.height).toBeLessThanOrEqual(A4_PRINTABLE.height);
          expect(await page.locator('section.summary-section ol.priorities > li').count()).toBe(3);
          expect(await page.locator('table.answers').isVisible()).toBe(false);
          const pdf = await page.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true });
          writeFileSync(join(OUTPUT, `${name}.pdf`), pdf);
          expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
          const pages = pdfPages(pdf);
          expect(pages).toBeGreaterThanOrEqual(3);
          expect(pages).toBeLessThanOrEqual(maxPages);
        } finally {
          await page.emulateMedia({ media: 'screen' });
          await page.setViewportSize({ width: 1200, height: 900 });
        }
      });

      it(`writes screenshots to test/output/${name}.png for people to look at`, async () => {
        const { page } = visit_;
        // The report as written: the refused image of the policy test is gone.
        expect(await page.locator('img').count()).toBe(0);
        const png = await page.screenshot({ path: join(OUTPUT, `${name}.png`), fullPage: true });
        expect(png.subarray(1, 4).toString()).toBe('PNG');
        if (name === 'middle' && process.env.UPDATE_README_SCREENSHOT === '1') {
          // The README shows the top of the report: the header and the summary.
          const summary = (await page.locator('section.summary-section').boundingBox())!;
          await page.screenshot({ path: README_SCREENSHOT, fullPage: true, clip: { x: 0, y: 0, width: 1200, height: Math.ceil(summary.y + summary.height + 16) } });
        }
      });
    });

    describe.each(SMALL_MODELS)('%s (under three competencies)', (answers) => {
      const name = basename(answers, '.yaml');
      let report: Report;
      let visit_: Visit;

      beforeAll(async () => {
        report = await jsonReport(answers);
        visit_ = await visit(answers, name);
      });

      afterAll(async () => {
        await visit_?.page.context().close();
      });

      it('draws a bar per competency instead of a radar, loads nothing and prints its summary on the first page', async () => {
        const { page, url, requests, errors } = visit_;
        expect(errors).toEqual([]);
        expect(requests).toEqual([url]);
        expect(await page.title()).toBe(`${report.organisation} — ${report.model.name}`);
        expect(await page.locator('svg.radar').count()).toBe(0);
        const chart = page.locator('svg.bars');
        expect(await chart.count()).toBe(1);
        expect(await page.locator('svg.bars .series-current rect.area').count()).toBe(report.competencies.length);
        const box = (await chart.boundingBox())!;
        expect(box.width).toBeGreaterThan(400);
        // Each bar is drawn: wider than nothing, and no wider than the chart.
        for (const bar of await page.locator('svg.bars .series-current rect.area').all()) {
          const drawn = (await bar.boundingBox())!;
          expect(drawn.width).toBeGreaterThan(0);
          expect(drawn.width).toBeLessThan(box.width);
        }
        await page.emulateMedia({ media: 'print' });
        await page.setViewportSize({ width: Math.floor(A4_PRINTABLE.width), height: 900 });
        try {
          const summary = (await page.locator('section.summary-section').boundingBox())!;
          expect(summary.y + summary.height).toBeLessThanOrEqual(A4_PRINTABLE.height);
          const pdf = await page.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true });
          writeFileSync(join(OUTPUT, `${name}.pdf`), pdf);
          expect(pdfPages(pdf)).toBeLessThanOrEqual(3);
        } finally {
          await page.emulateMedia({ media: 'screen' });
          await page.setViewportSize({ width: 1200, height: 900 });
        }
      });
    });

    it('prints the answers too with --print-answers', async () => {
      const { page } = await visit('examples/community@1.0/middle.yaml', 'middle-with-answers', '--print-answers');
      try {
        expect(await page.locator('table.answers').isVisible()).toBe(false);
        await page.emulateMedia({ media: 'print' });
        expect(await page.locator('table.answers').isVisible()).toBe(true);
        const pdf = await page.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true });
        expect(pdfPages(pdf)).toBeGreaterThan(MAX_PAGES);
      } finally {
        await page.context().close();
      }
    });

    describe('a 2.0 model: context, criteria, key indicators, evidence and stale answers', () => {
      const answers = 'test/fixtures/details/harbour.yaml';
      let visit_: Visit;

      beforeAll(async () => {
        visit_ = await visit(answers, 'details', '--print-answers', '--stale-after', '12m');
      });

      afterAll(async () => {
        await visit_?.page.context().close();
      });

      it('loads with no console error (its stylesheet allowed by the policy) and no request but the file itself', async () => {
        expect(visit_.errors).toEqual([]);
        expect(visit_.requests).toEqual([visit_.url]);
        // The added styles apply: a key mark is drawn in a box.
        expect(await visit_.page.locator('.roadmap-section .key-mark').first().evaluate((element: unknown) => (globalThis as any).getComputedStyle(element).borderTopStyle as string)).toBe('solid');
      });

      it('shows the marks as words and the evidence links as https links with their own text', async () => {
        const { page } = visit_;
        expect(await page.locator('.roadmap-section .key-mark').allTextContents()).toEqual(['key', 'key']);
        expect(await page.locator('table.answers .stale-mark').allTextContents()).toEqual(['stale', 'stale']);
        expect(await page.locator('table.answers .answer-context').allTextContents()).toEqual(['not applicable in this context', 'not applicable in this context']);
        expect(await page.locator('.roadmap-section .blocked').count()).toBe(2);
        const links = await page.locator('a').evaluateAll((links: any[]) => links.map((link): [string, string] => [link.href, link.textContent]));
        expect(links).toEqual([
          ['https://intranet.example/volunteers/roles', 'https://intranet.example/volunteers/roles'],
          ['https://intranet.example/onboarding', 'https://intranet.example/onboarding'],
        ]);
      });

      it('gives the marks, the held-back notes and the context answers a text contrast of at least 4.5:1 (WCAG AA)', async () => {
        const { page } = visit_;
        // Evaluated in the page: the text colour against the first opaque background behind it.
        const ratios = await page.evaluate<[string, number][]>(`(() => {
          const rgb = (text) => (text.match(/[\\d.]+/g) || []).map(Number);
          const luminance = ([r, g, b]) => [r, g, b].map((value) => { const c = value / 255; return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4; }).reduce((sum, c, i) => sum + c * [0.2126, 0.7152, 0.0722][i], 0);
          const background = (element) => {
            for (let node = element; node; node = node.parentElement) {
              const colour = rgb(getComputedStyle(node).backgroundColor);
              if (colour.length === 3 || colour[3] === 1) return colour.slice(0, 3);
            }
            return [255, 255, 255];
          };
          return ['.key-mark', '.stale-mark', '.blocked', '.answer-context', '.criteria', '.check'].map((selector) => {
            const element = document.querySelector(selector);
            const [light, dark] = [luminance(rgb(getComputedStyle(element).color)), luminance(background(element))].sort((a, b) => b - a);
            return [selector, (light + 0.05) / (dark + 0.05)];
          });
        })()`);
        for (const [selector, ratio] of ratios) expect(ratio, selector).toBeGreaterThanOrEqual(4.5);
      });

      it('prints its summary on the first page, and the criteria and the answers with their evidence', async () => {
        const { page } = visit_;
        await page.emulateMedia({ media: 'print' });
        await page.setViewportSize({ width: Math.floor(A4_PRINTABLE.width), height: 900 });
        try {
          const summary = (await page.locator('section.summary-section').boundingBox())!;
          expect(summary.y + summary.height).toBeLessThanOrEqual(A4_PRINTABLE.height);
          expect(await page.locator('.roadmap-section .criteria').first().isVisible()).toBe(true);
          expect(await page.locator('table.answers ul.evidence').first().isVisible()).toBe(true);
          const pdf = await page.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true });
          writeFileSync(join(OUTPUT, 'details.pdf'), pdf);
          expect(pdfPages(pdf)).toBeLessThanOrEqual(4);
        } finally {
          await page.emulateMedia({ media: 'screen' });
          await page.setViewportSize({ width: 1200, height: 900 });
        }
        await page.screenshot({ path: join(OUTPUT, 'details.png'), fullPage: true });
      });
    });

    it('shows hostile criteria and evidence as text: no script runs, only https evidence links', async () => {
      const { page, url, requests, errors } = await visit('test/fixtures/hostile/details.yaml', 'hostile-details', '--print-answers', '--stale-after', '1y');
      try {
        expect(errors).toEqual([]);
        expect(requests).toEqual([url]);
        for (const tag of ['script', 'img', 'iframe']) expect(await page.locator(tag).count(), tag).toBe(0);
        const hrefs = await page.locator('a').evaluateAll((links: any[]) => links.map((link): string => link.href));
        expect(hrefs.length).toBe(4);
        for (const href of hrefs) expect(href).toMatch(/^https:\/\/ok\.example\//);
        expect(await page.locator('.roadmap-section .criteria li').first().textContent()).toBe('<script>alert(1)</script>');
      } finally {
        await page.context().close();
      }
    });

    it('shows hostile names and notes as text: no script runs, no image loads', async () => {
      const organisation = '<script>alert(1)</script>';
      const note = '"><img src=x onerror=alert(1)>';
      const answers = join(temp, 'hostile.yaml');
      writeFileSync(answers, `organisation: ${JSON.stringify(organisation)}\nmodel: community\nanswers:\n  strategy.purpose: { answer: "no", note: ${JSON.stringify(note)} }\n`);
      const { page, url, requests, errors } = await visit(answers, 'hostile');
      try {
        expect(errors).toEqual([]);
        expect(requests).toEqual([url]);
        expect(await page.locator('h1').textContent()).toBe(organisation);
        expect(await page.title()).toBe(`${organisation} — Community Management Maturity`);
        expect(await page.locator('img').count()).toBe(0);
        expect(await page.locator('script').count()).toBe(0);
        expect(await page.locator('.roadmap-item .note').first().textContent()).toBe(`Note: ${note}`);
        expect(readFileSync(join(OUTPUT, 'hostile.html'), 'utf8')).not.toContain(note);
      } finally {
        await page.context().close();
      }
    });
  });
}
