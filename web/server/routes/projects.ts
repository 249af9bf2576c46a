import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Clock } from '../../../platform/clock.js';
import type { Pool } from '../../../platform/database.js';
import type { EngineApi } from '../../../platform/engine/index.js';
import type { DeployedForms } from '../applications/deployed-forms.js';
import { accountOf } from '../plugins/authentication.js';
import { projectViewOf } from '../projects/project-view.js';
import { projectParams, projectView } from '../schemas/projects.js';

export interface ProjectRouteOptions {
  db: Pool;
  engine: EngineApi;
  forms: DeployedForms;
  clock: Clock;
}

/** A project of the provincial library (省级重点项目库): its page. */
export const projectRoutes: FastifyPluginAsyncZod<ProjectRouteOptions> = async (app, deps) => {
  app.get('/api/projects/:projectId', {
    config: { access: ['applicant', 'city-reviewer', 'province-officer', 'division-head', 'finance', 'leadership'] },
    schema: {
      tags: ['projects'],
      summary: 'A project: current version and admission snapshot, status rows, formal review rounds, change requests, exit proposals and the open task; its unit’s and its enterprise’s only, the whole library for the province',
      params: projectParams,
      response: { 200: projectView },
    },
  }, async (request) => projectViewOf({ ...deps, log: request.log }, accountOf(request), request.params.projectId));
};
