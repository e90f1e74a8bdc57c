import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import axe from 'axe-core';
import type { BrowserContext, Page } from 'playwright-core';
import { parse } from 'yaml';
import { CHROMIUM_PATH, chromiumInstalled, launchChromium, type LaunchedBrowser } from '../helpers/browser.js';
import { runInProcess } from '../helpers/in-process.js';
import { formatScore, loadAssessment } from '../../src/index.js';
import { reportSchema, type Report } from '../../src/schema/report.js';

/**
 * The questionnaire `form` writes, as a respondent uses it in headless Chromium: answered with the
 * keyboard only, kept across a reload, downloaded, validated, combined with two other respondents'
 * files and scored; scanned by axe-core; and a hostile model and command line that run nothing.
 */
const IN_CI = (process.env.CI ?? '') !== '' && process.env.CI !== 'false';
const SKIP_MESSAGE = `browser test of the questionnaire skipped: no Chromium at ${CHROMIUM_PATH}. Install it (Debian: apt-get install chromium) or point CHROMIUM_PATH at a Chromium binary.`;
/** axe-core's own source, run in the page to scan it. */
const AXE_SOURCE = axe.source;

interface Opened {
  page: Page;
  requests: string[];
  errors: string[];
}

if (!chromiumInstalled() && !IN_CI) {
  console.warn(SKIP_MESSAGE);
  describe('questionnaire in Chromium', () => {
    it.skip(SKIP_MESSAGE, () => {});
  });
} else {
  describe('questionnaire in Chromium', () => {
    let chromium: LaunchedBrowser;
    const temp = mkdtempSync(join(tmpdir(), 'cm-maturity-form-'));
    const responses = join(temp, 'responses');
    const survey = join(temp, 'survey.html');

    beforeAll(async () => {
      if (!chromiumInstalled()) throw new Error(`CI needs Chromium for the browser test, and there is none at ${CHROMIUM_PATH}: .ci/run installs it`);
      mkdirSync(responses);
      const result = await runInProcess(['form', '--organisation', 'Acme Corp', '--respondent-name', 'Alice Martin', '--respondent-role', 'community manager', '-o', survey]);
      expect(result.code, result.stderr).toBe(0);
      chromium = await launchChromium();
    });

    afterAll(async () => {
      await chromium?.close();
      rmSync(temp, { recursive: true, force: true });
    });

    /** Opens a page in a context of its own, recording requests, console errors, page errors and dialogs. */
    async function open(context: BrowserContext, file: string): Promise<Opened> {
      const page = await context.newPage();
      const requests: string[] = [];
      const errors: string[] = [];
      page.on('request', (request) => requests.push(request.url()));
      page.on('console', (message) => {
        if (message.type() === 'error') errors.push(message.text());
      });
      page.on('pageerror', (error) => errors.push(error.message));
      page.on('dialog', async (dialog) => {
        errors.push(`dialog: ${dialog.message()}`);
        await dialog.dismiss();
      });
      await page.goto(pathToFileURL(file).href, { waitUntil: 'load' });
      return { page, requests, errors };
    }

    /** Presses Tab until the focus is in the radio group of question n (at most `limit` times). */
    async function tabToQuestion(page: Page, n: number, limit = 12): Promise<void> {
      for (let pressed = 0; pressed < limit; pressed++) {
        await page.keyboard.press('Tab');
        if (await page.evaluate((name) => (document.activeElement as HTMLInputElement | null)?.name === name, `a-${n}`)) return;
      }
      throw new Error(`Tab never reached question ${n}`);
    }

    const chosen = (page: Page, n: number) => page.evaluate((name) => document.querySelector<HTMLInputElement>(`input[name="${name}"]:checked`)?.value ?? null, `a-${n}`);

    describe('a respondent answering', () => {
      let context: BrowserContext;
      let opened: Opened;

      beforeAll(async () => {
        context = await chromium.browser.newContext({ acceptDownloads: true, viewport: { width: 1000, height: 800 } });
        opened = await open(context, survey);
      });

      afterAll(async () => {
        await context?.close();
      });

      it('loads with no error and no request but the file itself', async () => {
        expect(opened.errors).toEqual([]);
        expect(opened.requests).toEqual([pathToFileURL(survey).href]);
        expect(await opened.page.title()).toBe('Acme Corp: questionnaire, Community Management Maturity');
        expect(await opened.page.locator('#respondent-name').inputValue()).toBe('Alice Martin');
        expect(await opened.page.locator('#organisation').getAttribute('readonly')).not.toBeNull();
      });

      it('is answered with the keyboard only, with a visible focus and the progress said', async () => {
        const { page } = opened;
        await tabToQuestion(page, 0);
        // The focus ring is drawn for keyboard focus.
        expect(await page.evaluate(() => document.activeElement!.matches(':focus-visible') && getComputedStyle(document.activeElement!).outlineStyle !== 'none')).toBe(true);
        // From "not answered yet" (the last choice), the arrow keys go round to the first: yes.
        await page.keyboard.press('ArrowRight');
        expect(await chosen(page, 0)).toBe('yes');
        await page.keyboard.press('Tab');
        await page.keyboard.type('Monthly survey.');
        await page.keyboard.press('Tab');
        await page.keyboard.type('https://example.org/survey');
        await tabToQuestion(page, 1, 1);
        await page.keyboard.press('ArrowLeft');
        expect(await chosen(page, 1)).toBe('n/a');
        await tabToQuestion(page, 2, 3);
        await page.keyboard.press('ArrowRight');
        await page.keyboard.press('ArrowRight');
        expect(await chosen(page, 2)).toBe('mostly');
        const total = await page.locator('fieldset.indicator').count();
        expect(await page.locator('#progress-text').textContent()).toBe(`3 of ${total} answered`);
        expect(await page.locator('#progress-text').getAttribute('role')).toBe('status');
        expect(await page.locator('#progress').evaluate((progress: HTMLProgressElement) => progress.value)).toBe(3);
      });

      it('keeps the answers across a reload', async () => {
        const { page } = opened;
        await page.reload({ waitUntil: 'load' });
        expect(await chosen(page, 0)).toBe('yes');
        expect(await chosen(page, 1)).toBe('n/a');
        expect(await chosen(page, 2)).toBe('mostly');
        expect(await chosen(page, 3)).toBe('');
        expect(await page.locator('#n-0').inputValue()).toBe('Monthly survey.');
        expect(await page.locator('#e-0').inputValue()).toBe('https://example.org/survey');
        expect(await page.locator('#message').textContent()).toMatch(/^Your answers kept in this browser are back: 3 of \d+ answered\.$/);
      });

      it("keeps each respondent's answers apart in one browser, and finds them from a copy of the page", async () => {
        const bob = join(temp, 'bob.html');
        const copy = join(temp, 'copy.html');
        expect((await runInProcess(['form', '--organisation', 'Acme Corp', '--respondent-name', 'Bob', '-o', bob])).code).toBe(0);
        expect((await runInProcess(['form', '--organisation', 'Acme Corp', '--respondent-name', 'Alice Martin', '--respondent-role', 'community manager', '-o', copy])).code).toBe(0);
        const others = await open(context, bob);
        expect(await others.page.locator('#progress-text').textContent()).toMatch(/^0 of \d+ answered$/);
        expect(await others.page.locator('#message').textContent()).toBe('');
        await others.page.close();
        const again = await open(context, copy);
        expect(await chosen(again.page, 0)).toBe('yes');
        await again.page.close();
      });

      it('downloads an answers file that validates, shows the scores score gives, and combines with two others', async () => {
        const { page } = opened;
        await page.focus('#download');
        const [download] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Enter')]);
        expect(download.suggestedFilename()).toBe('alice-martin.yaml');
        const alice = join(responses, 'alice.yaml');
        await download.saveAs(alice);
        const text = readFileSync(alice, 'utf8');
        expect(text).toMatch(/^# yaml-language-server: \$schema=/);
        const file = parse(text) as Record<string, unknown>;
        expect(file.organisation).toBe('Acme Corp');
        expect(file.model).toBe('community@2.0');
        expect(file.language).toBe('en');
        expect(file.respondent).toEqual({ name: 'Alice Martin', role: 'community manager' });
        expect(file.date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
        const answers = file.answers as Record<string, unknown>;
        expect(answers['strategy.purpose']).toEqual({ answer: 'yes', note: 'Monthly survey.', evidence: ['https://example.org/survey'] });
        expect(answers['strategy.sponsor']).toBe('n/a');
        expect(answers['strategy.audience']).toBe('mostly');
        expect(answers).toHaveProperty(['strategy.approved'], null);

        // The library's own check accepts it, and so does validate.
        const loaded = await loadAssessment(alice);
        expect(loaded.assessment.answers.get('strategy.purpose')?.answer).toBe('yes');
        expect((await runInProcess(['validate', alice])).code).toBe(0);

        // The page's standing is score's, figure for figure.
        const scored = await runInProcess(['score', alice, '--format', 'json']);
        expect(scored.code, scored.stderr).toBe(0);
        const report: Report = reportSchema.parse(JSON.parse(scored.stdout));
        const rows = await page.locator('#standing tr').evaluateAll((trs) => trs.map((tr) => [...tr.children].map((cell) => cell.textContent)));
        expect(rows).toEqual(report.competencies.map((competency) => [competency.name, competency.stageName, formatScore(competency.score)]));
        expect(await page.locator('#overall').textContent()).toBe(`Overall: ${report.overall.stageName}, score ${formatScore(report.overall.score)}`);
        expect(report.competencies[0]!.score).toBeGreaterThan(1);

        // Two other respondents; strategy.purpose is yes, partly and no: the median is partly.
        const other = (name: string, purpose: string) => `organisation: Acme Corp\nmodel: community@2.0\nrespondent: { name: ${name} }\nanswers:\n  strategy.purpose: ${purpose}\n  strategy.audience: "yes"\n`;
        writeFileSync(join(responses, 'bob.yaml'), other('Bob', 'partly'));
        writeFileSync(join(responses, 'carol.yaml'), other('Carol', '"no"'));
        const team = join(temp, 'team.yaml');
        const combined = await runInProcess(['consensus', responses, '-o', team]);
        expect(combined.code, combined.stderr).toBe(0);
        const teamScore = await runInProcess(['score', team, '--format', 'json']);
        expect(teamScore.code, teamScore.stderr).toBe(0);
        const teamReport: Report = reportSchema.parse(JSON.parse(teamScore.stdout));
        expect(teamReport.respondents).toBe(3);
        const indicators = teamReport.competencies.flatMap((competency) => competency.indicators);
        expect(indicators.find((indicator) => indicator.id === 'strategy.purpose')?.answer).toBe('partly');
        // mostly, yes and yes: the median is yes.
        expect(indicators.find((indicator) => indicator.id === 'strategy.audience')?.answer).toBe('yes');
        // Only Alice answered it, n/a: a strict majority of those who answered.
        expect(indicators.find((indicator) => indicator.id === 'strategy.sponsor')?.answer).toBe('n/a');
      });

      it('opens an answers file to go on from it', async () => {
        const { page } = opened;
        await page.setInputFiles('#open', join(responses, 'bob.yaml'));
        await expect.poll(() => page.locator('#message').textContent()).toMatch(/^Opened bob\.yaml: 2 of \d+ answered\.$/);
        expect(await chosen(page, 0)).toBe('partly');
        expect(await chosen(page, 1)).toBe('');
        expect(await page.locator('#respondent-name').inputValue()).toBe('Bob');
        await page.setInputFiles('#open', { name: 'other.yaml', mimeType: 'application/yaml', buffer: Buffer.from('organisation: Other Corp\nanswers: {}\n') });
        await expect.poll(() => page.locator('#message').textContent()).toBe('other.yaml was not opened: it is the answers of "Other Corp", this questionnaire is for "Acme Corp"');
        expect(await chosen(page, 0)).toBe('partly');
        await page.setInputFiles('#open', { name: 'typo.yaml', mimeType: 'application/yaml', buffer: Buffer.from('organisation: Acme Corp\nanswers:\n  strategy.purpse: "yes"\n') });
        await expect.poll(() => page.locator('#message').textContent()).toBe('typo.yaml was not opened: unknown indicator "strategy.purpse" in model community (did you mean strategy.purpose?)');
        await page.setInputFiles('#open', { name: 'notes.txt', mimeType: 'text/plain', buffer: Buffer.from('- just\n- a list\n') });
        await expect.poll(() => page.locator('#message').textContent()).toBe('notes.txt was not opened: it is not an answers file (YAML with organisation: and answers:)');
        expect(await chosen(page, 0)).toBe('partly');
      });

      it('has no accessibility violation that axe-core finds (WCAG 2.2 A and AA)', async () => {
        const { page } = opened;
        await page.evaluate(AXE_SOURCE);
        const violations = await page.evaluate(async () => {
          const axe = (window as unknown as { axe: { run: (context: Document, options: object) => Promise<{ violations: { id: string; nodes: unknown[] }[] }> } }).axe;
          const results = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] } });
          return results.violations.map((violation) => `${violation.id} (${violation.nodes.length})`);
        });
        expect(violations).toEqual([]);
        expect(opened.errors).toEqual([]);
      });
    });

    it('speaks French, and downloads a French answers file that validates', async () => {
      const french = join(temp, 'questionnaire.html');
      const result = await runInProcess(['--lang', 'fr', 'form', '--organisation', 'Acme', '-o', french]);
      expect(result.code, result.stderr).toBe(0);
      const context = await chromium.browser.newContext({ acceptDownloads: true });
      try {
        const { page, errors } = await open(context, french);
        await page.focus('#a-0-1');
        await page.keyboard.press('Space');
        expect(await page.locator('#progress-text').textContent()).toBe('1 sur 106 répondus');
        expect(await page.locator('#overall').textContent()).toMatch(/^Ensemble\u00a0: .+, score \d,\d\d$/);
        await page.focus('#download');
        const [download] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Enter')]);
        expect(download.suggestedFilename()).toBe('answers.yaml');
        const file = join(temp, 'reponses.yaml');
        await download.saveAs(file);
        const text = readFileSync(file, 'utf8');
        expect(text).toContain('# Critères pour "yes" (tous doivent être remplis)');
        expect(parse(text)).toMatchObject({ organisation: 'Acme', language: 'fr', answers: { 'strategy.purpose': 'mostly' } });
        expect((await runInProcess(['validate', file])).code).toBe(0);
        expect(errors).toEqual([]);
      } finally {
        await context.close();
      }
    });

    it('runs no script from a hostile model or command line, and shows their texts as text', async () => {
      const hostile = join(temp, 'hostile.html');
      const organisation = '</script><script>alert("organisation")</script>';
      const result = await runInProcess(['form', '-m', 'test/fixtures/hostile/details-model.yaml', '--organisation', organisation, '--respondent-name', '<img src=x onerror=alert(1)>', '-o', hostile]);
      expect(result.code, result.stderr).toBe(0);
      const context = await chromium.browser.newContext();
      try {
        const { page, errors, requests } = await open(context, hostile);
        expect(errors).toEqual([]);
        expect(requests).toEqual([pathToFileURL(hostile).href]);
        expect(await page.locator('h1').textContent()).toBe(`${organisation}: questionnaire, Details <i>Maturity</i>`);
        expect(await page.locator('#q-0 legend').textContent()).toBe('A key <img src=x onerror=alert(1)> indicator safety.key');
        expect(await page.locator('#respondent-name').inputValue()).toBe('<img src=x onerror=alert(1)>');
        expect(await page.locator('img, iframe').count()).toBe(0);
        // The page's own script runs: an answer moves the progress and the standing.
        expect(await page.locator('#overall').textContent()).toBe('Overall: Start, score 1.00');
        await page.focus('#a-0-0');
        await page.keyboard.press('Space');
        expect(await page.locator('#progress-text').textContent()).toBe(`1 of ${await page.locator('fieldset.indicator').count()} answered`);
        // A script added to the page is refused by its Content-Security-Policy.
        await page.evaluate(() => {
          const script = document.createElement('script');
          script.textContent = 'document.title = "ran"';
          document.body.append(script);
        });
        expect(await page.title()).not.toBe('ran');
      } finally {
        await context.close();
      }
    });
  });
}
