import { randomBytes, randomInt } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { expect } from 'vitest';
import type { Pool } from '../../platform/database.js';
import type { Call } from '../../domain/call.js';
import { call2021 } from '../../domain/call.js';
import { usccCharset, usccCheckCharacter } from '../../domain/uscc.js';
import { findApplication, type Application } from '../../store/application-repository.js';
import { insertCallIfMissing } from '../../store/call-repository.js';
import { waitFor } from './engine.js';
import { createTestAccount, signIn } from './web.js';

// Helpers for declaration tests: each test makes its own call, enterprise and applications, so tests sharing the
// engine and its worker pool never see each other's data.

const DAY = 86_400_000;

/** A valid USCC of a new enterprise registered in `region` (default: a Shijiazhuang district). */
export function randomUscc(region = '130102'): string {
  let body = `91${region}`;
  for (let i = 0; i < 9; i++) body += usccCharset[randomInt(usccCharset.length)];
  return body + usccCheckCharacter(body);
}

/** A call of its own, open from yesterday for `days` more days around `now`. */
export async function openTestCall(db: Pool, now = new Date(), overrides: Partial<Call> = {}): Promise<Call> {
  const call: Call = {
    ...call2021,
    id: `t-${randomBytes(5).toString('hex')}`,
    year: 2030 + randomInt(60), // its own number sequence
    opensAt: new Date(now.getTime() - DAY),
    enterpriseDeadline: new Date(now.getTime() + 30 * DAY),
    cityDeadline: new Date(now.getTime() + 45 * DAY),
    ...overrides,
  };
  await insertCallIfMissing(db, call);
  return call;
}

/** Signs in an applicant of a new enterprise; returns its headers and USCC. */
export async function newApplicant(app: FastifyInstance, db: Pool, uscc = randomUscc()) {
  return { uscc, headers: await signIn(app, await createTestAccount(db, 'applicant', { enterpriseUscc: uscc })) };
}

/** Signs in a reviewer of a unit. */
export async function newReviewer(app: FastifyInstance, db: Pool, unitId: string) {
  return signIn(app, await createTestAccount(db, 'city-reviewer', { unitId }));
}

/** Bytes that are a PDF by content. */
export const pdfBytes = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');

/** Uploads a file as a browser would (multipart); returns the answer. */
export async function upload(app: FastifyInstance, headers: Record<string, string>, fileName: string, content: Buffer, fields: Record<string, string> = {}) {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) form.set(name, value);
  form.set('file', new Blob([new Uint8Array(content)]), fileName);
  const request = new Request('http://localhost/', { method: 'POST', body: form });
  return app.inject({
    method: 'POST',
    url: '/api/attachments',
    headers: { ...headers, 'content-type': request.headers.get('content-type')! },
    payload: Buffer.from(await request.arrayBuffer()),
  });
}

/** Uploads a PDF and returns its reference for form data. */
export async function uploadPdf(app: FastifyInstance, headers: Record<string, string>, fileName: string) {
  const response = await upload(app, headers, fileName, pdfBytes);
  expect(response.statusCode, response.body).toBe(201);
  const { id, sha256 } = response.json() as { id: string; sha256: string };
  return { id, fileName, sha256 };
}

/** Valid 模式应用类 data for an enterprise, with real uploads; `overrides` replace fields (undefined removes one). */
export async function validModeData(app: FastifyInstance, headers: Record<string, string>, uscc: string, overrides: Record<string, unknown> = {}) {
  const data: Record<string, unknown> = {
    enterpriseName: '石家庄示例装备制造有限公司',
    uscc,
    usccConfirmedAsPrinted: false,
    registeredAddress: '河北省石家庄市长安区示例路1号',
    declaredUnit: '130100',
    legalRepresentative: '张三',
    contactName: '李四',
    contactPhone: '0311-87908721',
    contactEmail: `contact-${uscc.toLowerCase()}@example.com.cn`,
    enterpriseKind: 'industrial',
    independentLegalPerson: true,
    integrationStage: 'integration',
    selfAssessmentReport: await uploadPdf(app, headers, '两化融合自评估报告.pdf'),
    itTeamSize: 12,
    badRecordDeclared: false,
    priorityQualifications: ['specialized-sme', 'it-award'],
    projectName: `基于工业互联网平台的示范项目 ${randomBytes(3).toString('hex')}`,
    direction: 'mode-intelligent-manufacturing',
    projectType: 'new',
    totalInvestment: 1200,
    completedInvestment: 300.55,
    periodStart: '2021-03-01',
    periodEnd: '2022-12-31',
    plannedForPilot: true,
    filingNumber: '2021-130102-39-03-000123',
    priorFiscalFunding: false,
    content: '建设设备联网和数据采集系统，打通设计、生产和运维环节。',
    performanceTargets: [{ indicator: '生产效率提升', baseline: '0', target: '20', unit: '%' }],
    applicationScenario: '离散装备制造的生产排程与设备运维。',
    technicalApproach: '边缘采集 + 企业级平台 + 工业APP。',
    expectedBenefits: '生产效率提升20%。',
    promotionValue: '可在省内装备制造产业集群推广。',
    businessLicense: await uploadPdf(app, headers, '营业执照.pdf'),
    commitment: true,
  };
  for (const [key, value] of Object.entries(overrides)) {
    if (value === undefined) delete data[key];
    else data[key] = value;
  }
  return data;
}

/** Creates a draft of a call; returns its id. */
export async function createDraft(app: FastifyInstance, headers: Record<string, string>, callId: string, template = 'mode-application'): Promise<string> {
  const response = await app.inject({ method: 'POST', url: '/api/applications', headers, payload: { callId, template } });
  expect(response.statusCode, response.body).toBe(201);
  return (response.json() as { id: string }).id;
}

/** Creates a draft and submits data; returns the draft id and the answer. */
export async function draftAndSubmit(app: FastifyInstance, headers: Record<string, string>, callId: string, data: Record<string, unknown>) {
  const id = await createDraft(app, headers, callId);
  const response = await app.inject({ method: 'POST', url: `/api/applications/${id}/submit`, headers, payload: { data } });
  return { id, response };
}

/** Waits until the application reaches a status (the workers run asynchronously). */
export function waitForStatus(db: Pool, id: string, status: Application['status'], timeoutMs = 20_000): Promise<Application> {
  return waitFor(`application ${id} to reach ${status}`, async () => {
    const application = await findApplication(db, id);
    return application?.status === status ? application : undefined;
  }, timeoutMs);
}

/**
 * Waits for the open correction request. The status "correction-requested" is committed a moment before the engine
 * creates the correction task, so the task is what to wait for.
 */
export function waitForCorrection(app: FastifyInstance, headers: Record<string, string>, id: string): Promise<{ taskId: string; request: string; dueDate: string }> {
  return waitFor(`the correction request of ${id}`, async () => {
    const response = await app.inject({ method: 'GET', url: `/api/applications/${id}/correction`, headers });
    return response.statusCode === 200 ? (response.json() as { taskId: string; request: string; dueDate: string }) : undefined;
  });
}

/**
 * Plays the enterprise's seal step: waits for the rendered documents, uploads two "sealed scans" and sends the
 * application to its city. Returns the rendered documents.
 */
export async function sealAndSend(app: FastifyInstance, db: Pool, headers: Record<string, string>, id: string) {
  await waitForStatus(db, id, 'awaiting-sealed-scans');
  const documents = (await app.inject({ method: 'GET', url: `/api/applications/${id}/documents`, headers })).json() as { kind: string; format: string; attachmentId: string; fileName: string }[];
  const sealedMaterials = await uploadPdf(app, headers, '申报材料（盖章）.pdf');
  const sealedCommitment = await uploadPdf(app, headers, '承诺书（盖章）.pdf');
  // The status is committed a moment before the engine creates the upload task: retry until the task takes it.
  await waitFor(`the sealed scans of ${id} to be taken`, async () => {
    const response = await app.inject({ method: 'POST', url: `/api/applications/${id}/sealed-scans`, headers, payload: { sealedMaterials, sealedCommitment } });
    if (response.statusCode === 204) return true;
    if (response.statusCode !== 409) throw new Error(`sealed scans refused: ${response.statusCode} ${response.body}`);
    return undefined;
  });
  await waitForStatus(db, id, 'with-city');
  return { documents, sealedMaterials, sealedCommitment };
}
