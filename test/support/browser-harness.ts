import type { Browser } from 'playwright-core';
import { BROWSER_DIR } from '../../web/server/server.js';
import { launchBrowser } from './browser.js';
import { testApp } from './web.js';

// Every browser test file runs against its own web server (serving this run's bundle) and its own chromium.

/** What a browser test suite runs against: the web server serving this run's bundle on a free port, and chromium. */
export interface BrowserHarness {
  web: Awaited<ReturnType<typeof testApp>>;
  base: string;
  browser: Browser;
}

/** Starts a browser test suite's web server and chromium (call it in beforeAll). */
export async function openBrowserHarness(): Promise<BrowserHarness> {
  const web = await testApp({ browserDir: BROWSER_DIR });
  const base = await web.app.listen({ host: '127.0.0.1', port: 0 });
  return { web, base, browser: await launchBrowser() };
}

/** Stops what openBrowserHarness started; what never started is skipped. */
export async function closeBrowserHarness(harness: Partial<BrowserHarness>): Promise<void> {
  await harness.browser?.close();
  await harness.web?.close();
}
