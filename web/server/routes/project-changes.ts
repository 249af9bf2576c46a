import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Clock } from '../../../platform/clock.js';
import type { Pool } from '../../../platform/database.js';
import type { EngineApi } from '../../../platform/engine/index.js';
import { accountOf } from '../plugins/authentication.js';
import { changeRequestsOf, requestChange } from '../projects/change-requests.js';
import { exitProposalsOf, proposeExit } from '../projects/exit-proposals.js';
import {
  changeRequestBody, changeRequestCreated, changeRequestsAnswer, exitProposalBody, exitProposalCreated, exitProposalsAnswer,
} from '../schemas/project-changes.js';
import { projectParams } from '../schemas/projects.js';

// The project's readers: the province's roles, its unit's reviewers, its enterprise (each route checks the scope).
const projectReaders = ['applicant', 'city-reviewer', 'province-officer', 'division-head', 'finance', 'leadership'] as const;

/** 变更申请 by the enterprise and 退库 proposed by the province, on a project of the library. */
export const projectChangeRoutes: FastifyPluginAsyncZod<{ db: Pool; engine: EngineApi; clock: Clock }> = async (app, deps) => {
  app.post('/api/projects/:projectId/change-requests', {
    config: { access: ['applicant'] },
    schema: {
      tags: ['projects'],
      summary: 'Ask to change or terminate my enterprise’s project in the library (the unit gives its opinion, the province decides)',
      params: projectParams,
      body: changeRequestBody,
      response: { 201: changeRequestCreated },
    },
  }, async (request, reply) => {
    const created = await requestChange(deps, accountOf(request), request.params.projectId, request.body);
    return reply.status(201).send({ id: created.id, status: created.status, requestedAt: created.requestedAt });
  });

  app.get('/api/projects/:projectId/change-requests', {
    config: { access: projectReaders },
    schema: {
      tags: ['projects'],
      summary: 'A project’s change requests, with the current values of the fields a request may change',
      params: projectParams,
      response: { 200: changeRequestsAnswer },
    },
  }, async (request) => changeRequestsOf(deps, accountOf(request), request.params.projectId));

  app.post('/api/projects/:projectId/exit-proposals', {
    config: { access: ['province-officer', 'division-head'] },
    schema: {
      tags: ['projects'],
      summary: 'Propose a project’s exit from the library (退库) on a ground, with the reason; a division head who did not propose it decides',
      params: projectParams,
      body: exitProposalBody,
      response: { 201: exitProposalCreated },
    },
  }, async (request, reply) => {
    const created = await proposeExit(deps, accountOf(request), request.params.projectId, request.body);
    return reply.status(201).send({ id: created.id, status: created.status, proposedAt: created.proposedAt });
  });

  app.get('/api/projects/:projectId/exit-proposals', {
    config: { access: projectReaders },
    schema: {
      tags: ['projects'],
      summary: 'A project’s exit proposals (an applicant sees only an approved one)',
      params: projectParams,
      response: { 200: exitProposalsAnswer },
    },
  }, async (request) => exitProposalsOf(deps, accountOf(request), request.params.projectId));
};
