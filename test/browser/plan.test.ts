import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM_PATH, chromiumInstalled, launchChromium, type LaunchedBrowser } from '../helpers/browser.js';
import { ROOT } from '../helpers/cli.js';
import { runInProcess } from '../helpers/in-process.js';

/**
 * The HTML report with a plan (`score --plan`) as people see it in headless Chromium: the goal
 * on the radar, the roadmap's phases side by side on screen and within an A4 page in print. As
 * report.test.ts, skipped without Chromium outside CI.
 */
const IN_CI = (process.env.CI ?? '') !== '' && process.env.CI !== 'false';
const OUTPUT = join(ROOT, 'test/output');
/** An A4 page at 96 dpi less the report's @page margins (12 mm sides). */
const A4_PRINTABLE_WIDTH = ((210 - 24) / 25.4) * 96;

if (!chromiumInstalled() && !IN_CI) {
  describe('HTML report with a plan in Chromium', () => {
    it.skip(`browser test skipped: no Chromium at ${CHROMIUM_PATH}`, () => {});
  });
} else {
  describe('HTML report with a plan in Chromium', () => {
    let chromium: LaunchedBrowser;
    const temp = mkdtempSync(join(tmpdir(), 'cm-maturity-browser-plan-'));

    beforeAll(async () => {
      mkdirSync(OUTPUT, { recursive: true });
      chromium = await launchChromium();
    });

    afterAll(async () => {
      await chromium?.close();
      rmSync(temp, { recursive: true, force: true });
    });

    it('draws the goal on the radar, lays the phases side by side, loads nothing and prints them within the page', async () => {
      const plan = join(temp, 'plan.yaml');
      expect((await runInProcess(['plan', join(ROOT, 'examples/middle.yaml'), '--target', 'community', '--target', 'content=network', '--phases', '3', '-o', plan])).code).toBe(0);
      const file = join(OUTPUT, 'middle-with-plan.html');
      const result = await runInProcess(['score', 'examples/middle.yaml', '--plan', plan, '-f', 'html', '-o', file]);
      expect(result.code, result.stderr).toBe(0);
      const context = await chromium.browser.newContext({ viewport: { width: 1200, height: 900 }, deviceScaleFactor: 1 });
      const page = await context.newPage();
      const errors: string[] = [];
      const requests: string[] = [];
      page.on('console', (message) => {
        if (message.type() === 'error') errors.push(message.text());
      });
      page.on('request', (request) => requests.push(request.url()));
      try {
        const url = pathToFileURL(file).href;
        await page.goto(url, { waitUntil: 'load' });
        expect(errors).toEqual([]);
        expect(requests).toEqual([url]);
        expect(await page.locator('svg.radar g.series.series-target polygon').count()).toBe(1);
        const phases = page.locator('.roadmap-phases .phase');
        expect(await phases.count()).toBe(3);
        const boxes = await Promise.all([0, 1, 2].map(async (index) => (await phases.nth(index).boundingBox())!));
        // Side by side on screen: one row, left to right.
        expect(new Set(boxes.map((box) => Math.round(box.y))).size).toBe(1);
        expect(boxes[0]!.x).toBeLessThan(boxes[1]!.x);
        await page.emulateMedia({ media: 'print' });
        await page.setViewportSize({ width: Math.floor(A4_PRINTABLE_WIDTH), height: 1100 });
        const section = (await page.locator('.plan-section').boundingBox())!;
        expect(section.x + section.width).toBeLessThanOrEqual(A4_PRINTABLE_WIDTH + 1);
        const widest = await page.locator('.plan-section').evaluate((element) => element.scrollWidth - element.clientWidth);
        expect(widest).toBeLessThanOrEqual(0);
        await page.screenshot({ path: join(OUTPUT, 'middle-with-plan.png'), fullPage: true });
      } finally {
        await context.close();
      }
    });
  });
}
