import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { projectRoot } from '../../platform/config.js';
import { lintModel } from '../../modeling/lint-model.js';
import type { ModelKind } from '../../modeling/problem.js';
import { launchBrowser } from '../support/browser.js';
import { smallDecision, smallForm, smallProcess } from './fixtures.js';

// The editor runs the very checks the server runs before a deploy: modeling/ bundled by Vite (static imports of
// every rule, no dynamic require) answers in Chromium exactly what it answers in Node.

describe('the checks in the browser', () => {
  let dir: string;
  let server: Server;
  let browser: Browser;
  let base: string;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'iiot-modeling-'));
    await writeFile(path.join(dir, 'index.html'), '<!doctype html><meta charset="utf-8"><script type="module" src="./main.ts"></script>');
    await writeFile(path.join(dir, 'main.ts'), `import { lintModel } from ${JSON.stringify(path.join(projectRoot, 'modeling', 'lint-model.ts'))};\n(window as unknown as { lintModel: typeof lintModel }).lintModel = lintModel;\n`);
    const { build } = await import('vite');
    await build({ root: dir, logLevel: 'error', configFile: false, build: { outDir: path.join(dir, 'dist'), chunkSizeWarningLimit: 4096 } });
    server = createServer((request, response) => {
      const file = path.join(dir, 'dist', request.url === '/' ? 'index.html' : path.normalize(request.url ?? '/'));
      readFile(file).then((body) => response.writeHead(200, { 'content-type': file.endsWith('.js') ? 'text/javascript' : 'text/html' }).end(body), () => response.writeHead(404).end());
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
    browser = await launchBrowser();
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    server?.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('answers the same problems as the server, for every kind', async () => {
    const models: [ModelKind, string][] = [
      ['process', await readFile(path.join(projectRoot, 'processes', 'declaration.bpmn'), 'utf8')],
      ['process', smallProcess('p', { executionPlatform: false, diagram: 'without-task', taskType: 'serviceTask', taskAttributes: 'camunda:type="external" camunda:topic="nobody"' })],
      ['form', smallForm('city-preliminary-review', [{ id: 'a', type: 'textfield', key: 'x' }, { id: 'b', type: 'signature', key: 'x' }])],
      ['decision', smallDecision('d', { hitPolicy: 'OUTPUT ORDER' })],
    ];
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(base);
    await page.waitForFunction(() => 'lintModel' in window);
    const inBrowser = await page.evaluate((list) => Promise.all(list.map(([kind, content]) => (window as unknown as { lintModel: typeof lintModel }).lintModel(kind, content))), models);
    const inNode = await Promise.all(models.map(([kind, content]) => lintModel(kind, content)));
    expect(errors).toEqual([]);
    expect(inBrowser).toEqual(inNode);
    expect(inNode.flat().map((p) => p.rule)).toEqual(expect.arrayContaining(['execution-platform', 'diagram-complete', 'external-task-topic', 'unique-key', 'component-type', 'domain-field', 'hit-policy']));
  });
});
