// The statuses of an application (DOMAIN.md, "Lifecycle and statuses"), each shown to the applicant with its date.

export const applicationStatuses = {
  draft: '草稿',
  submitted: '已提交',
  checking: '自动审查中',
  'correction-requested': '待补正',
  resubmitted: '已补正重新提交',
  'awaiting-sealed-scans': '待上传盖章材料',
  'with-city': '市级初审中',
  refused: '不予受理',
  withdrawn: '已撤回',
  'in-city-library': '已纳入市级重点项目库',
  recommended: '已推荐至省厅',
  'not-recommended': '不予推荐',
} as const;

export type ApplicationStatus = keyof typeof applicationStatuses;

/** Every status code, for enums in schemas. */
export const applicationStatusCodes = Object.keys(applicationStatuses) as [ApplicationStatus, ...ApplicationStatus[]];

/** The statuses a process step may set through the `application-status` topic. */
export const processSetStatuses = ['withdrawn', 'in-city-library', 'not-recommended'] as const satisfies readonly ApplicationStatus[];

/** Statuses after which an application no longer counts as a live declaration (for the duplicate rule E6). */
export const closedStatuses: readonly ApplicationStatus[] = ['draft', 'refused', 'withdrawn'];

/** Statuses of an application in its unit's library: passed by the unit's review, or recommended from it since. */
export const libraryStatuses = ['in-city-library', 'recommended'] as const satisfies readonly ApplicationStatus[];
