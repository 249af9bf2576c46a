import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { projectRoot } from '../../platform/config.js';
import { saveOverApi, studioAdministrator } from '../support/studio.js';
import { testApp } from '../support/web.js';

// Once an administrator edits one application form, the studio warns where its shared fields now differ from the
// latest saved versions of the other two (the versions a deploy of the declaration takes).

const FORM = 'application-industry-platform';

describe('the shared fields of an application form edited in the studio', () => {
  let web: Awaited<ReturnType<typeof testApp>>;
  let headers: Record<string, string>;
  let shipped: string;
  const relabelled = () => {
    const form = JSON.parse(shipped) as { components: { key?: string; components?: { key?: string; label?: string }[] }[] };
    form.components.find((c) => c.components?.some((child) => child.key === 'contactPhone'))!.components!.find((c) => c.key === 'contactPhone')!.label = '手机号码';
    return JSON.stringify(form, null, 2);
  };
  const sharedFieldProblems = (problems: { rule: string }[]) => problems.filter((p) => p.rule === 'shared-field');
  const warning = {
    rule: 'shared-field',
    elementId: 'contactPhone',
    category: 'warn',
    message: '共用字段“联系电话”（contactPhone）的标签与表单“模式应用类申报书”（application-mode）、表单“工业互联网平台应用创新体验中心类申报书”（application-experience-center）不同：本表单为 “手机号码”，它们为 “联系电话”；三份申报表单的共用字段应保持一致',
  };
  beforeAll(async () => {
    web = await testApp();
    headers = await studioAdministrator(web.app, web.db);
    shipped = await readFile(path.join(projectRoot, 'forms', `${FORM}.form`), 'utf8');
  });
  afterAll(() => web.close());

  it('are warned of by the server-side lint where a label differs, and not when they agree', async () => {
    const lint = async (content: string) => (await web.app.inject({ method: 'POST', url: '/api/studio/lint', headers, payload: { kind: 'form', content } })).json().problems as { rule: string }[];
    expect(sharedFieldProblems(await lint(relabelled()))).toEqual([warning]);
    expect(sharedFieldProblems(await lint(shipped))).toEqual([]);
  });

  it('are warned of when the edit is saved, which it still is; saving the shipped form back warns of nothing', async () => {
    // when: the edited form is saved
    const saved = await saveOverApi(web.app, headers, 'form', FORM, relabelled(), '改字段名');
    // then: saved, with the warning
    expect(saved.statusCode, saved.body).toBe(201);
    expect(sharedFieldProblems(saved.json().problems)).toEqual([warning]);

    // when: the shipped content is saved again (the later tests' forms)
    const restored = await saveOverApi(web.app, headers, 'form', FORM, shipped, '恢复');
    // then
    expect(restored.statusCode, restored.body).toBe(201);
    expect(sharedFieldProblems(restored.json().problems)).toEqual([]);
  });
});
