import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { projectRoot } from '../../platform/config.js';
import { collectModelBundles } from '../../platform/model-deployment.js';
import type { Call } from '../../domain/call.js';
import { findApplication } from '../../store/application-repository.js';
import { provinceReview, provinceReviewBundle } from '../fixtures/province-review.js';
import { draftAndSubmit, newApplicant, openTestCall, uploadPdf, validModeData, waitForCorrection, waitForStatus } from '../support/declaration.js';
import { testEngine } from '../support/engine.js';
import { releaseBundle, saveOverApi, studioAdministrator } from '../support/studio.js';
import { testApp } from '../support/web.js';

// An administrator changes the declaration (a field on the application form, a task's name), deploys it as a new
// release and moves a call onto it: new applications of that call start on the new version, with the new form,
// while one started before finishes on the old; a call not moved stays where it was.

describe('releases and call sets', () => {
  let web: Awaited<ReturnType<typeof testApp>>;
  let headers: Record<string, string>;
  let call: Call;
  let otherCall: Call;
  const { api } = testEngine();
  const latestId = async (kind: string, key: string) => (await web.db.query<{ id: string }>('SELECT max(id)::text AS id FROM model_version WHERE kind = $1 AND key = $2', [kind, key])).rows[0]!.id;
  const content = async (id: string) => (await web.app.inject({ method: 'GET', url: `/api/studio/versions/${id}`, headers })).json().content as string;
  const definitionOf = async (applicationId: string) => (await api.historicProcessInstance((await findApplication(web.db, applicationId))!.processInstanceId!)).processDefinitionId;
  // The tests' own small process and its form, saved once as studio versions (the shipped declaration stays as it is).
  let fixture: Promise<{ processVersion: string; formVersion: string }> | undefined;
  const storedFixture = () => (fixture ??= (async () => {
    const files = (await provinceReviewBundle()).files;
    const save = async (kind: 'process' | 'form', key: string, extension: string) => {
      const saved = await saveOverApi(web.app, headers, kind, key, files.find((f) => f.fileName.endsWith(extension))!.content, '测试流程');
      expect(saved.statusCode, saved.body).toBe(201);
      return saved.json().id as string;
    };
    return { formVersion: await save('form', provinceReview.formId, '.form'), processVersion: await save('process', provinceReview.processKey, '.bpmn') };
  })());
  const formKeys = async (applicantHeaders: Record<string, string>, applicationId: string) =>
    JSON.stringify((await web.app.inject({ method: 'GET', url: `/api/applications/${applicationId}/form`, headers: applicantHeaders })).json().form);

  beforeAll(async () => {
    web = await testApp();
    headers = await studioAdministrator(web.app, web.db);
    call = await openTestCall(web.db);
    otherCall = await openTestCall(web.db);
  });
  afterAll(async () => {
    // the shipped declaration again, as the latest versions and release, for whatever runs next
    const shipped = (await collectModelBundles(path.join(projectRoot, 'processes'), path.join(projectRoot, 'forms'))).find((b) => b.name === 'declaration')!;
    await releaseBundle(web.db, api, shipped);
    await web.close();
  });

  it('starts new applications of a moved call on the new release, and keeps earlier ones on theirs', async () => {
    // given: an application of the call, started on the release the call was created with
    const applicant = await newApplicant(web.app, web.db);
    const earlier = await draftAndSubmit(web.app, applicant.headers, call.id, await validModeData(web.app, applicant.headers, applicant.uscc));
    expect(earlier.response.statusCode, earlier.response.body).toBe(200);
    const oldDefinition = await definitionOf(earlier.id);
    const [{ release_id: pinnedBefore }] = (await web.db.query('SELECT release_id::text FROM call_release WHERE call_id = $1 AND process_key = $2', [call.id, 'declaration'])).rows;

    // when: the administrator adds an optional field to 模式应用类 and renames the preliminary review, then deploys
    const form = JSON.parse(await content(await latestId('form', 'application-mode'))) as { components: object[] };
    form.components.push({ id: 'Field_studioNote', type: 'textfield', key: 'studioNote', label: '补充说明（工作室测试）' });
    const savedForm = await saveOverApi(web.app, headers, 'form', 'application-mode', JSON.stringify(form, null, 2), '增加补充说明');
    expect(savedForm.statusCode, savedForm.body).toBe(201);
    const process = (await content(await latestId('process', 'declaration'))).replace('name="市级初审"', 'name="市级初审（新版）"');
    const savedProcess = await saveOverApi(web.app, headers, 'process', 'declaration', process, '初审改名');
    expect(savedProcess.statusCode, savedProcess.body).toBe(201);
    const deployed = await web.app.inject({ method: 'POST', url: `/api/studio/versions/${savedProcess.json().id}/deploy`, headers, payload: { comment: '2030 年批次使用' } });

    // then: a new release with a new definition, holding the new form version
    expect(deployed.statusCode, deployed.body).toBe(201);
    const { releaseId, processDefinitionId, processDefinitionVersion } = deployed.json() as { releaseId: string; processDefinitionId: string; processDefinitionVersion: number };
    expect(processDefinitionId).not.toBe(oldDefinition);
    expect(processDefinitionVersion).toBeGreaterThan(1);
    const releases = (await web.app.inject({ method: 'GET', url: '/api/studio/releases?processKey=declaration', headers })).json() as { id: string; members: { kind: string; key: string; versionId: string }[]; deployedBy: string; comment: string; runningInstances: number }[];
    expect(releases[0]).toMatchObject({ id: releaseId, comment: '2030 年批次使用' });
    expect(releases[0]!.members).toContainEqual(expect.objectContaining({ kind: 'form', key: 'application-mode', versionId: savedForm.json().id }));
    expect(releases[0]!.members.map((m) => m.key)).toEqual(expect.arrayContaining(['declaration', 'application-mode', 'application-industry-platform', 'correction', 'minimumIntegrationStage', 'applicationPriority']));
    expect(releases.find((r) => r.id === pinnedBefore)!.runningInstances).toBeGreaterThanOrEqual(1);
    const deployAudit = (await web.db.query("SELECT detail FROM audit_log WHERE action = 'studio.release.deployed' AND detail->>'releaseId' = $1", [releaseId])).rows;
    expect(deployAudit).toEqual([{ detail: expect.objectContaining({ processDefinitionId, comment: '2030 年批次使用' }) }]);

    // and a call not moved yet still starts on its own release, with its own form
    const notMoved = await draftAndSubmit(web.app, applicant.headers, call.id, await validModeData(web.app, applicant.headers, applicant.uscc));
    expect(notMoved.response.statusCode, notMoved.response.body).toBe(200);
    expect(await definitionOf(notMoved.id)).toBe(oldDefinition);

    // when: the administrator moves the call onto the new release
    const moved = await web.app.inject({ method: 'PUT', url: `/api/studio/calls/${call.id}/releases/declaration`, headers, payload: { releaseId, comment: '切换到新版流程' } });
    expect(moved.statusCode, moved.body).toBe(204);

    // then: a new draft of the call shows the new field, and once submitted runs on the new definition
    const newer = await draftAndSubmit(web.app, applicant.headers, call.id, { ...(await validModeData(web.app, applicant.headers, applicant.uscc)), studioNote: '新版' });
    expect(newer.response.statusCode, newer.response.body).toBe(200);
    expect(await definitionOf(newer.id)).toBe(processDefinitionId);
    expect(newer.response.json().data.studioNote).toBe('新版');
    // the earlier application keeps its version and its form, and goes on running there
    expect(await definitionOf(earlier.id)).toBe(oldDefinition);
    expect(await formKeys(applicant.headers, earlier.id)).not.toContain('studioNote');
    expect(await formKeys(applicant.headers, newer.id)).toContain('studioNote');
    await waitForStatus(web.db, earlier.id, 'awaiting-sealed-scans');
    await waitForStatus(web.db, newer.id, 'awaiting-sealed-scans');
    // the other call was not moved
    const otherDraft = (await web.app.inject({ method: 'POST', url: '/api/applications', headers: applicant.headers, payload: { callId: otherCall.id, template: 'mode-application' } })).json().id as string;
    expect(await formKeys(applicant.headers, otherDraft)).not.toContain('studioNote');

    // and the move is audited with from and to, and listed
    const moveAudit = (await web.db.query("SELECT actor, detail FROM audit_log WHERE action = 'studio.call-set.moved' AND subject = $1", [`call:${call.id}`])).rows;
    expect(moveAudit).toEqual([{ actor: expect.stringMatching(/^administrator\./), detail: expect.objectContaining({ processKey: 'declaration', from: pinnedBefore, to: releaseId, comment: '切换到新版流程' }) }]);
    const calls = (await web.app.inject({ method: 'GET', url: '/api/studio/calls', headers })).json() as { callId: string; releases: { processKey: string; releaseId: string | null }[] }[];
    expect(calls.find((c) => c.callId === call.id)!.releases).toContainEqual(expect.objectContaining({ processKey: 'declaration', releaseId }));
    expect(calls.find((c) => c.callId === otherCall.id)!.releases).toContainEqual(expect.objectContaining({ processKey: 'declaration', releaseId: pinnedBefore }));
  });

  it('checks a correction against the form of the application’s own version, not a newer one', async () => {
    // given: an application waiting for a correction (no self-assessment report: E3 asks for it)
    const correctionCall = await openTestCall(web.db);
    const applicant = await newApplicant(web.app, web.db);
    const data = await validModeData(web.app, applicant.headers, applicant.uscc, { selfAssessmentReport: undefined });
    const { id } = await draftAndSubmit(web.app, applicant.headers, correctionCall.id, data);
    await waitForCorrection(web.app, applicant.headers, id);

    // when: a release whose 模式应用类 requires a new field is deployed and the call moved onto it
    const form = JSON.parse(await content(await latestId('form', 'application-mode'))) as { components: object[] };
    form.components.push({ id: 'Field_requiredLater', type: 'textfield', key: 'requiredLater', label: '新增必填项', validate: { required: true } });
    expect((await saveOverApi(web.app, headers, 'form', 'application-mode', JSON.stringify(form), '新增必填项')).statusCode).toBe(201);
    const deployed = await web.app.inject({ method: 'POST', url: `/api/studio/versions/${await latestId('process', 'declaration')}/deploy`, headers, payload: { comment: '新增必填项' } });
    expect(deployed.statusCode, deployed.body).toBe(201);
    const moved = await web.app.inject({ method: 'PUT', url: `/api/studio/calls/${correctionCall.id}/releases/declaration`, headers, payload: { releaseId: deployed.json().releaseId, comment: '切换' } });
    expect(moved.statusCode).toBe(204);

    // then: the correction, without the new field, is checked against the form it started with, and taken
    const corrected = { ...data, selfAssessmentReport: await uploadPdf(web.app, applicant.headers, '自评估报告（补正）.pdf') };
    const answer = await web.app.inject({ method: 'POST', url: `/api/applications/${id}/correction`, headers: applicant.headers, payload: { data: corrected, correctionResponse: '已补充。' } });
    expect(answer.statusCode, answer.body).toBe(204);
    // while a new application of the call needs the new field
    const fresh = await draftAndSubmit(web.app, applicant.headers, correctionCall.id, await validModeData(web.app, applicant.headers, applicant.uscc));
    expect(fresh.response.statusCode).toBe(400);
    expect(fresh.response.json().fields.map((f: { path: string }) => f.path)).toEqual(['data.requiredLater']);
  });

  it('deploys the member versions named instead of the latest ones', async () => {
    // given: two versions of the form a small process references; the latest one is a draft
    const { processVersion, formVersion: formBefore } = await storedFixture();
    const draft = JSON.parse(await content(formBefore)) as { components: object[] };
    draft.components.push({ id: 'Field_draft', type: 'textfield', key: 'draftOnly', label: '草稿字段' });
    const saved = await saveOverApi(web.app, headers, 'form', provinceReview.formId, JSON.stringify(draft), '草稿');
    expect(saved.statusCode).toBe(201);

    // when: the process is deployed with the earlier form version named
    const deployed = await web.app.inject({ method: 'POST', url: `/api/studio/versions/${processVersion}/deploy`, headers, payload: { comment: '用旧表单', members: [formBefore] } });

    // then: the release holds that version, and the engine deployed that form
    expect(deployed.statusCode, deployed.body).toBe(201);
    const release = ((await web.app.inject({ method: 'GET', url: `/api/studio/releases?processKey=${provinceReview.processKey}`, headers })).json() as { id: string; members: { versionId: string }[] }[])[0]!;
    expect(release.id).toBe(deployed.json().releaseId);
    expect(release.members.map((m) => m.versionId)).toEqual(expect.arrayContaining([processVersion, formBefore]));
    expect(release.members.map((m) => m.versionId)).not.toContain(saved.json().id);
    const resources = await api.deploymentResources((await api.processDefinition(deployed.json().processDefinitionId)).deploymentId);
    expect(resources.map((r) => r.name).sort()).toEqual(['province-review.form', 'provinceReview.bpmn']);
  });

  it('refuses to deploy a form on its own, a member the process does not reference, and an unknown version', async () => {
    const { processVersion, formVersion } = await storedFixture();
    const onItsOwn = await web.app.inject({ method: 'POST', url: `/api/studio/versions/${formVersion}/deploy`, headers, payload: { comment: '部署表单' } });
    expect(onItsOwn.statusCode).toBe(400);
    expect(onItsOwn.json().message).toContain('只能部署流程版本');
    const stranger = await web.app.inject({ method: 'POST', url: `/api/studio/versions/${processVersion}/deploy`, headers, payload: { comment: '部署', members: [await latestId('form', 'correction')] } });
    expect(stranger.statusCode).toBe(400);
    expect((await web.app.inject({ method: 'POST', url: '/api/studio/versions/999999999/deploy', headers, payload: { comment: '部署' } })).statusCode).toBe(404);
  });
});
