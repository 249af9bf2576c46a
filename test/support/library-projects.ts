import { randomBytes } from 'node:crypto';
import { withTransaction, type Pool } from '../../platform/database.js';
import type { TemplateCode } from '../../domain/directions.js';
import { changeProjectStatus, insertProjectsOfBatch } from '../../store/project-repository.js';
import { insertAccountIfMissing } from '../../web/server/identity/account-repository.js';
import { randomUscc } from './declaration.js';

// Projects placed straight into the provincial library, for tests of its lists: each an application as a submitted
// batch leaves it, made a project by the store's own insertProjectsOfBatch and moved by changeProjectStatus (with
// their status rows and audit entries), without an engine process.

/** The statuses a seeded project can be moved to from 待形式审查, and the moves that reach each. */
const moves = {
  received: [],
  returned: ['returned'],
  admitted: ['admitted'],
  'not-admitted': ['not-admitted'],
  exited: ['admitted', 'exited'],
} as const;

export interface SeededProject {
  projectId: string;
  projectNumber: string;
  projectName: string;
  enterpriseName: string;
  uscc: string;
  unitId: string;
}

let seq = 0;

/** Seeds a unit's projects of a call, numbered in the order given (so the library lists them in that order). */
export async function seedProjects(
  db: Pool,
  options: { callId: string; unitId: string; projects: readonly { projectName: string; direction: string; template: TemplateCode; status: keyof typeof moves; enterpriseName?: string }[] },
): Promise<SeededProject[]> {
  // As long as a real number (2021-130100-0007), so lists and documents lay it out alike, but never one (five
  // characters ahead, not a year); led by the time, so projects seeded later sort after earlier ones.
  const prefix = `${(Date.now() % 36 ** 5).toString(36).padStart(5, '0')}-${options.unitId}`;
  const seeded: SeededProject[] = [];
  for (const [index, project] of options.projects.entries()) {
    const uscc = randomUscc();
    const username = `libseed.${randomBytes(4).toString('hex')}`;
    await insertAccountIfMissing(db, { username, displayName: '入库企业', passwordHash: 'x', role: 'applicant', enterpriseUscc: uscc });
    const creator = (await db.query<{ id: string }>('SELECT id FROM account WHERE username = $1', [username])).rows[0]!.id;
    const projectNumber = `${prefix}-${String(index + 1).padStart(4, '0')}`;
    const enterpriseName = project.enterpriseName ?? `入库企业${++seq}有限公司`;
    const data = { enterpriseName, projectName: project.projectName, direction: project.direction, declaredUnit: options.unitId };
    const application = await db.query<{ id: string }>(
      `INSERT INTO application (call_id, enterprise_uscc, created_by, template, unit_id, application_number, status, data, submitted_at)
       VALUES ($1, $2, $3, $4, $5, $6, 'recommended', $7, now()) RETURNING id`,
      [options.callId, uscc, creator, project.template, options.unitId, projectNumber, data],
    );
    const [created] = await withTransaction(db, (tx) =>
      insertProjectsOfBatch(tx, { callId: options.callId, unitId: options.unitId, actor: `cityreviewer.seed`, at: new Date(), applications: [{ applicationId: application.rows[0]!.id, applicationNumber: projectNumber, enterpriseUscc: uscc }] }),
    );
    for (const to of moves[project.status]) {
      await withTransaction(db, (tx) => changeProjectStatus(tx, { projectId: created!.id, to, actor: 'provinceofficer.seed', at: new Date(), reason: to === 'admitted' ? null : '测试' }));
    }
    seeded.push({ projectId: created!.id, projectNumber, projectName: project.projectName, enterpriseName, uscc, unitId: options.unitId });
  }
  return seeded;
}
