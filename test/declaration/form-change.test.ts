import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Call } from '../../domain/call.js';
import { createDraft, newApplicant, openTestCall, validModeData } from '../support/declaration.js';
import { testEngine } from '../support/engine.js';
import { releaseShippedWith } from '../support/studio.js';
import { testApp } from '../support/web.js';

// A field an administrator adds to a deployed form is validated by that form's own rules, with no code change.

describe('a field added to the application form', () => {
  let web: Awaited<ReturnType<typeof testApp>>;
  let call: Call;
  const { api } = testEngine();
  // a studio release the test's call is moved to
  const deployDeclaration = (edit: (form: Record<string, unknown>) => void) =>
    releaseShippedWith(web.db, api, 'declaration', 'application-mode.form', (content) => {
      const form = JSON.parse(content) as Record<string, unknown>;
      edit(form);
      return JSON.stringify(form);
    }, [call.id]);
  beforeAll(async () => {
    web = await testApp();
    call = await openTestCall(web.db);
  });
  afterAll(async () => {
    await deployDeclaration(() => undefined); // the shipped forms again
    await web.close();
  });

  it('is required, length-checked and pattern-checked by the form as deployed', async () => {
    // given: the administrator adds a required 6-digit postal code to 模式应用类 and deploys
    await deployDeclaration((form) => {
      (form.components as unknown[]).push({
        id: 'postalCode', type: 'textfield', key: 'postalCode', label: '邮政编码',
        validate: { required: true, pattern: '^[0-9]{6}$', maxLength: 6 },
      });
    });
    const applicant = await newApplicant(web.app, web.db);
    const data = await validModeData(web.app, applicant.headers, applicant.uscc);
    const submit = async (extra: Record<string, unknown>) => {
      const id = await createDraft(web.app, applicant.headers, call.id);
      return web.app.inject({ method: 'POST', url: `/api/applications/${id}/submit`, headers: applicant.headers, payload: { data: { ...data, ...extra, projectName: `${String(data.projectName)} ${Math.random()}` } } });
    };
    // when / then: missing, then malformed, then right
    const missing = await submit({});
    expect(missing.statusCode).toBe(400);
    expect(missing.json().fields.map((f: { path: string }) => f.path)).toEqual(['data.postalCode']);
    const malformed = await submit({ postalCode: '05007' });
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json().fields.map((f: { path: string }) => f.path)).toEqual(['data.postalCode']);
    const right = await submit({ postalCode: '050071' });
    expect(right.statusCode, right.body).toBe(200);
    expect(right.json().data.postalCode).toBe('050071');
  });
});
