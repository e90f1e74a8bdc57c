import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { chromium, type Browser } from 'playwright-core';

/** Where Chromium is: CHROMIUM_PATH if set, else `chromium` on the PATH (Debian's package), else its usual place. */
export const CHROMIUM_PATH =
  process.env.CHROMIUM_PATH ||
  (process.env.PATH ?? '')
    .split(delimiter)
    .filter((dir) => dir !== '')
    .map((dir) => join(dir, 'chromium'))
    .find((path) => existsSync(path)) ||
  '/usr/bin/chromium';

export function chromiumInstalled(): boolean {
  return existsSync(CHROMIUM_PATH);
}

/** Flags for a headless Chromium that starts in containers and, left alone, contacts nothing. */
const FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export interface LaunchedBrowser {
  browser: Browser;
  close: () => Promise<void>;
}

/**
 * Starts Chromium; Playwright gives every launch a fresh profile of its own and removes it on close.
 * Chromium also leaves empty files (.org.chromium.Chromium.*) in its temporary folder: it gets a
 * folder of its own (TMPDIR), removed on close with whatever is in it.
 */
export async function launchChromium(): Promise<LaunchedBrowser> {
  const temp = mkdtempSync(join(tmpdir(), 'cm-maturity-chromium-'));
  try {
    const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: FLAGS, env: { ...process.env, TMPDIR: temp } });
    return {
      browser,
      close: async () => {
        try {
          await browser.close();
        } finally {
          rmSync(temp, { recursive: true, force: true });
        }
      },
    };
  } catch (error) {
    rmSync(temp, { recursive: true, force: true });
    throw error;
  }
}
