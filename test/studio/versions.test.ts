import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { saveOverApi, studioAdministrator } from '../support/studio.js';
import { testApp } from '../support/web.js';
import { smallDecision, smallForm, smallProcess, testKey } from './fixtures.js';

// Versions: saved (even with lint problems), listed newest first, compared, restored; every save audited.

describe('model versions in the studio', () => {
  let web: Awaited<ReturnType<typeof testApp>>;
  let headers: Record<string, string>;
  const audit = async (subject: string) =>
    (await web.db.query<{ actor: string; action: string; detail: Record<string, unknown> }>('SELECT actor, action, detail FROM audit_log WHERE subject = $1 ORDER BY id', [subject])).rows;
  beforeAll(async () => {
    web = await testApp();
    headers = await studioAdministrator(web.app, web.db);
  });
  afterAll(() => web.close());

  it('saves versions 1, 2, 3 of a new process, lists them newest first, diffs and restores, auditing each', async () => {
    // given: a new process, saved twice
    const key = testKey('versions');
    const first = await saveOverApi(web.app, headers, 'process', key, smallProcess(key), '初稿');
    expect(first.statusCode, first.body).toBe(201);
    expect(first.json()).toMatchObject({ version: 1, problems: [] });
    const second = await saveOverApi(web.app, headers, 'process', key, smallProcess(key, { taskName: '复核' }), '改名', first.json().id);
    expect(second.json()).toMatchObject({ version: 2 });

    // when: the first is restored
    const restored = await web.app.inject({ method: 'POST', url: `/api/studio/versions/${first.json().id}/restore`, headers, payload: { comment: '恢复初稿' } });

    // then: version 3 has version 1's content, source 'restore', based on version 1
    expect(restored.statusCode, restored.body).toBe(201);
    expect(restored.json()).toMatchObject({ version: 3 });
    const third = (await web.app.inject({ method: 'GET', url: `/api/studio/versions/${restored.json().id}`, headers })).json();
    expect(third).toMatchObject({ kind: 'process', key, version: 3, source: 'restore', comment: '恢复初稿', content: smallProcess(key) });
    const list = (await web.app.inject({ method: 'GET', url: `/api/studio/models/process/${key}/versions`, headers })).json() as { version: number; source: string; authorName: string; sha256: string; releases: unknown[] }[];
    expect(list.map((v) => [v.version, v.source])).toEqual([[3, 'restore'], [2, 'studio'], [1, 'studio']]);
    expect(list[0]!.sha256).toBe(list[2]!.sha256);
    expect(list.every((v) => v.authorName === '测试 administrator' && v.releases.length === 0)).toBe(true);

    // and the textual diff from 1 to 2 shows the renamed task
    const diff = (await web.app.inject({ method: 'GET', url: `/api/studio/versions/${first.json().id}/diff/${second.json().id}`, headers })).json() as { unified: string };
    expect(diff.unified).toContain('-    <bpmn:userTask id="Task" name="审核"');
    expect(diff.unified).toContain('+    <bpmn:userTask id="Task" name="复核"');

    // and the audit log holds each save and the restore, by the administrator
    const entries = await audit(`process:${key}`);
    expect(entries.map((e) => e.action)).toEqual(['studio.version.saved', 'studio.version.saved', 'studio.version.restored']);
    expect(entries[1]!.detail).toMatchObject({ version: 2, source: 'studio', comment: '改名', basedOn: first.json().id });
    expect(entries[2]!.detail).toMatchObject({ version: 3, source: 'restore', basedOn: first.json().id });
    expect(new Set(entries.map((e) => e.actor)).size).toBe(1);
  });

  it('keeps a broken draft with its problems, naming rule and element', async () => {
    const key = testKey('draft');
    const saved = await saveOverApi(web.app, headers, 'process', key, smallProcess(key, { diagram: 'without-task', taskName: '' }));
    expect(saved.statusCode, saved.body).toBe(201);
    expect(saved.json().problems).toEqual(expect.arrayContaining([
      expect.objectContaining({ rule: 'diagram-complete', elementId: 'Task', category: 'error' }),
      expect.objectContaining({ rule: 'label-required', elementId: 'Task', category: 'warn' }),
    ]));
  });

  it.each([
    { what: 'content that does not parse', kind: 'process', content: () => '<bpmn:definitions', message: /^无法解析流程文件/ },
    { what: 'a process saved under another key', kind: 'process', content: () => smallProcess('someOtherProcess'), message: /^模型标识与内容不符/ },
    { what: 'a process without any diagram', kind: 'process', content: (key: string) => smallProcess(key, { diagram: 'none' }), message: /没有图形/ },
    { what: 'a form saved under another id', kind: 'form', content: () => smallForm('another-form'), message: /^模型标识与内容不符/ },
    { what: 'a form that is not JSON', kind: 'form', content: () => '{ "id": ', message: /^无法解析表单文件/ },
    { what: 'a decision file without that decision', kind: 'decision', content: () => smallDecision('anotherDecision'), message: /^模型标识与内容不符/ },
  ])('refuses to save $what (400, nothing stored)', async ({ kind, content, message }) => {
    const key = testKey('refused');
    const answer = await saveOverApi(web.app, headers, kind, key, content(key));
    expect(answer.statusCode, answer.body).toBe(400);
    expect(answer.json().message).toMatch(message);
    expect((await web.db.query('SELECT count(*)::int AS n FROM model_version WHERE key = $1', [key])).rows[0].n).toBe(0);
  });

  it('creates new forms and decisions, lists them with their names, and offers forms for linking', async () => {
    const formId = testKey('form');
    const decisionId = testKey('decision');
    expect((await saveOverApi(web.app, headers, 'form', formId, smallForm(formId, [{ id: 'Title', type: 'text', text: '# 测试表单' }, { id: 'Field_a', type: 'textfield', key: 'a', label: 'A' }]))).statusCode).toBe(201);
    expect((await saveOverApi(web.app, headers, 'decision', decisionId, smallDecision(decisionId))).statusCode).toBe(201);
    const models = (await web.app.inject({ method: 'GET', url: '/api/studio/models', headers })).json() as { kind: string; key: string; name: string; latestVersion: number; deployedVersion: number | null }[];
    expect(models).toContainEqual(expect.objectContaining({ kind: 'form', key: formId, name: '测试表单', latestVersion: 1, deployedVersion: null }));
    expect(models).toContainEqual(expect.objectContaining({ kind: 'decision', key: decisionId, name: '测试决策', latestVersion: 1, deployedVersion: null }));
    // the shipped models are there, deployed
    expect(models).toContainEqual(expect.objectContaining({ kind: 'process', key: 'declaration', name: '重点项目申报（企业申报与市级初审）', fileName: 'declaration.bpmn' }));
    expect(models.find((m) => m.kind === 'process' && m.key === 'declaration')!.deployedVersion).not.toBeNull();
    const forms = (await web.app.inject({ method: 'GET', url: '/api/studio/forms', headers })).json() as { key: string; name: string }[];
    expect(forms).toContainEqual({ key: formId, name: '测试表单', latestVersion: 1 });
    expect(forms.map((f) => f.key)).toContain('application-mode');
  });

  it('lints on request with the editor’s rules, for every kind', async () => {
    const lint = async (kind: string, content: string) => (await web.app.inject({ method: 'POST', url: '/api/studio/lint', headers, payload: { kind, content } })).json().problems as { rule: string; elementId: string }[];
    expect(await lint('process', smallProcess('linted'))).toEqual([]);
    expect(await lint('process', smallProcess('linted', { taskType: 'serviceTask', taskAttributes: 'camunda:type="external" camunda:topic="application-check"' }))).toEqual([]);
    expect(await lint('form', smallForm('linted', [{ id: 'a', type: 'textfield', key: 'x' }, { id: 'b', type: 'number', key: 'x' }]))).toEqual([expect.objectContaining({ rule: 'unique-key', elementId: 'b' })]);
    expect(await lint('decision', smallDecision('linted', { hitPolicy: 'PRIORITY' }))).toEqual([expect.objectContaining({ rule: 'hit-policy', elementId: 'linted' })]);
  });
});
