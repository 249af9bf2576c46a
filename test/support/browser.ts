import { createRequire } from 'node:module';
import ExcelJS from 'exceljs';
import { chromium, type Browser, type Download, type Page } from 'playwright-core';
import { CHROMIUM } from '../../dev-stack/chromium.js';

// Debian's chromium driven by playwright-core (no browser download), headless, as root in CI.

export { CHROMIUM };

/** Launches headless chromium with the flags a closed network and root need. */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

/** Signs in through the sign-in page, as a person would. */
export async function signInThroughPage(page: Page, base: string, credentials: { username: string; password: string }): Promise<void> {
  await page.goto(`${base}/login`);
  await page.getByLabel('用户名').fill(credentials.username);
  await page.getByLabel('密码').fill(credentials.password);
  await page.getByRole('button', { name: /登\s*录/ }).click();
}

const axeSource = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

/** Serious and critical accessibility violations on the page (axe-core). */
export async function seriousAccessibilityViolations(page: Page): Promise<{ id: string; impact: string; where: string[] }[]> {
  await page.addScriptTag({ path: axeSource });
  return page.evaluate(async () => {
    type Result = { violations: { id: string; impact: string; nodes: { target: string[]; html: string; failureSummary?: string }[] }[] };
    const result = await (window as unknown as { axe: { run(): Promise<Result> } }).axe.run();
    return result.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => ({ id: v.id, impact: v.impact, where: v.nodes.slice(0, 3).map((n) => `${n.target.join(' ')} ${n.html.slice(0, 160)} ${(n.failureSummary ?? '').slice(0, 200)}`) }));
  });
}

/** Whether the page scrolls sideways at its current size. */
export function hasHorizontalScroll(page: Page): Promise<boolean> {
  return page.evaluate(() => document.documentElement.scrollWidth > document.documentElement.clientWidth);
}

/** Waits for the page to reach `url`; on a timeout the error says what the page showed instead (its alerts). */
export async function waitForPage(page: Page, url: string | RegExp, timeout = 30_000): Promise<void> {
  try {
    await page.waitForURL(url, { timeout });
  } catch (error) {
    const shown = await page.locator('.ant-alert, .fjs-form-field-error').allInnerTexts().catch(() => []);
    throw new Error(`${page.url()} did not lead to ${String(url)}; the page shows: ${JSON.stringify(shown)}`, { cause: error });
  }
}

/**
 * Fills a field and checks it kept the value; fills again if a late re-render of the form took it away (seen on a
 * busy 2-core machine right after a form appears).
 */
export async function fillSteadily(page: Page, label: string, value: string): Promise<void> {
  const field = page.getByLabel(label);
  for (let attempt = 0; attempt < 3; attempt++) {
    await field.fill(value);
    await page.waitForTimeout(200);
    if ((await field.inputValue()) === value) return;
  }
  throw new Error(`The field ${label} does not keep the value ${value}`);
}

/**
 * Waits until the page's form-js form has imported and settled. Scoped to a form: antd's tables and spinners carry
 * aria-busy too, and the page before a client-side navigation may still show one.
 */
export async function waitForForm(page: Page, timeout = 30_000): Promise<void> {
  await page.locator('[aria-busy="false"]:has(.fjs-form)').first().waitFor({ timeout });
}

/** Reads a spreadsheet the page downloaded, to check it by cells. */
export async function downloadedWorkbook(download: Download): Promise<ExcelJS.Workbook> {
  const chunks: Buffer[] = [];
  for await (const chunk of (await download.createReadStream())!) chunks.push(Buffer.from(chunk as Buffer));
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(Buffer.concat(chunks) as never);
  return book;
}
