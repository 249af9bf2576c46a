// The external-task topics this project's workers handle (workers/index.ts): a service task with any other topic
// would wait forever. A test keeps this list equal to the workers' own topics; it lives here, apart from the workers,
// because the browser runs the same checks and must not load the workers' code.

/** Every topic a worker of this project handles. */
export const workerTopics: readonly string[] = [
  'application-check',
  'application-request-correction',
  'application-render-documents',
  'application-status',
  'recommendation-record',
  'recommendation-table-render',
  'batch-reminders',
  'project-formal-checks',
  'project-snapshot',
  'project-status',
  'project-return-overdue',
  'project-change-check',
  'project-change-apply',
  'review-rubric-record',
  'panel-seat-replace',
  'review-aggregate',
  'pilot-notice-publish',
  'pilot-list-finalise',
];
