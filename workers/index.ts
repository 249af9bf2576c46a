import { applicationCheck } from './topics/application-check.js';
import { applicationRenderDocuments } from './topics/application-render-documents.js';
import { applicationRequestCorrection } from './topics/application-request-correction.js';
import { applicationStatus } from './topics/application-status.js';
import { batchReminders } from './topics/batch-reminders.js';
import { projectChangeApply } from './topics/project-change-apply.js';
import { projectChangeCheck } from './topics/project-change-check.js';
import { projectFormalChecks } from './topics/project-formal-checks.js';
import { projectReturnOverdue } from './topics/project-return-overdue.js';
import { projectSnapshot } from './topics/project-snapshot.js';
import { projectStatus } from './topics/project-status.js';
import { recommendationRecord } from './topics/recommendation-record.js';
import { recommendationTableRender } from './topics/recommendation-table-render.js';
import { panelSeatReplace } from './topics/panel-seat-replace.js';
import { pilotListFinalise } from './topics/pilot-list-finalise.js';
import { pilotNoticePublish } from './topics/pilot-notice-publish.js';
import { reviewAggregate } from './topics/review-aggregate.js';
import { reviewRubricRecord } from './topics/review-rubric-record.js';
import type { Worker } from './worker.js';

/** Every worker this project runs; one file per topic under topics/. */
export const allWorkers: Worker[] = [applicationCheck, applicationRequestCorrection, applicationRenderDocuments, applicationStatus, recommendationRecord, recommendationTableRender, batchReminders,
  projectFormalChecks, projectSnapshot, projectStatus, projectReturnOverdue, projectChangeCheck, projectChangeApply,
  reviewRubricRecord, panelSeatReplace, reviewAggregate, pilotNoticePublish, pilotListFinalise];
