// `npm run screenshots`: pictures of the main pages at 1366×768 from a running `npm start` (embedded default, demo
// accounts), into .data/screenshots/, and a line for any page that scrolls sideways. For people to look at.
import { mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { chromium, type Page } from 'playwright-core';
import { projectRoot } from '../platform/config.js';

const base = process.env.BASE_URL ?? 'http://127.0.0.1:3000';
const dataDir = process.env.DATA_DIR ?? path.join(projectRoot, '.data');
const out = path.join(dataDir, 'screenshots');
const { demoPassword } = JSON.parse(await readFile(path.join(dataDir, 'local-secrets.json'), 'utf8')) as { demoPassword: string };

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
});
await mkdir(out, { recursive: true });
let sideways = 0;

async function shoot(page: Page, name: string): Promise<void> {
  await page.waitForLoadState('networkidle');
  await page.mouse.move(0, 0); // no tooltip from where the last click happened
  await page.screenshot({ path: path.join(out, `${name}.png`) });
  const scrolls = await page.evaluate(() => document.documentElement.scrollWidth > document.documentElement.clientWidth);
  if (scrolls) sideways++;
  console.log(`${scrolls ? 'SCROLLS SIDEWAYS' : 'ok'}  ${name}.png  ${page.url()}`);
}

async function signedIn(username: string): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
  await page.goto(`${base}/login`);
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码').fill(demoPassword);
  await page.getByRole('button', { name: /登\s*录/ }).click();
  await page.waitForURL((url) => !url.pathname.startsWith('/login'));
  return page;
}

const signIn = await browser.newPage({ viewport: { width: 1366, height: 768 } });
await signIn.goto(`${base}/login`);
await shoot(signIn, '01-sign-in');

const applicant = await signedIn('sjz.enterprise');
await shoot(applicant, '02-portal');
const firstApplication = applicant.getByRole('link', { name: /查看进度|继续填写/ }).first();
if (await firstApplication.count()) {
  await firstApplication.click();
  await shoot(applicant, '03-application');
}
await applicant.goto(`${base}/portal`);
await applicant.getByRole('button', { name: /开始填写/ }).click();
await applicant.locator('[aria-busy="false"]:has(.fjs-form)').waitFor();
await shoot(applicant, '04-application-form');

const reviewer = await signedIn('city130100');
await shoot(reviewer, '05-tasklist');
const firstTask = reviewer.getByRole('link', { name: '办理' }).first();
if (await firstTask.count()) {
  await firstTask.click();
  await reviewer.locator('[aria-busy="false"]:has(.fjs-form)').waitFor();
  await shoot(reviewer, '06-task');
}

const province = await signedIn('province');
await shoot(province, '07-dashboard');
for (const [tab, name] of [['申报状态分布', '08-dashboard-funnel'], ['逾期任务', '09-dashboard-due-tasks'], ['流程异常', '10-dashboard-incidents']] as const) {
  await province.getByRole('tab', { name: new RegExp(`^${tab}`) }).click();
  await shoot(province, name);
}

const administrator = await signedIn('admin');
await administrator.goto(`${base}/studio`);
await shoot(administrator, '11-studio');
for (const [editor, name] of [['process/declaration', '12-studio-process'], ['form/application-mode', '13-studio-form'], ['decision/minimumIntegrationStage', '14-studio-decision']] as const) {
  await administrator.goto(`${base}/studio/${editor}`);
  await administrator.locator('[aria-busy="false"]').first().waitFor();
  await shoot(administrator, name);
}

await browser.close();
console.log(`\n${out}: ${sideways ? `${sideways} page(s) scroll sideways` : 'no page scrolls sideways'}`);
process.exit(sideways ? 1 : 0);
