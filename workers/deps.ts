import { folderAttachmentStore } from '../platform/attachment-store.js';
import type { Clock } from '../platform/clock.js';
import type { EngineClientConfig } from '../platform/config.js';
import type { Pool } from '../platform/database.js';
import { deployedFormReader } from '../platform/deployed-form-reader.js';
import { createEngineApiFromConfig } from '../platform/engine/index.js';
import type { Logger } from '../platform/logger.js';
import type { WorkerDeps } from './worker.js';

/** Everything handlers may use, built once per worker process. */
export function createWorkerDeps(options: { db: Pool; engine: EngineClientConfig; attachmentDir: string; logger: Logger; clock: Clock }): WorkerDeps {
  return {
    db: options.db,
    clock: options.clock,
    logger: options.logger,
    forms: deployedFormReader(createEngineApiFromConfig(options.engine)),
    attachments: folderAttachmentStore(options.attachmentDir),
  };
}
