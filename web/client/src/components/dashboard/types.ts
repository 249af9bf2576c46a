// The dashboards' data as the API sends it (times as ISO strings).

export interface Call { id: string; title: string; year: number }

export interface UnitFigures {
  unitId: string; unitName: string; target: number | null; isCap: boolean; submitted: number; pendingReview: number;
  inLibrary: number; recommended: number; cityPlatformsRecommended: number; onTime: boolean | null;
}
export interface Figures { provinceFloor: number; totalRecommended: number; units: UnitFigures[] }

export interface Funnel { total: number; steps: { status: string; label: string; count: number }[] }

/** What an engine task or incident is about. */
export interface Subject {
  applicationId: string | null; applicationNumber: string | null; projectName: string | null;
  unitId: string | null; unitName: string | null; callId: string | null; callTitle: string | null;
}

export interface DueTask extends Subject { taskId: string; name: string | null; processInstanceId: string; assignee: string | null; created: string; due: string }
export interface DueTasks { now: string; nearDueUntil: string; overdue: { total: number; tasks: DueTask[] }; nearDue: { total: number; tasks: DueTask[] } }

export interface Incident extends Subject {
  incidentId: string; incidentType: string; at: string; processInstanceId: string | null; processName: string | null;
  activityId: string | null; activityName: string | null; message: string | null; details: string | null; topicName: string | null; retryable: boolean;
}
export interface Incidents { total: number; incidents: Incident[] }
