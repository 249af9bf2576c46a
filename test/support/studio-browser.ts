import type { Page } from 'playwright-core';

// Driving the studio's pages in chromium (test/browser/studio*.test.ts): the home's import, the editors' save and
// deploy dialogs, the modeler's canvas and properties panel, form-js's palette.

/** Imports a model file through the studio's home page. */
export async function importThroughPage(page: Page, file: { fileName: string; content: string }, comment: string): Promise<void> {
  await page.goto(page.url().replace(/\/(dashboard|studio).*$/, '/studio'));
  const card = page.locator('.ant-card', { has: page.getByText('导入文件', { exact: true }) });
  await card.locator('input[type="file"]').setInputFiles({ name: file.fileName, mimeType: 'application/xml', buffer: Buffer.from(file.content) });
  await card.getByLabel('说明').fill(comment);
  await card.getByRole('button', { name: /^导\s*入$/ }).click();
}

/** Saves the editor's model with a comment (the dialog requires one). */
export async function saveWithComment(page: Page, comment: string): Promise<void> {
  await page.getByRole('button', { name: /^保\s*存$/ }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('说明').fill(comment);
  await dialog.getByRole('button', { name: /^保\s*存$/ }).click();
  await dialog.waitFor({ state: 'detached' });
}

/** Deploys the process in the editor with a comment; `member` is text the dialog lists among what it deploys. */
export async function deployWithComment(page: Page, comment: string, member?: RegExp): Promise<void> {
  await page.getByRole('button', { name: /^部\s*署$/ }).click();
  const dialog = page.getByRole('dialog');
  if (member) await dialog.getByText(member).waitFor();
  await dialog.getByLabel('说明').fill(comment);
  await dialog.getByRole('button', { name: /^部\s*署$/ }).click();
  await dialog.waitFor({ state: 'detached', timeout: 30_000 });
}

/** Selects a diagram element on the modeler's canvas, unless it is selected already. */
export async function selectElement(page: Page, elementId: string): Promise<void> {
  const selected = page.locator(`.djs-container .djs-element.selected[data-element-id="${elementId}"]`);
  if (await selected.count()) return;
  await page.locator(`.djs-container .djs-element[data-element-id="${elementId}"]`).click();
  await selected.waitFor({ state: 'attached' });
}

/** Opens a group of the properties panel (a closed group's entries are not shown). */
export async function openPanelGroup(page: Page, title: string): Promise<void> {
  const header = page.locator('.bio-properties-panel-group-header', { hasText: title }).first();
  if (!(await header.getAttribute('class'))?.includes('open')) await header.click();
}

/**
 * Drags a field type from form-js's palette into the form. Its drag and drop follows the mouse: the drag has begun
 * when the mirror shows, and the drop is placed when the shadow (`gu-transit`) sits in the form.
 */
export async function dragPaletteField(page: Page, type: string): Promise<void> {
  const field = page.locator(`.fjs-palette-field[data-field-type="${type}"]`);
  const form = page.locator('.fjs-editor-container .fjs-drop-container-vertical').first();
  await field.scrollIntoViewIfNeeded();
  const from = (await field.boundingBox())!;
  const to = (await form.boundingBox())!;
  await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
  await page.mouse.down();
  await page.mouse.move(from.x + from.width / 2 + 20, from.y + from.height / 2 + 20, { steps: 5 });
  await page.locator('.gu-mirror').waitFor();
  await page.mouse.move(to.x + to.width / 2, to.y + 30, { steps: 10 });
  await page.mouse.move(to.x + to.width / 2, to.y + 40, { steps: 5 });
  await form.locator('.gu-transit').waitFor();
  await page.mouse.up();
}

/** Waits until the editor in the named region has imported its model. */
export async function editorReady(page: Page, region: string): Promise<void> {
  try {
    await page.locator(`section[aria-label="${region}"][aria-busy="false"]`).waitFor({ timeout: 30_000 });
  } catch (error) {
    const shown = await page.locator('.ant-alert, .studio-problems').allInnerTexts().catch(() => []);
    throw new Error(`${page.url()}: the ${region} editor did not finish importing; the page shows: ${JSON.stringify(shown)}`, { cause: error });
  }
}
