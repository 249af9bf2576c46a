import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Call } from '../../domain/call.js';
import { createDraft, draftAndSubmit, newApplicant, openTestCall, validModeData, waitForStatus } from '../support/declaration.js';
import { pdfText } from '../support/documents.js';
import { testApp } from '../support/web.js';

// The group (所属集团) and the firm that prepared the materials (编制单位), which the expert draw's conflict rules
// read: optional on every application form, kept as given, printed in the 申报材料, and a code given must be one.

const groupAndFirm = {
  enterpriseGroup: '唐山示例钢铁集团有限公司',
  enterpriseGroupUscc: '91130200MA0D4E5F68',
  preparedBy: '石家庄示例咨询有限公司',
  preparedByUscc: '91130100MA0A1B2C31',
};

describe('the group and the firm that prepared the materials, submitted', () => {
  let web: Awaited<ReturnType<typeof testApp>>;
  let call: Call;
  beforeAll(async () => {
    web = await testApp();
    call = await openTestCall(web.db);
  });
  afterAll(() => web.close());

  it('are stored as given and printed in the enterprise section of the 申报材料 rendered for sealing', async () => {
    // given
    const { uscc, headers } = await newApplicant(web.app, web.db);
    // when
    const { id, response } = await draftAndSubmit(web.app, headers, call.id, await validModeData(web.app, headers, uscc, groupAndFirm));
    // then
    expect(response.statusCode, response.body).toBe(200);
    const stored = await web.db.query<{ data: Record<string, unknown> }>('SELECT data FROM application WHERE id = $1', [id]);
    expect(stored.rows[0]!.data).toMatchObject(groupAndFirm);
    await waitForStatus(web.db, id, 'awaiting-sealed-scans');
    const documents = (await web.app.inject({ method: 'GET', url: `/api/applications/${id}/documents`, headers })).json() as { kind: string; format: string; attachmentId: string }[];
    const materials = documents.find((d) => d.kind === 'materials' && d.format === 'pdf')!;
    const download = await web.app.inject({ method: 'GET', url: `/api/attachments/${materials.attachmentId}`, headers });
    const text = (await pdfText(download.rawPayload)).replace(/\s+/g, '');
    for (const expected of ['所属集团名称', '唐山示例钢铁集团有限公司', '91130200MA0D4E5F68', '材料编制单位', '石家庄示例咨询有限公司', '91130100MA0A1B2C31']) expect(text).toContain(expected);
  });

  it('may be left out: an application without them is submitted, and its 申报材料 names neither', async () => {
    // given
    const { uscc, headers } = await newApplicant(web.app, web.db);
    // when
    const { id, response } = await draftAndSubmit(web.app, headers, call.id, await validModeData(web.app, headers, uscc, { enterpriseGroup: '', enterpriseGroupUscc: '', preparedBy: '', preparedByUscc: '' }));
    // then
    expect(response.statusCode, response.body).toBe(200);
    await waitForStatus(web.db, id, 'awaiting-sealed-scans');
    const documents = (await web.app.inject({ method: 'GET', url: `/api/applications/${id}/documents`, headers })).json() as { kind: string; format: string; attachmentId: string }[];
    const materials = documents.find((d) => d.kind === 'materials' && d.format === 'pdf')!;
    const text = (await pdfText((await web.app.inject({ method: 'GET', url: `/api/attachments/${materials.attachmentId}`, headers })).rawPayload)).replace(/\s+/g, '');
    expect(text).toContain('企业名称');
    expect(text).not.toContain('所属集团');
    expect(text).not.toContain('材料编制单位');
  });

  it.each<[string, Record<string, unknown>, { path: string; message: string }]>([
    ['a firm’s code in lower case (the form’s own rule)', { preparedByUscc: '91130100ma0a1b2c31' }, { path: 'data.preparedByUscc', message: '统一社会信用代码应为18位，由数字和大写英文字母组成（不使用I、O、S、V、Z）' }],
    ['a group code failing its check character', { enterpriseGroupUscc: '91130200MA0D4E5F60' }, { path: 'data.enterpriseGroupUscc', message: '统一社会信用代码校验位不正确，请核对营业执照' }],
    ['a group code without the group’s name', { enterpriseGroup: '' }, { path: 'data.enterpriseGroup', message: '填写了所属集团统一社会信用代码的，请同时填写所属集团名称' }],
  ])('refuse %s at the field, leaving the draft a draft', async (_case, changes, problem) => {
    // given
    const { uscc, headers } = await newApplicant(web.app, web.db);
    const id = await createDraft(web.app, headers, call.id);
    const data = await validModeData(web.app, headers, uscc, { ...groupAndFirm, ...changes });
    // when
    const refused = await web.app.inject({ method: 'POST', url: `/api/applications/${id}/submit`, headers, payload: { data } });
    // then
    expect(refused.statusCode, refused.body).toBe(400);
    expect((refused.json() as { fields: unknown[] }).fields).toEqual([problem]);
    const stored = await web.db.query<{ status: string; application_number: string | null }>('SELECT status, application_number FROM application WHERE id = $1', [id]);
    expect(stored.rows[0]).toEqual({ status: 'draft', application_number: null });
  });
});
