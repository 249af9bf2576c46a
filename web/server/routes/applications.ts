import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Clock } from '../../../platform/clock.js';
import type { Pool } from '../../../platform/database.js';
import type { EngineApi } from '../../../platform/engine/index.js';
import {
  findApplication, insertDraft, latestRuleOutcomes, listEnterpriseApplications, listUnitApplications, statusHistory, updateDraftData, type Application,
} from '../../../store/application-repository.js';
import { findCall, findUnitDeadline, listCalls } from '../../../store/call-repository.js';
import { listDownloadsOfCalls } from '../../../store/call-download-repository.js';
import { findCallLifecycle, listCallLifecycles } from '../../../store/call-lifecycle-repository.js';
import { latestDocuments } from '../../../store/document-repository.js';
import { formatBeijingTime } from '../../../domain/applicant-notice.js';
import { summaryOf } from '../../../domain/application-summary.js';
import { callState, submissionRefusalOf } from '../../../domain/call-calendar.js';
import { directionOptionsFor } from '../../../domain/call-directions.js';
import { unitById, unitForRegion } from '../../../domain/units.js';
import { usccRegionCode } from '../../../domain/uscc.js';
import { submissionHash, submissionReceipt } from '../../../documents/receipt.js';
import { renderPdf } from '../../../documents/render-pdf.js';
import { answerCorrection, openCorrectionTask } from '../applications/answer-correction.js';
import { correctionFields } from '../applications/correction-fields.js';
import { applicationFormIds, type DeployedForms } from '../applications/deployed-forms.js';
import { withAccountIdentity } from '../applications/draft-prefill.js';
import { openTask } from '../applications/open-task.js';
import { ownedBy, visibleTo } from '../applications/scope.js';
import { submitSealedScans } from '../applications/sealed-scans.js';
import { submitApplication } from '../applications/submit-application.js';
import { withdrawalRefusal, withdrawApplication } from '../applications/withdraw-application.js';
import { AppError } from '../errors.js';
import { applicationProjectOf } from '../projects/project-view.js';
import { downloadUrl } from './calls.js';
import { accountOf } from '../plugins/authentication.js';
import {
  applicationDocuments, applicationForm, applicationList, applicationParams, applicationStatusView, applicationView, callList, correctionAnswer,
  correctionRequest, draftData, fieldComment, newDraft, sealedScans, sealedScansStep, withdrawalRequest,
} from '../schemas/applications.js';
import { noContent } from '../schemas/common.js';

export interface ApplicationRouteOptions {
  db: Pool;
  engine: EngineApi;
  forms: DeployedForms;
  clock: Clock;
}

function view(application: Application) {
  const { createdBy: _createdBy, processInstanceId: _instance, priorityRank: _rank, ...visible } = application;
  return visible;
}

/** The applicant portal's API: calls, drafts, submission, status and history, correction. */
export const applicationRoutes: FastifyPluginAsyncZod<ApplicationRouteOptions> = async (app, deps) => {
  const { db, clock } = deps;

  app.get('/api/calls', {
    config: { access: 'signed-in' },
    schema: {
      tags: ['calls'],
      summary: 'Every call with its calendar and whether it is open now; for an applicant, the deadline its own unit set',
      response: { 200: callList },
    },
  }, async (request) => {
    const now = clock.now().getTime();
    const account = accountOf(request);
    // An enterprise's unit is the one its USCC was registered in; its city may give its enterprises a deadline of its own.
    const unitId = account.enterpriseUscc ? unitForRegion(usccRegionCode(account.enterpriseUscc)) : undefined;
    // Drafts are the province's own (routes/calls.ts); a closed call is shown, as closed.
    const lifecycles = await listCallLifecycles(db);
    const seesDrafts = account.role === 'province-officer' || account.role === 'administrator';
    const calls = (await listCalls(db))
      .map((call) => ({ call, state: callState(lifecycles.get(call.id)!) }))
      .filter(({ state }) => seesDrafts || state !== 'draft');
    const downloads = await listDownloadsOfCalls(db, calls.map(({ call }) => call.id));
    // The answer's schema (callSummary) keeps only what the portal shows of a call.
    return Promise.all(calls.map(async ({ call, state }) => {
      const own = unitId ? await findUnitDeadline(db, call.id, unitId) : undefined;
      const files = (downloads.get(call.id) ?? []).map((file) => ({ title: file.title, url: downloadUrl(call.id, file.id), fileName: file.fileName }));
      return {
        ...call,
        state,
        downloads: [...call.downloads, ...files],
        open: state === 'published' && call.opensAt.getTime() <= now && now <= call.enterpriseDeadline.getTime(),
        unitDeadline: own && unitId ? { unitId, unitName: unitById(unitId)!.name, enterpriseDeadline: own } : null,
      };
    }));
  });

  app.post('/api/applications', {
    config: { access: ['applicant'] },
    schema: { tags: ['applications'], summary: 'Start a draft', body: newDraft, response: { 201: applicationView } },
  }, async (request, reply) => {
    const account = accountOf(request);
    const lifecycle = await findCallLifecycle(db, request.body.callId);
    if (!lifecycle || callState(lifecycle) === 'draft') throw new AppError('VALIDATION_FAILED', undefined, [{ path: 'body.callId', message: '没有这个申报批次' }]);
    const refusal = submissionRefusalOf(lifecycle);
    if (refusal) throw new AppError('CALL_CLOSED', refusal);
    const draft = await insertDraft(db, { ...request.body, enterpriseUscc: account.enterpriseUscc!, createdBy: account.id, data: {}, at: clock.now() });
    return reply.status(201).send(view(draft));
  });

  app.get('/api/applications', {
    config: { access: ['applicant', 'city-reviewer'] },
    schema: { tags: ['applications'], summary: 'My enterprise’s applications, or my unit’s submitted ones', response: { 200: applicationList } },
  }, async (request) => {
    const account = accountOf(request);
    const found = account.role === 'applicant' ? await listEnterpriseApplications(db, account.enterpriseUscc!) : await listUnitApplications(db, account.unitId!);
    return found.map(view);
  });

  app.get('/api/applications/:id', {
    config: { access: ['applicant', 'city-reviewer', 'province-officer', 'administrator'] },
    schema: { tags: ['applications'], summary: 'One application', params: applicationParams, response: { 200: applicationView } },
  }, async (request) => view(visibleTo(accountOf(request), await findApplication(db, request.params.id))));

  app.get('/api/applications/:id/form', {
    config: { access: ['applicant'] },
    schema: {
      tags: ['applications'],
      summary: 'The deployed form-js form of a draft’s category, with the draft’s data and the call’s direction choices on it',
      params: applicationParams,
      response: { 200: applicationForm },
    },
  }, async (request) => {
    const application = ownedBy(accountOf(request), await findApplication(db, request.params.id));
    const formId = applicationFormIds[application.template];
    // A draft is shown its call's release; a submitted application the version its instance runs on.
    const form = application.processInstanceId ? await deps.forms.ofInstance(application.processInstanceId, formId) : (await deps.forms.forCall(application.callId, formId)).form;
    const call = await findCall(db, application.callId);
    if (!call) throw new AppError('NOT_FOUND');
    // A draft starts with the enterprise the account is bound to; a submitted application shows what was submitted.
    const data = application.status === 'draft' ? withAccountIdentity(accountOf(request), application.data) : application.data;
    return { form, data, directionOptions: directionOptionsFor(call, application.template, data.direction) };
  });

  app.put('/api/applications/:id/draft', {
    config: { access: ['applicant'] },
    schema: { tags: ['applications'], summary: 'Save a draft (autosave)', params: applicationParams, body: draftData, response: { 200: applicationView } },
  }, async (request) => {
    const application = ownedBy(accountOf(request), await findApplication(db, request.params.id));
    if (!(await updateDraftData(db, application.id, request.body.data, clock.now()))) throw new AppError('CONFLICT', '已提交的申报不能再作为草稿修改。');
    return view((await findApplication(db, application.id))!);
  });

  app.post('/api/applications/:id/submit', {
    config: { access: ['applicant'] },
    schema: { tags: ['applications'], summary: 'Submit: checked against the form and the rules; starts the process', params: applicationParams, body: draftData, response: { 200: applicationView } },
  }, async (request) => {
    const account = accountOf(request);
    const application = ownedBy(account, await findApplication(db, request.params.id));
    return view(await submitApplication(deps, account, application, request.body.data));
  });

  app.get('/api/applications/:id/status', {
    config: { access: ['applicant', 'city-reviewer', 'province-officer', 'administrator'] },
    schema: {
      tags: ['applications'],
      summary: 'Current status, every earlier status with date and reason, and the latest rule outcomes',
      params: applicationParams,
      response: { 200: applicationStatusView },
    },
  }, async (request) => {
    const account = accountOf(request);
    const application = visibleTo(account, await findApplication(db, request.params.id));
    const history = (await statusHistory(db, application.id)).map(({ actor: _actor, ...event }) => event);
    const refusal = account.role === 'applicant' ? await withdrawalRefusal(db, application) : null;
    return {
      status: application.status, history, ruleOutcomes: await latestRuleOutcomes(db, application.id),
      withdrawal: { allowed: account.role === 'applicant' && refusal === null, refusal },
      project: await applicationProjectOf(deps, account, application.id),
    };
  });

  app.post('/api/applications/:id/withdrawal', {
    config: { access: ['applicant'] },
    schema: {
      tags: ['applications'],
      summary: 'Withdraw my application (撤回申报) with a reason, until its unit submits the batch holding it; its process ends',
      params: applicationParams,
      body: withdrawalRequest,
      response: { 204: noContent },
    },
  }, async (request, reply) => {
    await withdrawApplication(deps, accountOf(request), request.params.id, request.body.reason);
    return reply.status(204).send(null);
  });

  app.get('/api/applications/:id/documents', {
    config: { access: ['applicant', 'city-reviewer', 'province-officer', 'administrator'] },
    schema: {
      tags: ['applications'],
      summary: 'The rendered 申报材料 and 承诺书 (PDF, Word) and the sealed scans of the latest round',
      params: applicationParams,
      response: { 200: applicationDocuments },
    },
  }, async (request) => {
    const application = visibleTo(accountOf(request), await findApplication(db, request.params.id));
    return latestDocuments(db, application.id);
  });

  app.get('/api/applications/:id/sealed-scans', {
    config: { access: ['applicant'] },
    schema: {
      tags: ['applications'],
      summary: 'The open seal step: the due date by which the sealed scans must be uploaded',
      params: applicationParams,
      response: { 200: sealedScansStep },
    },
  }, async (request) => {
    const application = ownedBy(accountOf(request), await findApplication(db, request.params.id));
    const task = application.status === 'awaiting-sealed-scans' ? await openTask(deps.engine, application.processInstanceId, 'SealedScans') : undefined;
    if (!task) throw new AppError('NOT_FOUND', '该申报当前无需上传盖章材料。');
    return { taskId: task.id, dueDate: task.due };
  });

  app.post('/api/applications/:id/sealed-scans', {
    config: { access: ['applicant'] },
    schema: {
      tags: ['applications'],
      summary: 'Upload the sealed scans of the 申报材料 and 承诺书; the application goes to its city',
      params: applicationParams,
      body: sealedScans,
      response: { 204: noContent },
    },
  }, async (request, reply) => {
    const account = accountOf(request);
    await submitSealedScans(deps, account, ownedBy(account, await findApplication(db, request.params.id)), request.body);
    return reply.status(204).send(null);
  });

  app.get('/api/applications/:id/receipt.pdf', {
    config: { access: ['applicant'] },
    schema: { tags: ['applications'], summary: 'A receipt (PDF) of the submission, with the SHA-256 of what was submitted', params: applicationParams },
  }, async (request, reply) => {
    const application = ownedBy(accountOf(request), await findApplication(db, request.params.id));
    if (!application.applicationNumber || !application.submittedAt) throw new AppError('NOT_FOUND', '该申报尚未提交，没有回执。');
    const call = await findCall(db, application.callId);
    const { enterpriseName, projectName } = summaryOf(application.data);
    const pdf = await renderPdf(submissionReceipt({
      applicationNumber: application.applicationNumber,
      enterpriseName,
      uscc: application.enterpriseUscc,
      projectName,
      callTitle: call?.title ?? '',
      unitName: unitById(application.unitId ?? '')?.name ?? '',
      submittedAt: formatBeijingTime(application.submittedAt),
      hash: submissionHash(application.data),
    }));
    return reply
      .header('content-type', 'application/pdf')
      .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(`申报回执-${application.applicationNumber}.pdf`)}`)
      .send(pdf);
  });

  app.get('/api/applications/:id/correction', {
    config: { access: ['applicant'] },
    schema: {
      tags: ['applications'],
      summary: 'The open correction request, with its due date, the fields to correct (the city’s comments, or the checks that asked) and the deployed correction form',
      params: applicationParams,
      response: { 200: correctionRequest },
    },
  }, async (request) => {
    const application = ownedBy(accountOf(request), await findApplication(db, request.params.id));
    const task = await openCorrectionTask(deps, application);
    if (!task) throw new AppError('NOT_FOUND', '该申报当前没有待补正事项。');
    const [variables, form] = await Promise.all([deps.engine.taskVariables(task.id), deps.engine.deployedTaskForm(task.id)]);
    // Written by the correction worker; an instance started before it wrote them has none.
    const cityComments = z.array(fieldComment).catch([]).parse(variables.correctionFieldComments ?? []);
    const fieldComments = correctionFields(cityComments, await latestRuleOutcomes(db, application.id));
    return { taskId: task.id, request: String(variables.correctionRequest ?? ''), dueDate: task.due, fieldComments, form };
  });

  app.post('/api/applications/:id/correction', {
    config: { access: ['applicant'] },
    schema: {
      tags: ['applications'],
      summary: 'Answer the correction request with corrected data',
      params: applicationParams,
      body: correctionAnswer,
      response: { 204: noContent },
    },
  }, async (request, reply) => {
    const account = accountOf(request);
    const application = ownedBy(account, await findApplication(db, request.params.id));
    await answerCorrection(deps, account, application, request.body.data, request.body.correctionResponse);
    return reply.status(204).send(null);
  });
};
