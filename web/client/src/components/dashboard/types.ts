// The dashboards' data: the types of the server's answers (web/server/schemas/), times as Dates once parsed.

export type { CallSummary as Call } from '../../../../server/schemas/applications.js';
export type { DueTask, DueTasks, Funnel, Incidents, IncidentView as Incident, SubjectView as Subject } from '../../../../server/schemas/dashboard.js';
export type { UnitFigure as UnitFigures, UnitFigures as Figures } from '../../../../server/schemas/recommendations.js';
