import { applicationCheck } from './topics/application-check.js';
import { applicationRenderDocuments } from './topics/application-render-documents.js';
import { applicationRequestCorrection } from './topics/application-request-correction.js';
import { applicationStatus } from './topics/application-status.js';
import { batchReminders } from './topics/batch-reminders.js';
import { recommendationRecord } from './topics/recommendation-record.js';
import { recommendationTableRender } from './topics/recommendation-table-render.js';
import type { Worker } from './worker.js';

/** Every worker this project runs; one file per topic under topics/. */
export const allWorkers: Worker[] = [applicationCheck, applicationRequestCorrection, applicationRenderDocuments, applicationStatus, recommendationRecord, recommendationTableRender, batchReminders];
