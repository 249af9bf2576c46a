import path from 'node:path';
import { inject } from 'vitest';
import { systemClock } from '../../platform/clock.js';
import type { Pool } from '../../platform/database.js';
import { createLogger } from '../../platform/logger.js';
import { createWorkerDeps } from '../../workers/deps.js';
import type { WorkerDeps } from '../../workers/worker.js';
import { testEngineConfig } from './engine.js';

/** Worker dependencies against the test engine and database, with a silent logger. */
export function testWorkerDeps(db: Pool, name: string): WorkerDeps {
  return createWorkerDeps({ db, engine: testEngineConfig(), attachmentDir: path.join(inject('tempDir'), 'attachments'), logger: createLogger(name, 'silent'), clock: systemClock });
}
