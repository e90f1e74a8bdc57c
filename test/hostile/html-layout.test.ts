import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM_PATH, chromiumInstalled, launchChromium, type LaunchedBrowser } from '../helpers/browser.js';
import { runInProcess } from '../helpers/in-process.js';
import { fixture } from './support.js';

/**
 * A very long word (issue 13, class 10): test/fixtures/hostile/long-word.yaml has a note of one
 * 2,400-character word. In Chromium the HTML report stays as wide as the window on screen and as
 * an A4 page in print, the answers unfolded, instead of growing to tens of thousands of pixels.
 * Skipped without Chromium, except in CI (as test/browser is).
 */

const IN_CI = (process.env.CI ?? '') !== '' && process.env.CI !== 'false';
const SKIP_MESSAGE = `long-word layout test skipped: no Chromium at ${CHROMIUM_PATH}`;
/** An A4 page at 96 dpi less the report's @page side margins (12 mm each). */
const A4_WIDTH = Math.floor(((210 - 24) / 25.4) * 96);

if (!chromiumInstalled() && !IN_CI) {
  describe('a long word in the HTML report', () => {
    it.skip(SKIP_MESSAGE, () => {});
  });
} else {
  describe('a long word in the HTML report', () => {
    let chromium: LaunchedBrowser;
    const dir = mkdtempSync(join(tmpdir(), 'cm-maturity-long-word-'));
    const file = join(dir, 'long-word.html');

    beforeAll(async () => {
      // --print-answers: the answers, where the long word is, are printed too.
      const result = await runInProcess(['score', fixture('long-word.yaml'), '-f', 'html', '--print-answers']);
      expect(result.code, result.stderr).toBe(0);
      writeFileSync(file, result.stdout);
      chromium = await launchChromium();
    });

    afterAll(async () => {
      await chromium?.close();
      rmSync(dir, { recursive: true, force: true });
    });

    it('holds the long word whole (a check of the test itself)', () => {
      const word = /note: "(\S+)"/.exec(readFileSync(fixture('long-word.yaml'), 'utf8'))![1]!;
      expect(word.length).toBeGreaterThan(2000);
      expect(readFileSync(file, 'utf8')).toContain(word);
    });

    it.each([
      ['screen', 1200],
      ['print', A4_WIDTH],
    ] as const)('on %s, %i px wide, the page is no wider than that, the answers unfolded', async (media, width) => {
      const context = await chromium.browser.newContext({ viewport: { width, height: 900 }, deviceScaleFactor: 1 });
      try {
        const page = await context.newPage();
        await page.goto(pathToFileURL(file).href, { waitUntil: 'load' });
        await page.emulateMedia({ media });
        await page.evaluate(`document.querySelector('details').open = true`);
        expect(await page.evaluate<number>('document.documentElement.scrollWidth')).toBeLessThanOrEqual(width);
        for (const selector of ['table.answers', '.roadmap-item .note']) {
          const box = (await page.locator(selector).first().boundingBox())!;
          expect(box.x + box.width, selector).toBeLessThanOrEqual(width);
        }
      } finally {
        await context.close();
      }
    });
  });
}
