import { z } from 'zod';
import type { EngineClient } from './client.js';

// History: process instances running or ended, and the activities they went through.

const historicProcessInstance = z.object({ id: z.string(), processDefinitionId: z.string(), state: z.string(), businessKey: z.string().nullable(), startTime: z.string(), endTime: z.string().nullable() });
const historicActivity = z.object({
  id: z.string(),
  activityId: z.string(),
  activityName: z.string().nullable(),
  activityType: z.string(),
  startTime: z.string(),
  endTime: z.string().nullable(),
  sequenceCounter: z.number().optional(),
});
const historicActivityStep = historicActivity.extend({ assignee: z.string().nullable(), canceled: z.boolean().optional(), taskId: z.string().nullable().optional() });

export type HistoricActivity = z.infer<typeof historicActivity>;
export type HistoricActivityStep = z.infer<typeof historicActivityStep>;

/** History: a process instance and the instances of a business key, running or ended; their activities in order. */
export function createHistoryApi(engine: EngineClient) {
  const activitiesOf = (processInstanceId: string) =>
    `/history/activity-instance?processInstanceId=${encodeURIComponent(processInstanceId)}&sortBy=occurrence&sortOrder=asc`;
  return {
    historicProcessInstance: (id: string) =>
      engine.request('GET', `/history/process-instance/${encodeURIComponent(id)}`, { schema: historicProcessInstance }),

    /** Every instance, running or ended, started with this business key (optionally of one process key), oldest first. */
    historicProcessInstancesByBusinessKey: (businessKey: string, processDefinitionKey?: string) =>
      engine.request(
        'GET',
        `/history/process-instance?processInstanceBusinessKey=${encodeURIComponent(businessKey)}${processDefinitionKey ? `&processDefinitionKey=${encodeURIComponent(processDefinitionKey)}` : ''}&sortBy=startTime&sortOrder=asc`,
        { schema: z.array(historicProcessInstance) },
      ),

    historicActivities: (processInstanceId: string) => engine.request('GET', activitiesOf(processInstanceId), { schema: z.array(historicActivity) }),

    /** Every activity instance of a process instance, finished or not, in the order they started, with its assignee. */
    historicActivitySteps: (processInstanceId: string) => engine.request('GET', activitiesOf(processInstanceId), { schema: z.array(historicActivityStep) }),
  };
}

export type HistoryApi = ReturnType<typeof createHistoryApi>;
