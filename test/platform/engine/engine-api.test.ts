import { describe, expect, it } from 'vitest';
import type { EngineClient } from '../../../platform/engine/client.js';
import { createDeploymentsApi } from '../../../platform/engine/deployments.js';
import { createExternalTasksApi } from '../../../platform/engine/external-tasks.js';
import { createHistoryApi } from '../../../platform/engine/history.js';
import { createIncidentsApi } from '../../../platform/engine/incidents.js';
import * as adapter from '../../../platform/engine/index.js';
import { createJobsApi } from '../../../platform/engine/jobs.js';
import { createProcessDefinitionsApi } from '../../../platform/engine/process-definitions.js';
import { createProcessInstancesApi } from '../../../platform/engine/process-instances.js';
import { createTasksApi } from '../../../platform/engine/tasks.js';
import { createVersionApi } from '../../../platform/engine/version.js';

// The composed EngineApi is the flat union of the resources: no resource may shadow another's method, and the
// generic request of the transport stays inside the folder.

const unused: EngineClient = {
  baseUrl: 'http://engine.invalid',
  request: () => Promise.reject(new Error('not called')),
};
const resources = [
  createVersionApi,
  createDeploymentsApi,
  createProcessDefinitionsApi,
  createProcessInstancesApi,
  createTasksApi,
  createHistoryApi,
  createIncidentsApi,
  createJobsApi,
  createExternalTasksApi,
].map((create) => Object.keys(create(unused)));

describe('createEngineApi', () => {
  it('offers every method of every resource, none of them shadowed by another resource', () => {
    // given / when
    const composed = Object.keys(adapter.createEngineApi(unused));

    // then
    const all = resources.flat();
    expect(all.filter((name, i) => all.indexOf(name) !== i)).toEqual([]);
    expect(composed.sort()).toEqual([...all].sort());
  });

  it('offers typed methods only: no generic request, on the API or among the folder’s exports', () => {
    expect(Object.keys(adapter.createEngineApi(unused))).not.toContain('request');
    expect(Object.keys(adapter)).not.toContain('createEngineClient');
  });
});
