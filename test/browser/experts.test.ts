import { randomBytes, randomInt } from 'node:crypto';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listExperts } from '../../store/expert-repository.js';
import { downloadedWorkbook, hasHorizontalScroll, seriousAccessibilityViolations, signInThroughPage, waitForPage } from '../support/browser.js';
import { closeBrowserHarness, openBrowserHarness, type BrowserHarness } from '../support/browser-harness.js';
import { randomUscc } from '../support/declaration.js';
import { createTestAccount } from '../support/web.js';

// 专家库 in chromium at 1366×768: the officer opens it from the menu (which still fits), adds an expert with a
// declared relationship through the dialog, exports the pool and reads the file by cells, then imports the file with
// a new expert and one bad row: the page lists the problem by sheet, row and column, and nothing was imported.
// Axe-clean throughout.

describe('the expert pool page in chromium', () => {
  let web: BrowserHarness['web'], base: string, browser: Browser;

  beforeAll(async () => {
    ({ web, base, browser } = await openBrowserHarness());
  }, 120_000);
  afterAll(() => closeBrowserHarness({ web, browser }));

  const looksRight = async (page: Page) => {
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    expect(await hasHorizontalScroll(page)).toBe(false);
  };
  const pick = async (page: Page, label: string, option: string) => {
    await page.getByRole('dialog').getByLabel(label, { exact: true }).click();
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: option }).first().click();
  };
  const settled = (page: Page) => page.locator('[aria-busy="false"] .ant-table').first().waitFor();

  it('adds an expert with a relationship, exports the pool, and refuses an imported sheet with one bad row, importing nothing', async () => {
    // given: the officer, on 专家库 from the menu
    const tag = `B${randomBytes(3).toString('hex')}`;
    const organisation = `河北科技大学${tag}`;
    const mobile = `138${String(randomInt(100_000_000)).padStart(8, '0')}`;
    const enterprise = randomUscc('130102');
    const page = await browser.newPage({ viewport: { width: 1366, height: 768 }, locale: 'zh-CN', acceptDownloads: true });
    await signInThroughPage(page, base, await createTestAccount(web.db, 'province-officer'));
    await waitForPage(page, `${base}/dashboard`);
    // every entry of the officer's menu fits at 1366 px: nothing folded into the overflow
    await page.getByRole('menuitem', { name: '评审会' }).waitFor();
    expect(await page.locator('.ant-menu-overflow-item:not(.ant-menu-overflow-item-rest)[aria-hidden="true"]').count()).toBe(0);
    expect(await page.locator('.ant-menu-overflow-item-rest').getAttribute('aria-hidden')).toBe('true');
    // the pool is reached from the review sessions' page
    await page.getByRole('menuitem', { name: '评审会' }).click();
    await waitForPage(page, `${base}/review-sessions`);
    await page.getByRole('link', { name: '专家库' }).click();
    await waitForPage(page, `${base}/experts`);
    await settled(page);
    await looksRight(page);

    // when: it adds an expert with a relationship through the dialog
    await page.getByRole('button', { name: '新增专家' }).click();
    const dialog = page.getByRole('dialog', { name: '新增专家' });
    await dialog.waitFor();
    await dialog.getByLabel('姓名').fill('刘洋');
    await dialog.getByLabel('职称').fill('教授');
    await dialog.getByLabel('工作单位', { exact: true }).fill(organisation);
    await pick(page, '所属地区', '石家庄市');
    await pick(page, '评审领域', '网络改造提升');
    await dialog.getByLabel('联系电话').fill(mobile); // leaving the multiple select closes its list
    await dialog.getByLabel('电子邮箱').fill('liu@example.test');
    await dialog.getByRole('button', { name: '添加关联关系' }).click();
    await dialog.getByLabel('企业名称').fill('石家庄某软件有限公司');
    await dialog.getByLabel('企业统一社会信用代码').fill(enterprise);
    await pick(page, '关系类型', '担任顾问');
    await looksRight(page);
    await dialog.getByRole('button', { name: /^保\s*存$/ }).click();
    await page.getByText('已新增专家 刘洋').waitFor();
    await dialog.waitFor({ state: 'hidden' });

    // then: stored with its relationship, and listed
    const stored = await listExperts(web.db, { q: tag });
    expect(stored).toHaveLength(1);
    expect(stored[0]).toMatchObject({
      name: '刘洋', organisation, homeUnitId: '130100', fields: ['network-upgrade'], phone: mobile, active: true,
      relationships: [{ enterpriseName: '石家庄某软件有限公司', enterpriseUscc: enterprise, kind: 'advises', since: null, until: null, note: null }],
    });
    await page.getByLabel('姓名、工作单位或电话').fill(tag);
    await page.getByLabel('姓名、工作单位或电话').press('Enter');
    await waitForPage(page, new RegExp(`q=${tag}`));
    await settled(page);
    // the filtered list has loaded (under load the address changes before the list does): the export follows it
    await expect.poll(() => page.locator('.ant-table-tbody tr.ant-table-row').count(), { timeout: 15_000 }).toBe(1);
    const row = page.getByRole('row', { name: /刘洋/ });
    expect((await row.getByRole('cell').allInnerTexts()).slice(0, 8)).toEqual([
      '刘洋', organisation, '石家庄市', '网络改造提升', '教授', mobile, '石家庄某软件有限公司（担任顾问）', '启用',
    ]);

    // when: it exports the (filtered) pool
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '导出 Excel' }).click()]);
    const book = await downloadedWorkbook(download);
    // then: one row for the expert, its relationship on the second sheet
    const people = book.getWorksheet('专家')!;
    expect(people.rowCount).toBe(2);
    expect(people.getRow(2).values).toEqual([undefined, stored[0]!.id, '刘洋', organisation, '', '石家庄市', '网络改造提升', '教授', mobile, 'liu@example.test', '启用', '']);
    expect(book.getWorksheet('关联关系')!.getRow(2).values).toEqual([undefined, '刘洋', mobile, '石家庄某软件有限公司', enterprise, '担任顾问', '', '', '']);

    // when: the file comes back with a new, valid expert and one with an unknown unit
    const newMobile = `138${String(randomInt(100_000_000)).padStart(8, '0')}`;
    people.addRow(['', '黄磊', organisation, '', '唐山市', '网络改造提升', '研究员', newMobile, 'huang@example.test', '启用', '']);
    people.addRow(['', '郭峰', organisation, '', '北京市', '网络改造提升', '研究员', `137${String(randomInt(100_000_000)).padStart(8, '0')}`, 'guo@example.test', '启用', '']);
    await page.locator('input[type=file]').setInputFiles({
      name: '专家库-已修改.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: Buffer.from(await book.xlsx.writeBuffer()),
    });
    // then: the problem by sheet, row and column; nothing imported
    const problems = page.getByRole('list', { name: '导入的问题' });
    await problems.waitFor();
    expect(await problems.getByRole('listitem').allInnerTexts()).toEqual(['「专家」表第 4 行 E 列「所属地区」：未知的地区「北京市」（须为推荐单位之一，如 石家庄市、雄安新区）']);
    expect(await page.getByText('导入失败：专家库文件有 1 处问题，未导入任何专家。请修改后重新导入。').count()).toBe(1);
    expect(await listExperts(web.db, { q: tag })).toEqual(stored);
    await settled(page);
    expect(await page.getByRole('row', { name: /黄磊/ }).count()).toBe(0);
    await looksRight(page);
    await page.close();
  });
});
