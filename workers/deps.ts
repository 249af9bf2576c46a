import { folderAttachmentStore } from '../platform/attachment-store.js';
import type { Clock } from '../platform/clock.js';
import type { EngineClientConfig } from '../platform/config.js';
import type { Pool } from '../platform/database.js';
import { deployedFormReader } from '../platform/deployed-form-reader.js';
import { engineApi } from '../platform/engine-api.js';
import { createEngineClient } from '../platform/engine-client.js';
import type { Logger } from '../platform/logger.js';
import type { WorkerDeps } from './worker.js';

/** Everything handlers may use, built once per worker process. */
export function createWorkerDeps(options: { db: Pool; engine: EngineClientConfig; attachmentDir: string; logger: Logger; clock: Clock }): WorkerDeps {
  return {
    db: options.db,
    clock: options.clock,
    logger: options.logger,
    forms: deployedFormReader(engineApi(createEngineClient(options.engine))),
    attachments: folderAttachmentStore(options.attachmentDir),
  };
}
