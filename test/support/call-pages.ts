import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import type { Call } from '../../domain/call.js';
import { waitForPage } from './browser.js';

// Steps on the calls pages that several browser tests take as an officer would.

/** A time as antd's date picker takes it, in Beijing time: YYYY-MM-DD HH:mm. */
export function beijingMinute(time: Date): string {
  return new Date(time.getTime() + 8 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ');
}

/** On /calls: 新建下一年度批次 from `previous` (the year offered is the next one); answers the new call's id once its page is open. */
export async function createNextCallThroughPage(page: Page, base: string, previous: Pick<Call, 'title' | 'year'>): Promise<string> {
  await page.getByLabel('以此批次为模板').click();
  await page.getByLabel('以此批次为模板').fill(previous.title);
  await page.locator('.ant-select-item-option', { hasText: previous.title }).click();
  expect(await page.getByLabel('年度').inputValue()).toBe(String(previous.year + 1));
  await page.getByRole('button', { name: '新建下一年度批次' }).click();
  const id = String(previous.year + 1);
  await waitForPage(page, `${base}/calls/${id}`);
  return id;
}
