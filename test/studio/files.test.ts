import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ModdleElement } from '../../modeling/parse.js';
import { parseBpmn, parseDmn } from '../../modeling/parse.js';
import { lintBpmn } from '../../modeling/bpmnlint-config.js';
import { executionPlatformOf } from '../../modeling/execution-platform.js';
import { importOverApi, saveOverApi, studioAdministrator } from '../support/studio.js';
import { testApp } from '../support/web.js';
import { smallDecision, smallForm, smallProcess, testKey } from './fixtures.js';

// Files stay first-class: a version exports to a file the desktop Camunda Modeler opens (Camunda Platform 7.24
// declared, the whole diagram), equal to the stored version as a model, and such a file imports back.

describe('model files', () => {
  let web: Awaited<ReturnType<typeof testApp>>;
  let headers: Record<string, string>;
  const latestId = async (kind: string, key: string) => (await web.db.query<{ id: string }>('SELECT max(id)::text AS id FROM model_version WHERE kind = $1 AND key = $2', [kind, key])).rows[0]!.id;
  const version = async (id: string) => (await web.app.inject({ method: 'GET', url: `/api/studio/versions/${id}`, headers })).json() as { content: string; source: string; version: number; key: string; kind: string };
  const download = (id: string) => web.app.inject({ method: 'GET', url: `/api/studio/versions/${id}/file`, headers });
  beforeAll(async () => {
    web = await testApp();
    headers = await studioAdministrator(web.app, web.db);
  });
  afterAll(() => web.close());

  it('exports the shipped declaration as a Modeler file equal to the stored version as a model', async () => {
    const id = await latestId('process', 'declaration');
    const file = await download(id);
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-disposition']).toBe("attachment; filename*=UTF-8''declaration.bpmn");
    await expectModelerFile(file.body);
    expect(await canonicalBpmn(file.body)).toEqual(await canonicalBpmn((await version(id)).content));
  });

  it('adds the execution platform a stored model lacks, and changes nothing else', async () => {
    // given: a model saved without the execution platform (a lint error, but a draft is kept)
    const key = testKey('exported');
    const saved = await saveOverApi(web.app, headers, 'process', key, smallProcess(key, { executionPlatform: false }));
    expect(saved.json().problems).toContainEqual(expect.objectContaining({ rule: 'execution-platform' }));
    // when
    const file = await download(saved.json().id);
    // then
    await expectModelerFile(file.body);
    const stored = smallProcess(key, { executionPlatform: false });
    expect(await canonicalBpmn(file.body)).toEqual(await canonicalBpmn(stored));
    // (the comparison sees a moved shape, a changed attribute and a re-routed flow)
    expect(await canonicalBpmn(file.body)).not.toEqual(await canonicalBpmn(stored.replace('x="240"', 'x="241"')));
    expect(await canonicalBpmn(file.body)).not.toEqual(await canonicalBpmn(stored.replace('camunda:candidateGroups="province"', 'camunda:candidateGroups="expert"')));
    expect(await canonicalBpmn(file.body)).not.toEqual(await canonicalBpmn(stored.replace('sourceRef="Task" targetRef="End"', 'sourceRef="Start" targetRef="End"')));
  });

  it('imports an exported file back as a new version of the same model, with its problems', async () => {
    // given: the exported file of a version
    const key = testKey('roundtrip');
    const saved = await saveOverApi(web.app, headers, 'process', key, smallProcess(key));
    const file = (await download(saved.json().id)).body;
    // when
    const imported = await importOverApi(web.app, headers, `${key}.bpmn`, file, '从桌面建模器导入');
    // then
    expect(imported.statusCode, imported.body).toBe(201);
    expect(imported.json()).toMatchObject({ kind: 'process', key, version: 2, problems: [] });
    const stored = await version(imported.json().id);
    expect(stored).toMatchObject({ source: 'import', version: 2 });
    expect(await canonicalBpmn(stored.content)).toEqual(await canonicalBpmn(file));
    const audit = (await web.db.query("SELECT detail FROM audit_log WHERE action = 'studio.version.saved' AND subject = $1 ORDER BY id", [`process:${key}`])).rows;
    expect(audit.map((a) => a.detail.source)).toEqual(['studio', 'import']);
  });

  it('reports what the parser could not place, and refuses files it cannot read', async () => {
    const key = testKey('warned');
    const unknownAttribute = smallProcess(key).replace('<bpmn:userTask id="Task"', '<bpmn:userTask id="Task" camunda:noSuchAttribute="1"');
    const imported = await importOverApi(web.app, headers, 'anything.bpmn', unknownAttribute);
    expect(imported.statusCode, imported.body).toBe(201);
    expect(imported.json().problems).toContainEqual(expect.objectContaining({ rule: 'parse', elementId: 'Task', category: 'warn' }));
    expect((await importOverApi(web.app, headers, 'model.xml', smallProcess(key))).statusCode).toBe(400);
    expect((await importOverApi(web.app, headers, 'broken.bpmn', '<bpmn:definitions')).statusCode).toBe(400);
    expect((await importOverApi(web.app, headers, 'no-diagram.bpmn', smallProcess(testKey('nodi'), { diagram: 'none' }))).statusCode).toBe(400);
  });

  it('exports and imports forms and decisions, declaring the execution platform as the Modeler does', async () => {
    const formId = testKey('form');
    const bare = JSON.stringify({ id: formId, type: 'default', components: [{ id: 'Field_a', type: 'textfield', key: 'a', label: 'A' }] });
    const savedForm = await saveOverApi(web.app, headers, 'form', formId, bare);
    const formFile = await download(savedForm.json().id);
    expect(formFile.headers['content-disposition']).toBe(`attachment; filename*=UTF-8''${formId}.form`);
    const exportedForm = JSON.parse(formFile.body) as Record<string, unknown>;
    expect(exportedForm).toEqual({ ...JSON.parse(bare), executionPlatform: 'Camunda Platform', executionPlatformVersion: '7.24.0' });
    const importedForm = await importOverApi(web.app, headers, `${formId}.form`, formFile.body);
    expect(importedForm.json()).toMatchObject({ kind: 'form', key: formId, version: 2, problems: [] });

    const decisionId = testKey('decision');
    const withoutPlatform = smallDecision(decisionId).replace(/ modeler:executionPlatform="[^"]*" modeler:executionPlatformVersion="[^"]*"/, '');
    const savedDecision = await saveOverApi(web.app, headers, 'decision', decisionId, withoutPlatform);
    const decisionFile = await download(savedDecision.json().id);
    const { definitions, warnings } = await parseDmn(decisionFile.body);
    expect(warnings).toEqual([]);
    expect(executionPlatformOf(definitions.$attrs)).toEqual({ platform: 'Camunda Platform', version: '7.24.0' });
    const importedDecision = await importOverApi(web.app, headers, 'rules.dmn', decisionFile.body);
    expect(importedDecision.json()).toMatchObject({ kind: 'decision', key: decisionId, version: 2, problems: [] });
  });
});

// helpers

/** What the desktop Modeler and bpmn-js need: Camunda Platform 7.24 declared, every element drawn, no parse warning. */
async function expectModelerFile(xml: string) {
  const { definitions, warnings } = await parseBpmn(xml);
  expect(warnings).toEqual([]);
  expect(executionPlatformOf(definitions.$attrs)).toEqual({ platform: 'Camunda Platform', version: '7.24.0' });
  expect((await lintBpmn(xml)).filter((p) => p.rule === 'diagram-complete' || p.rule === 'execution-platform')).toEqual([]);
}

/**
 * A model as data, to compare two files as models: every element with its type, attributes (references by id),
 * children and DI (bounds, waypoints). The execution platform declaration, which an export may add, is left out.
 */
async function canonicalBpmn(xml: string): Promise<unknown> {
  return canonical((await parseBpmn(xml)).definitions);
}

function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (!isElement(value)) return value;
  const out: Record<string, unknown> = { $type: value.$type };
  const { properties } = (value as unknown as { $descriptor: { properties: { name: string; ns: { name: string }; isReference?: boolean }[] } }).$descriptor;
  for (const property of properties) {
    const content = value.get(property.ns.name);
    if (content === undefined || (Array.isArray(content) && !content.length)) continue;
    const id = (element: unknown) => `#${(element as ModdleElement).id}`;
    out[property.ns.name] = property.isReference ? (Array.isArray(content) ? content.map(id) : id(content)) : canonical(content);
  }
  const attrs = Object.entries(value.$attrs ?? {}).filter(([name]) => !name.startsWith('xmlns') && !/:executionPlatform(Version)?$/.test(name));
  if (attrs.length) out.$attrs = Object.fromEntries(attrs.sort());
  return out;
}

function isElement(value: unknown): value is ModdleElement {
  return typeof value === 'object' && value !== null && typeof (value as { $type?: unknown }).$type === 'string';
}
