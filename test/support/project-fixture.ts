import { randomBytes } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { Call } from '../../domain/call.js';
import type { Pool } from '../../platform/database.js';
import type { EngineClient } from '../../platform/engine/client.js';
import { toEngineVariables } from '../../platform/engine/index.js';
import { attachmentReferencesIn } from '../../domain/attachment-reference.js';
import { linkAttachments } from '../../store/attachment-repository.js';
import { findProjectOfApplication, type Project } from '../../store/project-repository.js';
import { newApplicant, newReviewer, openTestCall, uploadPdf, validModeData } from './declaration.js';
import { waitFor } from './engine.js';
import { createTestAccount, signIn } from './web.js';

// Projects that reached the province the way a real one does: valid applications of one enterprise in a unit's
// library, recommended, their 推荐表 rendered, a stamped scan uploaded and the batch submitted; each project's
// process started by the submission and waiting at its formal review.

type Web = { app: FastifyInstance; db: Pool };
type Headers = Record<string, string>;

export interface ReceivedProject {
  project: Project;
  /** The open FormalReview task of its process. */
  taskId: string;
}

let seq = 0;

/** A province account of `role`, signed in. */
export async function provinceAccount(web: Web, role: 'province-officer' | 'division-head' = 'province-officer'): Promise<{ headers: Headers; username: string }> {
  const account = await createTestAccount(web.db, role);
  return { headers: await signIn(web.app, account), username: account.username };
}

/**
 * Submits a batch of `count` valid applications of one enterprise for `unitId` and waits until every project's
 * FormalReview task is open; `officer` sees the tasks. A new call unless `call` is given (several units' batches of
 * one call).
 */
export async function receivedBatch(web: Web, engine: EngineClient, officer: Headers, unitId: string, count: number, call?: Call) {
  call ??= await openTestCall(web.db);
  const reviewer = await newReviewer(web.app, web.db, unitId);
  const applicant = await newApplicant(web.app, web.db);
  const data = await validModeData(web.app, applicant.headers, applicant.uscc, { declaredUnit: unitId });
  const creator = (await web.db.query<{ id: string }>('SELECT id FROM account WHERE enterprise_uscc = $1 LIMIT 1', [applicant.uscc])).rows[0]!.id;
  const applicationIds: string[] = [];
  for (let i = 0; i < count; i++) {
    const applicationNumber = `${call.year}${unitId}F${randomBytes(3).toString('hex')}${++seq}`;
    const own: Record<string, unknown> = { ...data, projectName: `${String(data.projectName)}（${unitId}-${seq}）` };
    const row = await web.db.query<{ id: string }>(
      `INSERT INTO application (call_id, enterprise_uscc, created_by, template, unit_id, application_number, status, data, submitted_at)
       VALUES ($1, $2, $3, 'mode-application', $4, $5, 'in-city-library', $6, now()) RETURNING id`,
      [call.id, applicant.uscc, creator, unitId, applicationNumber, own],
    );
    const id = row.rows[0]!.id;
    // As the submission links them: the application's uploads belong to it.
    await linkAttachments(web.db, id, attachmentReferencesIn(own).map((r) => r.ref.id));
    const instance = await engine.request('POST', '/process-definition/key/declaration/start', {
      json: {
        businessKey: applicationNumber,
        variables: toEngineVariables({ applicationId: id, applicationNumber, cityGroup: `city${unitId}`, enterpriseName: own.enterpriseName, projectName: own.projectName }),
        startInstructions: [{ type: 'startBeforeActivity', activityId: 'CityRecommendation' }],
      },
      schema: z.object({ id: z.string() }),
    });
    await web.db.query('UPDATE application SET process_instance_id = $2 WHERE id = $1', [id, instance.id]);
    applicationIds.push(id);
  }
  const inject = (method: 'GET' | 'POST', url: string, headers: Headers, payload?: object) => web.app.inject({ method, url, headers, ...(payload ? { payload } : {}) });
  for (const id of applicationIds) expectStatus(await inject('POST', '/api/recommendations', reviewer, { applicationId: id, opinion: '同意推荐' }), 201);
  expectStatus(await inject('POST', `/api/calls/${call.id}/batch`, reviewer), 202);
  await waitFor('the 推荐表', async () => ((await inject('GET', `/api/calls/${call.id}/batch`, reviewer)).json().state === 'ready' ? true : undefined));
  const scan = await uploadPdf(web.app, reviewer, '推荐表（盖章）.pdf');
  expectStatus(await inject('POST', `/api/calls/${call.id}/batch/submit`, reviewer, { sealedTable: scan }), 204);
  const received: ReceivedProject[] = [];
  for (const id of applicationIds) {
    const project = (await findProjectOfApplication(web.db, id))!;
    received.push({ project, taskId: await openTaskOf(web, officer, id, 'FormalReview') });
  }
  return { call, reviewer, applicant, scan, projects: received };
}

/** Waits for the open task of `stage` (a task key) of the application's project that `headers` may see. */
export function openTaskOf(web: Web, headers: Headers, applicationId: string, stage: string, timeoutMs = 30_000): Promise<string> {
  return waitFor(`the ${stage} task`, async () => {
    const answer = await web.app.inject({ method: 'GET', url: `/api/tasks?stage=${stage}`, headers });
    const { tasks } = answer.json() as { tasks: { taskId: string; subject: { applicationId: string | null } }[] };
    return tasks.find((task) => task.subject.applicationId === applicationId)?.taskId;
  }, timeoutMs);
}

/** Waits until the project has `status`. */
export function waitForProjectStatus(db: Pool, applicationId: string, status: Project['status'], timeoutMs = 30_000): Promise<Project> {
  return waitFor(`project status ${status}`, async () => {
    const project = await findProjectOfApplication(db, applicationId);
    return project?.status === status ? project : undefined;
  }, timeoutMs);
}

function expectStatus(answer: { statusCode: number; body: string }, status: number): void {
  if (answer.statusCode !== status) throw new Error(`Expected ${status}, got ${answer.statusCode}: ${answer.body}`);
}
