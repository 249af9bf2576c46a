import { randomBytes } from 'node:crypto';
import type { Pool } from '../../platform/database.js';
import { z } from 'zod';
import type { EngineClient } from '../../platform/engine/client.js';
import { toEngineVariables } from '../../platform/engine/index.js';
import { insertAccountIfMissing } from '../../web/server/identity/account-repository.js';
import { randomUscc } from './declaration.js';

// Applications placed straight into a unit's library, for recommendation tests that need many of them: the rows are
// written as the declaration would leave them, and the process is started at its recommendation task.

export interface LibraryEntry {
  id: string;
  applicationNumber: string;
}

let seq = 0;

/** Seeds `count` applications in a unit's library; with `engine`, each waits at its CityRecommendation task. */
export async function seedLibrary(db: Pool, options: { callId: string; unitId: string; count: number; cityPlatform?: boolean; engine?: EngineClient }): Promise<LibraryEntry[]> {
  const uscc = randomUscc();
  const username = `seed.${randomBytes(4).toString('hex')}`;
  await insertAccountIfMissing(db, { username, displayName: '种子企业', passwordHash: 'x', role: 'applicant', enterpriseUscc: uscc });
  const creator = (await db.query<{ id: string }>('SELECT id FROM account WHERE username = $1', [username])).rows[0]!.id;
  const entries: LibraryEntry[] = [];
  for (let i = 0; i < options.count; i++) {
    const applicationNumber = `L${Date.now().toString(36)}-${options.unitId}-${++seq}`;
    const data = { enterpriseName: `企业 ${seq}`, projectName: `项目 ${seq}`, direction: options.cityPlatform ? 'city-platform' : 'mode-digital-management', contactEmail: 'seed@example.com' };
    const row = await db.query<{ id: string }>(
      `INSERT INTO application (call_id, enterprise_uscc, created_by, template, unit_id, application_number, status, data, submitted_at)
       VALUES ($1, $2, $3, $4, $5, $6, 'in-city-library', $7, now()) RETURNING id`,
      [options.callId, uscc, creator, options.cityPlatform ? 'industry-platform' : 'mode-application', options.unitId, applicationNumber, data],
    );
    const id = row.rows[0]!.id;
    if (options.engine) {
      const instance = await options.engine.request('POST', '/process-definition/key/declaration/start', {
        json: {
          businessKey: applicationNumber,
          variables: toEngineVariables({ applicationId: id, applicationNumber, cityGroup: `city${options.unitId}`, enterpriseName: data.enterpriseName, projectName: data.projectName }),
          startInstructions: [{ type: 'startBeforeActivity', activityId: 'CityRecommendation' }],
        },
        schema: z.object({ id: z.string() }),
      });
      await db.query('UPDATE application SET process_instance_id = $2 WHERE id = $1', [id, instance.id]);
    }
    entries.push({ id, applicationNumber });
  }
  return entries;
}
